package io.haina.crm.platform.notify.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import io.haina.crm.platform.web.Messages;
import io.haina.crm.platform.web.SupportedLanguages;

/** When a notice came, said the way people say it, in the reader's language and time zone. */
class NoticeItemTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 23, 15, 30, 0, 0, SHANGHAI);

    final Messages chinese = messages(SupportedLanguages.CHINESE);
    final Messages english = messages(SupportedLanguages.ENGLISH);

    @Test
    void recentTimesCountMinutesAndHours() {
        assertThat(when(NOW.minusSeconds(20), english)).isEqualTo("just now");
        assertThat(when(NOW.minusSeconds(20), chinese)).isEqualTo("刚刚");
        assertThat(when(NOW.minusMinutes(5), english)).isEqualTo("5 min ago");
        assertThat(when(NOW.minusMinutes(59), chinese)).isEqualTo("59 分钟前");
        assertThat(when(NOW.minusHours(3), english)).isEqualTo("3 h ago");
        assertThat(when(NOW.withHour(0).withMinute(5), chinese)).as("earlier today").isEqualTo("15 小时前");
    }

    @Test
    void olderTimesSayYesterdayOrTheDateInTheReadersZone() {
        assertThat(when(NOW.minusDays(1).withHour(9).withMinute(5), english)).isEqualTo("yesterday 09:05");
        assertThat(when(NOW.minusDays(1).withHour(20).withMinute(0), chinese)).isEqualTo("昨天 20:00");
        assertThat(when(NOW.minusDays(3), english)).isEqualTo("2026-11-20");
        // 01:00 in Shanghai is earlier today there, and 17:00 the day before in London.
        ZonedDateTime early = NOW.withHour(1).withMinute(0);
        assertThat(when(early, english)).isEqualTo("14 h ago");
        ZoneId london = ZoneId.of("Europe/London");
        assertThat(NoticeItem.when(early.withZoneSameInstant(london), NOW.toInstant(), london, english))
                .isEqualTo("yesterday 17:00");
    }

    private static String when(ZonedDateTime created, Messages msg) {
        Instant now = NOW.toInstant();
        return NoticeItem.when(created, now, SHANGHAI, msg);
    }

    private static Messages messages(java.util.Locale locale) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Messages(source, locale);
    }
}

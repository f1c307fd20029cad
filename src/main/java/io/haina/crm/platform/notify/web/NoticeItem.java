package io.haina.crm.platform.notify.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import io.haina.crm.platform.notify.inbox.StoredNotice;
import io.haina.crm.platform.web.Messages;

/**
 * A notice as the bell and the notifications page show it, in the reader's language and time zone.
 *
 * @param when the time said the way people say it: just now, 5 min ago, 3 h ago, yesterday 14:05, 2026-11-02
 * @param at   the exact time, for a tooltip
 */
public record NoticeItem(long id, String text, boolean unread, boolean linked, String when, String at, String iso) {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    static NoticeItem of(StoredNotice notice, Messages msg, Instant now, ZoneId zone) {
        ZonedDateTime created = notice.createdAt().atZoneSameInstant(zone);
        return new NoticeItem(notice.id(), notice.text(msg), notice.unread(), notice.link() != null,
                when(created, now, zone, msg), EXACT.format(created), notice.createdAt().toInstant().toString());
    }

    static String when(ZonedDateTime created, Instant now, ZoneId zone, Messages msg) {
        Duration ago = Duration.between(created.toInstant(), now);
        if (ago.toMinutes() < 1) {
            return msg.t("notify.time.now");
        }
        if (ago.toMinutes() < 60) {
            return msg.t("notify.time.minutes", ago.toMinutes());
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (ago.toHours() < 12 || created.toLocalDate().equals(today)) {
            return msg.t("notify.time.hours", ago.toHours());
        }
        if (created.toLocalDate().equals(today.minusDays(1))) {
            return msg.t("notify.time.yesterday", HOUR.format(created));
        }
        return created.toLocalDate().toString();
    }

    /** Where opening the notice leads: through the page that marks it read. */
    public String href() {
        return NotificationController.PAGE + "/" + id + "/open";
    }
}

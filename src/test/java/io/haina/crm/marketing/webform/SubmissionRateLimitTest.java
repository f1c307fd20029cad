package io.haina.crm.marketing.webform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.haina.crm.testsupport.MutableClock;

/** Five posts a minute and thirty an hour per form and address, in windows that slide with the clock. */
class SubmissionRateLimitTest {

    final MutableClock clock = new MutableClock(ZoneOffset.UTC);
    final SubmissionRateLimit limit = new SubmissionRateLimit(5, 30, clock);

    @Test
    void theSixthPostOfAMinuteIsRefusedAndAllowedAgainOnceTheFirstIsAMinuteOld() {
        for (int i = 0; i < 5; i++) {
            assertThat(limit.tryPost("form", "198.51.100.7")).isTrue();
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(limit.tryPost("form", "198.51.100.7")).isFalse();
        clock.advance(Duration.ofSeconds(36));
        assertThat(limit.tryPost("form", "198.51.100.7")).isTrue();
    }

    @Test
    void otherAddressesAndOtherFormsCountApart() {
        for (int i = 0; i < 5; i++) {
            limit.tryPost("form", "198.51.100.7");
        }
        assertThat(limit.tryPost("form", "198.51.100.7")).isFalse();
        assertThat(limit.tryPost("form", "198.51.100.8")).isTrue();
        assertThat(limit.tryPost("other-form", "198.51.100.7")).isTrue();
    }

    @Test
    void slowButEndlessPostsStopAtThirtyAnHour() {
        int accepted = 0;
        for (int i = 0; i < 40; i++) {
            if (limit.tryPost("form", "198.51.100.7")) {
                accepted++;
            }
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(accepted).isEqualTo(30);
        clock.advance(Duration.ofMinutes(21));
        assertThat(limit.tryPost("form", "198.51.100.7")).isTrue();
    }
}

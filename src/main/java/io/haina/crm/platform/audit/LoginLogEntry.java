package io.haina.crm.platform.audit;

import java.time.OffsetDateTime;

/** One line of the sign-in log. */
public record LoginLogEntry(long id, OffsetDateTime occurredAt, String username, Long userId, boolean success,
                            String failureReason, String channel, String ip, String userAgent) {

    /** When, in the reader's time zone, to the second. */
    public String at(java.time.ZoneId zone) {
        return occurredAt.atZoneSameInstant(zone).toLocalDateTime().withNano(0).toString().replace('T', ' ');
    }
}

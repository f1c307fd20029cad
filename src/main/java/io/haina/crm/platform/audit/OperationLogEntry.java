package io.haina.crm.platform.audit;

import java.time.OffsetDateTime;

/** One line of the admin operation log; {@code details} is the change as JSON. */
public record OperationLogEntry(long id, OffsetDateTime occurredAt, Long actorId, String actorName, String action,
                                String targetType, Long targetId, String targetName, String details, String ip) {

    /** When, in the reader's time zone, to the second. */
    public String at(java.time.ZoneId zone) {
        return occurredAt.atZoneSameInstant(zone).toLocalDateTime().withNano(0).toString().replace('T', ' ');
    }
}

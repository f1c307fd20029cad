package io.haina.crm.platform.activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Whose inbox is asked for, in which time zone, and when: "today" is the reader's today. */
public record TodoReader(long userId, ZoneId zone, OffsetDateTime now) {

    public LocalDate today() {
        return now.atZoneSameInstant(zone).toLocalDate();
    }

    /** The first moment of the reader's tomorrow: what is due before it is due today or overdue. */
    public OffsetDateTime endOfToday() {
        return today().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }
}

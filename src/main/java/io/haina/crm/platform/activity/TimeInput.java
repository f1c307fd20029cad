package io.haina.crm.platform.activity;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import io.haina.crm.platform.web.InputChecks;

/**
 * Reads a moment as people and programs type it: a form's {@code 2026-11-23T14:30} (or with a
 * blank for the T) in the writer's time zone, or ISO-8601 with an offset from the API.
 */
final class TimeInput {

    private TimeInput() {
    }

    /** The moment, or null when the text is blank; an unreadable text is a problem at the field. */
    static OffsetDateTime read(InputChecks checks, String field, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String iso = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(iso).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException unreadable) {
                checks.add(field, "validation.date-time");
                return null;
            }
        }
    }
}

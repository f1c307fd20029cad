package io.haina.crm.platform.activity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an iCalendar document (RFC 5545) the way calendar apps read it: CRLF line ends, lines
 * folded at 75 octets without cutting a UTF-8 character, text escaped, times in UTC with a Z.
 */
public final class ICalendarText {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final int MAX_OCTETS = 75;

    private final StringBuilder out = new StringBuilder();
    private final Instant stamp;

    /** A calendar named {@code name}, stamped (DTSTAMP) with the moment it is written. */
    public ICalendarText(String name, Instant stamp) {
        this.stamp = stamp;
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:-//Haina CRM//Activity//ZH");
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        text("X-WR-CALNAME", name);
    }

    /**
     * An event: {@code uid} unique and stable across feeds (so a changed task replaces itself in the
     * app), starting at {@code start}, lasting {@code length}, with an alarm {@code alarmBefore} it (or none).
     */
    public ICalendarText event(String uid, Instant start, Duration length, String summary, String description, String url,
                               Duration alarmBefore) {
        line("BEGIN:VEVENT");
        line("UID:" + uid);
        line("DTSTAMP:" + UTC.format(stamp));
        line("DTSTART:" + UTC.format(start));
        line("DTEND:" + UTC.format(start.plus(length)));
        text("SUMMARY", summary);
        if (description != null && !description.isBlank()) {
            text("DESCRIPTION", description);
        }
        if (url != null) {
            line("URL:" + url);
        }
        if (alarmBefore != null) {
            line("BEGIN:VALARM");
            line("ACTION:DISPLAY");
            text("DESCRIPTION", summary);
            line("TRIGGER:-PT" + alarmBefore.toMinutes() + "M");
            line("END:VALARM");
        }
        line("END:VEVENT");
        return this;
    }

    /** The whole document. */
    public String end() {
        line("END:VCALENDAR");
        return out.toString();
    }

    private void text(String name, String value) {
        line(name + ":" + escape(value));
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** One content line, folded: a CRLF and a space before each 75th octet, never inside a character. */
    private void line(String content) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space counts
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}

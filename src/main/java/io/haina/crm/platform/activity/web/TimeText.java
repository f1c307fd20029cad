package io.haina.crm.platform.activity.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.haina.crm.platform.web.Messages;

/**
 * Moments as a salesperson reads them, in their own time zone: "今天 14:30", "明天 09:00",
 * "11-28 10:00" this year, "2025-11-28 10:00" before; and as a {@code datetime-local} input holds them.
 */
public final class TimeText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Messages msg;
    private final ZoneId zone;
    private final LocalDate today;
    private final OffsetDateTime now;

    public TimeText(Messages msg, ZoneId zone, OffsetDateTime now) {
        this.msg = msg;
        this.zone = zone;
        this.now = now;
        this.today = now.atZoneSameInstant(zone).toLocalDate();
    }

    /** The moment the page is made at. */
    public OffsetDateTime now() {
        return now;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return today;
    }

    public String show(OffsetDateTime moment) {
        if (moment == null) {
            return "—";
        }
        LocalDateTime local = local(moment);
        LocalDate day = local.toLocalDate();
        if (day.equals(today)) {
            return msg.t("time.today", CLOCK.format(local));
        }
        if (day.equals(today.plusDays(1))) {
            return msg.t("time.tomorrow", CLOCK.format(local));
        }
        if (day.equals(today.minusDays(1))) {
            return msg.t("time.yesterday", CLOCK.format(local));
        }
        return (day.getYear() == today.getYear() ? THIS_YEAR : FULL).format(local);
    }

    /** Always with the date: for the calendar's tooltips and the feed. */
    public String full(OffsetDateTime moment) {
        return moment == null ? "—" : FULL.format(local(moment));
    }

    /** Just the hour: for a calendar day. */
    public String clock(OffsetDateTime moment) {
        return CLOCK.format(local(moment));
    }

    /** As a {@code <input type="datetime-local">} holds it; empty for none. */
    public String input(OffsetDateTime moment) {
        return moment == null ? "" : INPUT.format(local(moment));
    }

    /** The machine-readable moment for {@code <time datetime>}. */
    public String iso(OffsetDateTime moment) {
        return moment.toInstant().toString();
    }

    private LocalDateTime local(OffsetDateTime moment) {
        return moment.atZoneSameInstant(zone).toLocalDateTime();
    }
}

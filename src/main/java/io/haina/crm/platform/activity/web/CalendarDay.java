package io.haina.crm.platform.activity.web;

import java.time.LocalDate;
import java.util.List;

/** One day of the calendar grid with what falls on it; {@code inMonth} false for the grey days around a month. */
public record CalendarDay(LocalDate date, boolean inMonth, boolean today, List<Entry> entries) {

    /** A task due or a follow-up written that day. */
    public record Entry(String time, String title, String link, String kind, boolean done, boolean overdue) {
    }
}

package io.haina.crm.platform.records.filter;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stretch of days named relative to today, as a salesperson says it: {@code today},
 * {@code yesterday}, {@code tomorrow}; {@code this_/last_/next_} + {@code week} (Monday to Sunday),
 * {@code month}, {@code quarter}, {@code year}; {@code last_N_days} (the N days up to and including
 * today) and {@code next_N_days} (the N days from today on). "Today" is the reader's today, so the
 * caller passes the date in the reader's time zone.
 *
 * @param from  the first day
 * @param until the day after the last
 */
public record RelativePeriod(LocalDate from, LocalDate until) {

    /** Named periods, for the filter builder's choices; {@code last_N_days} and {@code next_N_days} come on top. */
    public static final List<String> NAMES = List.of("today", "yesterday", "tomorrow", "this_week", "last_week",
            "next_week", "this_month", "last_month", "next_month", "this_quarter", "last_quarter", "next_quarter",
            "this_year", "last_year", "next_year", "last_7_days", "last_30_days", "next_7_days", "next_30_days");

    private static final Pattern N_DAYS = Pattern.compile("(last|next)_(\\d{1,4})_days");
    private static final Pattern NAMED = Pattern.compile("(this|last|next)_(week|month|quarter|year)");

    public static Optional<RelativePeriod> of(String name, LocalDate today) {
        String key = name.toLowerCase(Locale.ROOT);
        switch (key) {
            case "today" -> {
                return Optional.of(days(today, 1));
            }
            case "yesterday" -> {
                return Optional.of(days(today.minusDays(1), 1));
            }
            case "tomorrow" -> {
                return Optional.of(days(today.plusDays(1), 1));
            }
            default -> {
                // fall through to the patterns
            }
        }
        Matcher nDays = N_DAYS.matcher(key);
        if (nDays.matches()) {
            int n = Integer.parseInt(nDays.group(2));
            if (n < 1) {
                return Optional.empty();
            }
            return Optional.of(nDays.group(1).equals("last") ? days(today.minusDays(n - 1L), n) : days(today, n));
        }
        Matcher named = NAMED.matcher(key);
        if (!named.matches()) {
            return Optional.empty();
        }
        int shift = switch (named.group(1)) {
            case "last" -> -1;
            case "next" -> 1;
            default -> 0;
        };
        return Optional.of(switch (named.group(2)) {
            case "week" -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(shift);
                yield new RelativePeriod(monday, monday.plusWeeks(1));
            }
            case "month" -> {
                LocalDate first = today.withDayOfMonth(1).plusMonths(shift);
                yield new RelativePeriod(first, first.plusMonths(1));
            }
            case "quarter" -> {
                LocalDate first = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1)
                        .plusMonths(3L * shift);
                yield new RelativePeriod(first, first.plusMonths(3));
            }
            default -> {
                LocalDate first = today.withDayOfYear(1).plusYears(shift);
                yield new RelativePeriod(first, first.plusYears(1));
            }
        });
    }

    private static RelativePeriod days(LocalDate first, int count) {
        return new RelativePeriod(first, first.plusDays(count));
    }
}

package io.haina.crm.platform.records.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class RelativePeriodTest {

    /** A Wednesday in the middle of the fourth quarter. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void daysAroundToday() {
        assertThat(period("today")).isEqualTo(range("2026-11-25", "2026-11-26"));
        assertThat(period("yesterday")).isEqualTo(range("2026-11-24", "2026-11-25"));
        assertThat(period("tomorrow")).isEqualTo(range("2026-11-26", "2026-11-27"));
        assertThat(period("last_7_days")).isEqualTo(range("2026-11-19", "2026-11-26"));
        assertThat(period("next_30_days")).isEqualTo(range("2026-11-25", "2026-12-25"));
    }

    @Test
    void weeksRunMondayToSunday() {
        assertThat(period("this_week")).isEqualTo(range("2026-11-23", "2026-11-30"));
        assertThat(period("last_week")).isEqualTo(range("2026-11-16", "2026-11-23"));
        assertThat(period("next_week")).isEqualTo(range("2026-11-30", "2026-12-07"));
    }

    @Test
    void monthsQuartersAndYearsCrossYearEnds() {
        assertThat(period("this_month")).isEqualTo(range("2026-11-01", "2026-12-01"));
        assertThat(period("next_month")).isEqualTo(range("2026-12-01", "2027-01-01"));
        assertThat(period("this_quarter")).isEqualTo(range("2026-10-01", "2027-01-01"));
        assertThat(period("next_quarter")).isEqualTo(range("2027-01-01", "2027-04-01"));
        assertThat(period("last_quarter")).isEqualTo(range("2026-07-01", "2026-10-01"));
        assertThat(period("last_year")).isEqualTo(range("2025-01-01", "2026-01-01"));
        assertThat(RelativePeriod.of("last_month", LocalDate.of(2026, 1, 15))).contains(range("2025-12-01", "2026-01-01"));
    }

    @Test
    void unknownNamesAreNoPeriod() {
        assertThat(RelativePeriod.of("last_0_days", TODAY)).isEmpty();
        assertThat(RelativePeriod.of("someday", TODAY)).isEmpty();
        assertThat(RelativePeriod.NAMES).allSatisfy(name -> assertThat(RelativePeriod.of(name, TODAY)).isPresent());
    }

    private static RelativePeriod period(String name) {
        return RelativePeriod.of(name, TODAY).orElseThrow();
    }

    private static RelativePeriod range(String from, String until) {
        return new RelativePeriod(LocalDate.parse(from), LocalDate.parse(until));
    }
}

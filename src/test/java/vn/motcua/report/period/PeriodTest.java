package vn.motcua.report.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** domain.md, "Periods": S = the day after the previous month's cutoff, E = this month's cutoff, inclusive. */
class PeriodTest {

    private static void assertBounds(String name, String cutoff, String start, String end) {
        Period p = Period.of(name, CutoffDay.parse(cutoff));
        assertThat(p.start()).as("start of %s, cutoff %s", name, cutoff).isEqualTo(LocalDate.parse(start));
        assertThat(p.end()).as("end of %s, cutoff %s", name, cutoff).isEqualTo(LocalDate.parse(end));
    }

    @Test
    void cutoff25_theSeedsMonth() {
        assertBounds("2021-02", "25", "2021-01-26", "2021-02-25");
    }

    @Test
    void cutoff14_decree09() {
        assertBounds("2021-02", "14", "2021-01-15", "2021-02-14");
        assertBounds("2021-03", "14", "2021-02-15", "2021-03-14");
    }

    @Test
    void cutoffLast_calendarMonth() {
        assertBounds("2021-02", "last", "2021-02-01", "2021-02-28");
        assertBounds("2021-03", "last", "2021-03-01", "2021-03-31");
    }

    @Test
    void january_crossesTheYearBoundary() {
        assertBounds("2021-01", "25", "2020-12-26", "2021-01-25");
        assertBounds("2021-01", "last", "2021-01-01", "2021-01-31");
    }

    @Test
    void februaryOfALeapYear() {
        assertBounds("2024-02", "last", "2024-02-01", "2024-02-29");
        assertBounds("2024-03", "last", "2024-03-01", "2024-03-31");
        assertBounds("2024-03", "25", "2024-02-26", "2024-03-25");
        // A cutoff beyond a short month's length closes on its last day: periods still meet.
        assertBounds("2024-02", "30", "2024-01-31", "2024-02-29");
        assertBounds("2024-03", "30", "2024-03-01", "2024-03-30");
        assertBounds("2023-02", "29", "2023-01-30", "2023-02-28");
    }

    @Test
    void quarterHalfNineMonthsAndYear_spanSeveralMonths() {
        assertBounds("2021-Q1", "25", "2020-12-26", "2021-03-25");
        assertBounds("2021-Q4", "25", "2021-09-26", "2021-12-25");
        assertBounds("2021-6M", "25", "2020-12-26", "2021-06-25");
        assertBounds("2021-9M", "14", "2020-12-15", "2021-09-14");
        assertBounds("2021", "25", "2020-12-26", "2021-12-25");
    }

    @Test
    void consecutiveMonthsNeverOverlapNorLeaveAGap() {
        for (String cutoff : new String[] {"1", "14", "25", "28", "29", "30", "31", "last"}) {
            for (int year = 2023; year <= 2024; year++) {
                for (int month = 1; month <= 12; month++) {
                    Period p = Period.of(String.format("%d-%02d", year, month), CutoffDay.parse(cutoff));
                    Period next = Period.of(month == 12 ? (year + 1) + "-01" : String.format("%d-%02d", year, month + 1),
                            CutoffDay.parse(cutoff));
                    assertThat(next.start()).as("%s after %s, cutoff %s", next.name(), p.name(), cutoff)
                            .isEqualTo(p.end().plusDays(1));
                    assertThat(p.start()).isBeforeOrEqualTo(p.end());
                }
            }
        }
    }

    @Test
    void nonsensePeriodsAreRefusedWithTheExpectedForm() {
        for (String bad : new String[] {"2021-13", "2021-00", "21-02", "2021/02", "Feb 2021", "", "2021-Q5", "1999-01"}) {
            assertThatThrownBy(() -> Period.of(bad, CutoffDay.parse("25")))
                    .as(bad).isInstanceOf(PeriodException.class).hasMessageContaining("period");
        }
    }

    @Test
    void theNameSaysTheKind_andTheMonths_whateverItsCase() {
        assertKind("2021-02", PeriodKind.MONTH, "2021-02", "2021-02", "2021-02");
        assertKind("2021-q3", PeriodKind.QUARTER, "2021-Q3", "2021-07", "2021-09");
        assertKind("2021-6m", PeriodKind.HALF, "2021-6M", "2021-01", "2021-06");
        assertKind("2021-9M", PeriodKind.NINE_MONTHS, "2021-9M", "2021-01", "2021-09");
        assertKind(" 2021 ", PeriodKind.YEAR, "2021", "2021-01", "2021-12");
    }

    private static void assertKind(String text, PeriodKind kind, String name, String first, String last) {
        PeriodName n = PeriodName.parse(text);
        assertThat(n.kind()).as(text).isEqualTo(kind);
        assertThat(n.name()).isEqualTo(name).isEqualTo(n.toString());
        assertThat(n.firstMonth()).hasToString(first);
        assertThat(n.lastMonth()).hasToString(last);
        Period p = n.closedBy(CutoffDay.LAST);
        assertThat(p.kind()).isEqualTo(kind);
        assertThat(p.isMonth()).isEqualTo(kind == PeriodKind.MONTH);
        assertThat(p.named()).isEqualTo(n);
        assertThat(p).hasToString(name);
    }

    @Test
    void aPeriodThatHasNotBegun_isRefused_withItsStart() {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2021-01-27T12:00:00Z"), VietnamTime.ZONE);
        Period.of("2021-02", CutoffDay.parse("25")).requireBegun(clock);
        assertThatThrownBy(() -> Period.of("2021-02", CutoffDay.LAST).requireBegun(clock))
                .isInstanceOf(PeriodException.class).hasMessageContaining("2021-02").hasMessageContaining("01/02/2021");
        // Without a cutoff: refused only when no cutoff could make it begin (cutoff day 1 starts it earliest).
        PeriodName.parse("2021-02").requireBegun(clock);
        assertThatThrownBy(() -> PeriodName.parse("2021-03").requireBegun(clock)).isInstanceOf(PeriodException.class)
                .hasMessageContaining("02/02/2021");
    }

    @Test
    void nonsenseCutoffsAreRefused() {
        for (String bad : new String[] {"0", "32", "-1", "abc", "", "25.5"}) {
            assertThatThrownBy(() -> CutoffDay.parse(bad)).as(bad).isInstanceOf(PeriodException.class)
                    .hasMessageContaining("1..31 or 'last'");
        }
    }
}

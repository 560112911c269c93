package vn.motcua.report.period;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A reporting period: one or several consecutive months ({@link PeriodName}) closed by a cutoff day.
 * Start S is the day after the previous month's cutoff, end E the last month's cutoff, both inclusive.
 */
public record Period(PeriodName named, CutoffDay cutoff, LocalDate start, LocalDate end) {

    /** Parses a period name and derives its bounds from the cutoff day. */
    public static Period of(String name, CutoffDay cutoff) {
        return PeriodName.parse(name).closedBy(cutoff);
    }

    public String name() {
        return named.name();
    }

    public PeriodKind kind() {
        return named.kind();
    }

    public YearMonth firstMonth() {
        return named.firstMonth();
    }

    public YearMonth lastMonth() {
        return named.lastMonth();
    }

    /** True when the period is a single month. */
    public boolean isMonth() {
        return named.kind() == PeriodKind.MONTH;
    }

    /**
     * Whether the period is closed on {@code today}: its cutoff day is over. Before that its figures are
     * provisional (số liệu tạm tính): dossiers of the period may still arrive or finish.
     */
    public boolean isClosed(LocalDate today) {
        return today.isAfter(end);
    }

    /** Refuses a period starting after today (Vietnam's): nothing could be counted yet. */
    public void requireBegun(Clock clock) {
        LocalDate today = VietnamTime.today(clock);
        if (start.isAfter(today)) {
            throw new PeriodException("period.not-begun", name(), VietnamTime.format(start), VietnamTime.format(today));
        }
    }

    /** The name ("2021-02"), as sentences and logs cite the period. */
    @Override
    public String toString() {
        return name();
    }
}

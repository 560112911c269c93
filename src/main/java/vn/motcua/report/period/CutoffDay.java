package vn.motcua.report.period;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The day of the month on which a centre closes its monthly period: a number 1..31, or the
 * month's last day. A number beyond a short month's length closes on that month's last day,
 * so consecutive periods always meet without gap or overlap.
 */
public record CutoffDay(int day) {

    /** Marker for "the last day of the month". */
    public static final CutoffDay LAST = new CutoffDay(0);

    public CutoffDay {
        if (day < 0 || day > 31) {
            throw new PeriodException("period.cutoff-out-of-range", Integer.toString(day));
        }
    }

    /** Parses "25", "14" or "last" (as written in jobs/ or on the command line). */
    public static CutoffDay parse(String text) {
        if (text == null || text.isBlank()) {
            throw new PeriodException("period.cutoff-empty");
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("last")) {
            return LAST;
        }
        try {
            int day = Integer.parseInt(t);
            if (day < 1 || day > 31) {
                throw new PeriodException("period.cutoff-out-of-range", t);
            }
            return new CutoffDay(day);
        } catch (NumberFormatException e) {
            throw new PeriodException("period.cutoff-not-a-number", t);
        }
    }

    public boolean isLast() {
        return day == 0;
    }

    /** The closing date of the given month under this cutoff. */
    public LocalDate closingDate(YearMonth month) {
        return isLast() || day >= month.lengthOfMonth() ? month.atEndOfMonth() : month.atDay(day);
    }

    @Override
    public String toString() {
        return isLast() ? "last" : Integer.toString(day);
    }
}

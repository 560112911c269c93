package vn.motcua.report.period;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period as the user names it, before a cutoff day closes it: its canonical name, its kind and its months.
 * Names: {@code 2021-02} (month), {@code 2021-Q1} (quarter), {@code 2021-6M} and {@code 2021-9M} (first six /
 * nine months), {@code 2021} (year). {@link #closedBy} makes it a {@link Period} with days.
 */
public record PeriodName(String name, PeriodKind kind, YearMonth firstMonth, YearMonth lastMonth) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTHS_FROM_JANUARY = Pattern.compile("(\\d{4})-(6|9)M");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** Parses a period's name ({@code 2021-q1} is {@code 2021-Q1}); refused with what is expected. */
    public static PeriodName parse(String text) {
        if (text == null || text.isBlank()) {
            throw new PeriodException("period.missing");
        }
        String n = text.trim().toUpperCase();
        Matcher m;
        if ((m = MONTH.matcher(n)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new PeriodException("period.no-such-month", text, m.group(2));
            }
            YearMonth ym = YearMonth.of(year(m.group(1), text), month);
            return new PeriodName(n, PeriodKind.MONTH, ym, ym);
        }
        if ((m = QUARTER.matcher(n)).matches()) {
            int year = year(m.group(1), text);
            int q = Integer.parseInt(m.group(2));
            return new PeriodName(n, PeriodKind.QUARTER, YearMonth.of(year, q * 3 - 2), YearMonth.of(year, q * 3));
        }
        if ((m = MONTHS_FROM_JANUARY.matcher(n)).matches()) {
            int year = year(m.group(1), text);
            int months = Integer.parseInt(m.group(2));
            return new PeriodName(n, months == 6 ? PeriodKind.HALF : PeriodKind.NINE_MONTHS, YearMonth.of(year, 1),
                    YearMonth.of(year, months));
        }
        if ((m = YEAR.matcher(n)).matches()) {
            int year = year(m.group(1), text);
            return new PeriodName(n, PeriodKind.YEAR, YearMonth.of(year, 1), YearMonth.of(year, 12));
        }
        throw new PeriodException("period.not-understood", text);
    }

    private static int year(String digits, String name) {
        int year = Integer.parseInt(digits);
        if (year < 2000 || year > 2100) {
            throw new PeriodException("period.year-out-of-range", name, Integer.toString(year));
        }
        return year;
    }

    /** The period with its days: from the day after the previous month's cutoff to the last month's cutoff. */
    public Period closedBy(CutoffDay cutoff) {
        LocalDate start = cutoff.closingDate(firstMonth.minusMonths(1)).plusDays(1);
        LocalDate end = cutoff.closingDate(lastMonth);
        return new Period(this, cutoff, start, end);
    }

    /**
     * Refuses the period when even its earliest start (cutoff day 1) is after today: it has not begun under any
     * cutoff. Checked before anything starts, when the cutoff is not known yet.
     */
    public void requireBegun(Clock clock) {
        closedBy(new CutoffDay(1)).requireBegun(clock);
    }

    @Override
    public String toString() {
        return name;
    }
}

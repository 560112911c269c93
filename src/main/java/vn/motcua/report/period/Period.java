package vn.motcua.report.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: one or several consecutive months closed by a cutoff day.
 * Start S is the day after the previous month's cutoff, end E the last month's cutoff, both inclusive.
 *
 * <p>Names: {@code 2021-02} (month), {@code 2021-Q1} (quarter), {@code 2021-6M} and {@code 2021-9M}
 * (first six / nine months), {@code 2021} (year).
 */
public record Period(String name, YearMonth firstMonth, YearMonth lastMonth, CutoffDay cutoff,
                     LocalDate start, LocalDate end) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTHS_FROM_JANUARY = Pattern.compile("(\\d{4})-(6|9)M");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** Parses a period name and derives its bounds from the cutoff day. */
    public static Period of(String name, CutoffDay cutoff) {
        if (name == null || name.isBlank()) {
            throw new PeriodException("period.missing");
        }
        String n = name.trim().toUpperCase();
        Matcher m;
        if ((m = MONTH.matcher(n)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new PeriodException("period.no-such-month", name, m.group(2));
            }
            YearMonth ym = YearMonth.of(year(m.group(1), name), month);
            return between(n, ym, ym, cutoff);
        }
        if ((m = QUARTER.matcher(n)).matches()) {
            int year = year(m.group(1), name);
            int q = Integer.parseInt(m.group(2));
            return between(n, YearMonth.of(year, q * 3 - 2), YearMonth.of(year, q * 3), cutoff);
        }
        if ((m = MONTHS_FROM_JANUARY.matcher(n)).matches()) {
            int year = year(m.group(1), name);
            return between(n, YearMonth.of(year, 1), YearMonth.of(year, Integer.parseInt(m.group(2))), cutoff);
        }
        if ((m = YEAR.matcher(n)).matches()) {
            int year = year(m.group(1), name);
            return between(n, YearMonth.of(year, 1), YearMonth.of(year, 12), cutoff);
        }
        throw new PeriodException("period.not-understood", name);
    }

    private static int year(String digits, String name) {
        int year = Integer.parseInt(digits);
        if (year < 2000 || year > 2100) {
            throw new PeriodException("period.year-out-of-range", name, Integer.toString(year));
        }
        return year;
    }

    private static Period between(String name, YearMonth first, YearMonth last, CutoffDay cutoff) {
        LocalDate start = cutoff.closingDate(first.minusMonths(1)).plusDays(1);
        LocalDate end = cutoff.closingDate(last);
        return new Period(name, first, last, cutoff, start, end);
    }

    /** True when the period is a single month. */
    public boolean isMonth() {
        return firstMonth.equals(lastMonth);
    }

    /**
     * Whether the period is closed on {@code today}: its cutoff day is over. Before that its figures are
     * provisional (số liệu tạm tính): dossiers of the period may still arrive or finish.
     */
    public boolean isClosed(LocalDate today) {
        return today.isAfter(end);
    }

    /**
     * The earliest start a period of this name can have, whatever the cutoff (cutoff day 1): when even that is
     * after today, the period has not begun under any configuration.
     */
    public static LocalDate earliestStart(String name) {
        return of(name, new CutoffDay(1)).start();
    }
}

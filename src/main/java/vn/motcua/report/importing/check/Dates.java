package vn.motcua.report.importing.check;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import vn.motcua.report.importing.check.Reject.Rule;
import vn.motcua.report.period.VietnamTime;
import vn.motcua.report.system.Refusal;
import vn.motcua.report.importing.source.ExcelDates;
import vn.motcua.report.importing.source.Row;

/**
 * Reads the dates of one import and learns each date column's order from its values. A date with slashes is read
 * in the column's order when it is known (given with {@code --date-order}, or decided by an earlier pass);
 * otherwise it is read day first, and the column's values are counted: those that can only be day first
 * (13/02/2021), only month first (2/19/2021), or either (03/02/2021). {@link #decide} then says whether the rows
 * checked day first may be stored, or must be read again month first, or the file is refused: a date is never
 * guessed. An Excel serial number (44232 = 05/02/2021) is a date too: a date column whose cells lost their format
 * shows them.
 */
public final class Dates {

    /** Dates outside these years are typing mistakes (2201, 0021) or an empty Excel cell (1899), not dossiers. */
    static final int FIRST_YEAR = Values.FIRST_YEAR;
    static final int LAST_YEAR = Values.LAST_YEAR;

    /** Every column given: {@code --date-order}. */
    public static final String EVERY_COLUMN = "*";

    /** Five digits: 1927..2173 as Excel days; shorter numbers are not dates anyone meant. */
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(?:\\.\\d+)?");

    /** What one column's values said about its order. */
    static final class Seen {
        long dayFirst;
        long monthFirst;
        long either;
        String dayFirstExample;
        String monthFirstExample;
        String eitherExample;
    }

    private final Map<String, DateOrder> given;
    private final Map<String, Seen> seen = new LinkedHashMap<>();

    /** @param given the order of each column known before reading ({@link #EVERY_COLUMN} for all), may be empty */
    public Dates(Map<String, DateOrder> given) {
        this.given = given;
    }

    private DateOrder order(String column) {
        DateOrder o = given.get(column);
        return o != null ? o : given.get(EVERY_COLUMN);
    }

    /** The date of a column, or null (empty, or refused: then a reject is added). */
    LocalDate date(Row row, String column, boolean required, List<Reject> rejects) {
        String v = row.get(column);
        if (v.isEmpty()) {
            if (required) {
                Values.reject(row, column, "", Rule.REQUIRED, "không được để trống", "is required", rejects);
            }
            return null;
        }
        LocalDate d;
        try {
            int[] parts = slashedParts(v);
            if (parts != null) {
                d = slashed(parts, row, column, v, rejects);
                if (d == null) {
                    return null;
                }
            } else if (SERIAL.matcher(v).matches()) {
                d = LocalDate.parse(ExcelDates.text(new BigDecimal(v)).substring(0, 10));
            } else {
                d = VietnamTime.dateOf(v);
            }
        } catch (DateTimeException | NullPointerException | StringIndexOutOfBoundsException e) {
            notReal(row, column, v, order(column), rejects);
            return null;
        }
        if (d.getYear() < FIRST_YEAR || d.getYear() > LAST_YEAR) {
            Values.reject(row, column, v, Rule.DATE, "năm " + d.getYear() + " không hợp lý",
                    "has the year " + d.getYear() + ", which is not plausible", rejects);
            return null;
        }
        return d;
    }

    /**
     * The numbers of a date written {@code d/m/yyyy} or {@code d/m/yy} (a two-digit year is 20yy: what LibreOffice
     * writes for a date on an English-locale machine, {@code 02/19/21}), with an optional time {@code h:mm} or
     * {@code h:mm:ss} after white space, itself with an optional {@code AM}/{@code PM} ({@code 02/19/21 02:15 PM}):
     * the first number, the second, the year, then hour (0..23), minute, second (0 when absent); null when the text is
     * written otherwise. Read by hand, not by a regular expression: every date of a large export comes here.
     */
    static int[] slashedParts(String v) {
        int[] p = new int[6];
        int i = digits(v, 0, 1, 2, p, 0);
        i = expect(v, i, '/');
        i = digits(v, i, 1, 2, p, 1);
        i = expect(v, i, '/');
        int year = i;
        i = digits(v, i, 2, 4, p, 2);
        if (i - year == 2) {
            p[2] += 2000;
        } else if (i >= 0 && i - year != 4) {
            return null;
        }
        if (i < 0 || i == v.length()) {
            return i < 0 ? null : p;
        }
        int spaced = i;
        i = spaces(v, i);
        i = i == spaced ? -1 : digits(v, i, 1, 2, p, 3);
        i = expect(v, i, ':');
        i = digits(v, i, 2, 2, p, 4);
        if (i >= 0 && i < v.length() && v.charAt(i) == ':') {
            i = expect(v, i, ':');
            i = digits(v, i, 2, 2, p, 5);
        }
        if (i >= 0 && i < v.length()) {
            i = twelveHours(v, spaces(v, i), p);
        }
        return i == v.length() ? p : null;
    }

    /** An AM or PM after the time: the hour (1..12) made 0..23; the index after it, or -1. */
    private static int twelveHours(String v, int i, int[] p) {
        if (i + 2 > v.length() || Character.toUpperCase(v.charAt(i + 1)) != 'M') {
            return -1;
        }
        char half = Character.toUpperCase(v.charAt(i));
        if (half != 'A' && half != 'P') {
            return -1;
        }
        // 12 AM is midnight, 12 PM noon; an hour outside 1..12 is left out of range, so the date is refused as not real.
        p[3] = p[3] < 1 || p[3] > 12 ? 99 : p[3] % 12 + (half == 'P' ? 12 : 0);
        return i + 2;
    }

    private static int spaces(String v, int from) {
        int i = from;
        while (i < v.length() && " \t\n\u000B\f\r".indexOf(v.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** Reads {@code min} to {@code max} digits from {@code from} into {@code p[at]}; the index after them, or -1. */
    private static int digits(String v, int from, int min, int max, int[] p, int at) {
        if (from < 0) {
            return -1;
        }
        int i = from;
        int value = 0;
        while (i < v.length() && i - from < max && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            value = value * 10 + v.charAt(i) - '0';
            i++;
        }
        if (i - from < min) {
            return -1;
        }
        p[at] = value;
        return i;
    }

    private static int expect(String v, int i, char c) {
        return i >= 0 && i < v.length() && v.charAt(i) == c ? i + 1 : -1;
    }

    private LocalDate slashed(int[] p, Row row, String column, String v, List<Reject> rejects) {
        int a = p[0];
        int b = p[1];
        int year = p[2];
        LocalTime.of(p[3], p[4], p[5]);
        DateOrder order = order(column);
        if (order != null) {
            return order == DateOrder.DMY ? LocalDate.of(year, b, a) : LocalDate.of(year, a, b);
        }
        boolean dayFirst = valid(year, b, a);
        boolean monthFirst = valid(year, a, b);
        Seen s = seen.computeIfAbsent(column, c -> new Seen());
        if (dayFirst && monthFirst && a != b) {
            s.either++;
            if (s.eitherExample == null) {
                s.eitherExample = example(row, v);
            }
        } else if (dayFirst && !monthFirst) {
            s.dayFirst++;
            if (s.dayFirstExample == null) {
                s.dayFirstExample = example(row, v);
            }
        } else if (monthFirst && !dayFirst) {
            s.monthFirst++;
            if (s.monthFirstExample == null) {
                s.monthFirstExample = example(row, v);
            }
            // Only month first: this reading is not stored (the file is read again month first, or refused).
            Values.reject(row, column, v, Rule.DATE, "chỉ đọc được khi tháng đứng trước",
                    "can only be month first", rejects);
            return null;
        }
        return LocalDate.of(year, b, a);
    }

    /** Without an exception: half the values of a day-first column are not dates month first. */
    private static boolean valid(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    private static String example(Row row, String v) {
        return v + " (" + row.line() + ")";
    }

    private static void notReal(Row row, String column, String v, DateOrder order, List<Reject> rejects) {
        if (order == DateOrder.MDY) {
            Values.reject(row, column, v, Rule.DATE,
                    "không phải ngày có thật theo thứ tự tháng trước (tháng/ngày/năm, --date-order mdy)",
                    "is not a real date month first (month/day/year, --date-order mdy)", rejects);
        } else {
            Values.reject(row, column, v, Rule.DATE,
                    "không phải ngày có thật: ghi theo dạng 03/02/2021, 03/02/2021 08:15 hoặc 2021-02-03",
                    "is not a real date: expected 03/02/2021, 03/02/2021 08:15 or ISO 2021-02-03", rejects);
        }
    }

    /**
     * The order of each column whose dates this import read without a known order, decided from the values of the
     * whole file ({@link #decide(Map, Map, String)}).
     */
    public Map<String, DateOrder> decide(Map<String, String> headings, String file) {
        return decide(seen, headings, file);
    }

    /** These orders, with {@code more} added (or replacing theirs): for a second reading of the file. */
    public Map<String, DateOrder> orders(Map<String, DateOrder> more) {
        Map<String, DateOrder> all = new LinkedHashMap<>(given);
        all.putAll(more);
        return all;
    }

    /**
     * The order of each column whose dates were read without a known order, decided from the values of the whole
     * file: a column with a date that can only be month first is month first; one with a date that can only be day
     * first is day first; a column whose dates could all be either takes the order the file's other columns show,
     * when they agree.
     *
     * @param headings how the file heads each column, for the message
     * @return the orders decided (empty when nothing was read without one)
     * @throws Refusal when a column holds dates of both orders, or its order cannot be told
     */
    static Map<String, DateOrder> decide(Map<String, Seen> seen, Map<String, String> headings, String file) {
        Map<String, DateOrder> decided = new LinkedHashMap<>();
        List<String> undecided = new ArrayList<>();
        for (Map.Entry<String, Seen> e : seen.entrySet()) {
            Seen s = e.getValue();
            String heading = headings.getOrDefault(e.getKey(), e.getKey());
            if (s.dayFirst > 0 && s.monthFirst > 0) {
                throw new Refusal("import.dates.mixed", file, heading, s.dayFirstExample, s.monthFirstExample);
            }
            if (s.monthFirst > 0) {
                decided.put(e.getKey(), DateOrder.MDY);
            } else if (s.dayFirst > 0) {
                decided.put(e.getKey(), DateOrder.DMY);
            } else if (s.either > 0) {
                undecided.add(e.getKey());
            }
        }
        if (!undecided.isEmpty()) {
            java.util.Set<DateOrder> shown = new java.util.HashSet<>(decided.values());
            if (shown.size() != 1) {
                String column = undecided.get(0);
                throw new Refusal("import.dates.ambiguous", file, headings.getOrDefault(column, column),
                        seen.get(column).eitherExample);
            }
            DateOrder evident = shown.iterator().next();
            undecided.forEach(c -> decided.put(c, evident));
        }
        return decided;
    }
}

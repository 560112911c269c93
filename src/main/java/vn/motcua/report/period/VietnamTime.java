package vn.motcua.report.period;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** Every date in the report is a calendar date in Asia/Ho_Chi_Minh; this is where text becomes such a date. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** How Vietnamese exports write dates: day first ({@code 03/02/2021}, {@code 3/2/2021 08:15[:30]}). */
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY_FIRST_TIME = DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private VietnamTime() {
    }

    /** A date as Vietnamese documents and clerks write it: 05/02/2021. */
    public static String format(LocalDate date) {
        return date.format(DAY_MONTH_YEAR);
    }

    /**
     * Parses a date as centres write it and returns its Vietnam calendar date:
     * <ul>
     * <li>day first, as Vietnamese exports write it: {@code 03/02/2021}, {@code 03/02/2021 08:15},
     * {@code 03/02/2021 08:15:30} (Vietnam time);</li>
     * <li>ISO-8601: a date ({@code 2021-02-03}), a local date-time ({@code 2021-02-03T08:15}, or with a
     * space instead of the T; taken as Vietnam time) or a date-time with an offset
     * ({@code 2021-02-25T20:00Z}, converted to Vietnam time).</li>
     * </ul>
     *
     * @throws DateTimeParseException when the text is none of these or is not a real date (31/02)
     */
    public static LocalDate dateOf(String text) {
        String t = SPACES.matcher(text.trim()).replaceAll(" ");
        if (t.indexOf('/') >= 0) {
            return t.indexOf(' ') >= 0 ? LocalDateTime.parse(t, DAY_FIRST_TIME).toLocalDate() : LocalDate.parse(t, DAY_FIRST);
        }
        if (t.length() == 10) {
            return LocalDate.parse(t);
        }
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + "T" + t.substring(11);
        }
        if (t.endsWith("Z") || t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10) {
            return OffsetDateTime.parse(t).atZoneSameInstant(ZONE).toLocalDate();
        }
        return LocalDateTime.parse(t).toLocalDate();
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}

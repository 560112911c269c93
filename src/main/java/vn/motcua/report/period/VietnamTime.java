package vn.motcua.report.period;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Every date in the report is a calendar date in Asia/Ho_Chi_Minh; this is where text becomes such a date. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }

    /**
     * Parses an ISO-8601 date ({@code 2021-02-03}), local date-time ({@code 2021-02-03T08:15}, taken
     * as Vietnam time) or date-time with offset ({@code 2021-02-25T20:00Z}, converted to Vietnam time)
     * and returns its Vietnam calendar date.
     *
     * @throws DateTimeParseException when the text is none of these or is not a real date
     */
    public static LocalDate dateOf(String text) {
        String t = text.trim();
        if (t.length() == 10) {
            return LocalDate.parse(t);
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

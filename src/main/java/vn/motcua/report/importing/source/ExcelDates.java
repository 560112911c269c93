package vn.motcua.report.importing.source;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Excel's dates: a number of days since 1899-12-30, which a workbook cell or a CSV saved from one may hold. */
public final class ExcelDates {

    private ExcelDates() {
    }

    /** An Excel date number as an ISO date or date-time, or null when it is none. */
    public static String text(BigDecimal n) {
        try {
            LocalDateTime t = LocalDateTime.of(1899, 12, 30, 0, 0)
                    .plusSeconds(n.multiply(BigDecimal.valueOf(86_400)).setScale(0, RoundingMode.HALF_UP).longValueExact());
            if (t.getYear() >= 1900 && t.getYear() <= 9999) {
                return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
            }
        } catch (ArithmeticException | DateTimeException e) {
            // not a date after all: kept as a number, which the date check refuses
        }
        return null;
    }
}

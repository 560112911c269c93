package vn.motcua.report.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import vn.motcua.report.period.VietnamTime;

/** Checks of single values shared by the import kinds; each failure adds a {@link Reject}. */
final class Values {

    private Values() {
    }

    static String required(CsvRow row, String column, List<Reject> rejects) {
        String v = row.get(column);
        if (v.isEmpty()) {
            rejects.add(new Reject(row.line(), column, "", "is required"));
        }
        return v;
    }

    static LocalDate date(CsvRow row, String column, boolean required, List<Reject> rejects) {
        String v = row.get(column);
        if (v.isEmpty()) {
            if (required) {
                rejects.add(new Reject(row.line(), column, "", "is required"));
            }
            return null;
        }
        try {
            return VietnamTime.dateOf(v);
        } catch (DateTimeParseException e) {
            rejects.add(new Reject(row.line(), column, v,
                    "is not a real date: expected an ISO date 2021-02-03 or date-time 2021-02-03T08:15 (optionally +07:00 or Z)"));
            return null;
        }
    }

    static <E extends Enum<E>> E oneOf(CsvRow row, String column, Class<E> type, boolean required, List<Reject> rejects) {
        String v = row.get(column);
        if (v.isEmpty()) {
            if (required) {
                rejects.add(new Reject(row.line(), column, "", "is required"));
            }
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        StringBuilder known = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            known.append(known.isEmpty() ? "" : "|").append(e.name().toLowerCase());
        }
        rejects.add(new Reject(row.line(), column, v, "is not one of " + known));
        return null;
    }

    static void columnCount(CsvRow row, int expected, List<Reject> rejects) {
        String count = row.values().get("#count");
        if (count != null) {
            rejects.add(new Reject(row.line(), "(row)", "", "has " + count + " values but the heading has " + expected));
        }
    }

    static void notBefore(CsvRow row, String column, LocalDate value, String otherColumn, LocalDate other,
                          List<Reject> rejects) {
        if (value != null && other != null && value.isBefore(other)) {
            rejects.add(new Reject(row.line(), column, row.get(column), "is before " + otherColumn + " " + other));
        }
    }
}

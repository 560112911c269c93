package vn.motcua.report.importing.check;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.motcua.report.importing.check.Reject.Rule;
import vn.motcua.report.period.VietnamTime;
import vn.motcua.report.importing.source.Row;
import vn.motcua.report.importing.source.Names;

/** Checks of single values shared by the import kinds; each failure adds a {@link Reject}, in Vietnamese and English. */
final class Values {

    /** Dates outside these years are typing mistakes (2201, 0021) or an empty Excel cell (1899), not dossiers. */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2100;

    private Values() {
    }

    static void reject(Row row, String column, String value, Rule rule, String vi, String en, List<Reject> rejects) {
        rejects.add(new Reject(row.line(), row.heading(column), value, rule, vi, en));
    }

    static String required(Row row, String column, List<Reject> rejects) {
        String v = row.get(column);
        if (v.isEmpty()) {
            reject(row, column, "", Rule.REQUIRED, "không được để trống", "is required", rejects);
        }
        return v;
    }

    /**
     * A value from a short list, by code or by any of its labels ({@code labels}: label key → code).
     * Returns the code, or null when empty or unknown.
     */
    static String label(Row row, String column, Map<String, String> labels, boolean required, String known,
                        List<Reject> rejects) {
        String v = row.get(column);
        if (v.isEmpty()) {
            if (required) {
                reject(row, column, "", Rule.REQUIRED, "không được để trống", "is required", rejects);
            }
            return null;
        }
        String code = labels.get(Names.key(v));
        if (code == null) {
            reject(row, column, v, Rule.LABEL, "không phải một trong " + known, "is not one of " + known, rejects);
        }
        return code;
    }

    static void columnCount(Row row, List<Reject> rejects) {
        if (row.valueCount() >= 0) {
            int count = row.valueCount();
            int expected = row.headingCount();
            reject(row, "(row)", "", Rule.SHAPE, "có " + count + " ô nhưng dòng tiêu đề có " + expected + " cột",
                    "has " + count + " values but the heading has " + expected, rejects);
        }
    }

    /** {@code value} must not be before {@code other}. */
    static void notBefore(Row row, String column, LocalDate value, String otherColumn, LocalDate other, Rule rule,
                          List<Reject> rejects) {
        if (value != null && other != null && value.isBefore(other)) {
            String o = row.heading(otherColumn);
            reject(row, column, row.get(column), rule, "trước " + o + " (" + VietnamTime.format(other) + ")",
                    "is before " + o + " (" + VietnamTime.format(other) + ")", rejects);
        }
    }
}

package vn.motcua.report.dossier;

import java.util.Map;

/** One data row of an import file: its line number and its values by canonical column name. */
public record CsvRow(long line, Map<String, String> values) {

    /** The trimmed value, or "" when the column is empty or absent. */
    public String get(String column) {
        String v = values.get(column);
        return v == null ? "" : v.trim();
    }
}

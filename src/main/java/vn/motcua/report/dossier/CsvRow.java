package vn.motcua.report.dossier;

import java.util.Map;

/**
 * One data row of an import file (CSV or workbook): its line number, its values by canonical column name,
 * and the file's own heading of each column (to name it as the clerk sees it).
 */
public record CsvRow(long line, Map<String, String> values, Map<String, String> headings) {

    public CsvRow(long line, Map<String, String> values) {
        this(line, values, Map.of());
    }

    /** The trimmed value, or "" when the column is empty or absent. */
    public String get(String column) {
        String v = values.get(column);
        return v == null ? "" : v.trim();
    }

    /** The heading as written in the file, or the canonical name. */
    public String heading(String column) {
        return headings.getOrDefault(column, column);
    }
}

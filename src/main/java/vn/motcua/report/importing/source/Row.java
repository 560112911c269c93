package vn.motcua.report.importing.source;

import java.util.HashMap;
import java.util.Map;

/**
 * One data row of an import file (CSV or workbook): its line number, its values by canonical column name,
 * and the file's own heading of each column (to name it as the clerk sees it). The values are an array in the
 * order of the file's {@link Columns}: a million rows share one map of names instead of holding one each.
 */
public final class Row {

    /** Where each canonical column's value is in a row's values, for all rows of one file. */
    static final class Columns {
        private final Map<String, Integer> index = new HashMap<>();

        /** The slot of {@code column}, added when it has none. */
        int slot(String column) {
            return index.computeIfAbsent(column, c -> index.size());
        }

        int size() {
            return index.size();
        }

        Integer find(String column) {
            return index.get(column);
        }
    }

    private final long line;
    private final Columns columns;
    private final String[] values;
    private final Map<String, String> headings;
    private final int valueCount;
    private final int headingCount;
    private final boolean fromText;

    /**
     * @param valueCount   how many values the row has when that differs from the heading's count (a CSV row shifted by
     *                     a separator inside a value), else -1
     * @param headingCount how many columns the heading has
     * @param fromText     whether the file is text (CSV), where a workbook's merged cells are lost
     */
    Row(long line, Columns columns, String[] values, Map<String, String> headings, int valueCount, int headingCount,
           boolean fromText) {
        this.line = line;
        this.columns = columns;
        this.values = values;
        this.headings = headings;
        this.valueCount = valueCount;
        this.headingCount = headingCount;
        this.fromText = fromText;
    }

    public Row(long line, Map<String, String> values, Map<String, String> headings) {
        this.line = line;
        this.columns = new Columns();
        this.values = new String[values.size()];
        values.forEach((column, value) -> this.values[columns.slot(column)] = value);
        this.headings = headings;
        this.valueCount = -1;
        this.headingCount = values.size();
        this.fromText = true;
    }

    public Row(long line, Map<String, String> values) {
        this(line, values, Map.of());
    }

    public long line() {
        return line;
    }

    /** The trimmed value, or "" when the column is empty or absent. */
    public String get(String column) {
        Integer slot = columns.find(column);
        String v = slot == null ? null : values[slot];
        return v == null ? "" : v.trim();
    }

    /** The heading as written in the file, or the canonical name. */
    public String heading(String column) {
        return headings.getOrDefault(column, column);
    }

    /** How many values the row has when the heading has another count, else -1. */
    public int valueCount() {
        return valueCount;
    }

    public int headingCount() {
        return headingCount;
    }

    /** Whether the row comes from a text file (CSV): a cell merged over several rows there keeps only its first. */
    public boolean fromText() {
        return fromText;
    }
}

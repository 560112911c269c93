package vn.motcua.report.importing.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A file's heading row, understood: which canonical column each position holds (null for a column the import
 * does not use, such as "STT"), and how the file names each column.
 */
final class HeadingRow {

    /** A "?" inside a word: what a code page without Vietnamese letters writes for each of them ("Mă h? s?"). */
    private static final java.util.regex.Pattern LOST_LETTERS = java.util.regex.Pattern.compile("\\p{L}\\?|\\?\\p{L}");


    /** How many rows may precede the heading row (a title block, blank lines) or make it. */
    static final int SEARCH = 20;

    /**
     * A row read while looking for the heading row: its values, where it is for messages ("FILE line 3"), and its
     * line number.
     */
    record Candidate(List<String> values, String where, long line) {
        Candidate(List<String> values, String where) {
            this(values, where, -1);
        }
    }

    private final String[] columns;
    private final List<String> names;
    private final Map<String, String> written;
    private final List<String> ignored;
    private long firstLine = -1;
    private long lastLine = -1;

    private HeadingRow(String[] columns, List<String> names, Map<String, String> written, List<String> ignored) {
        this.columns = columns;
        this.names = names;
        this.written = written;
        this.ignored = ignored;
    }

    /** The first and last line of the rows taken as the heading (equal for a one-row heading; -1 when not known). */
    long firstLine() {
        return firstLine;
    }

    long lastLine() {
        return lastLine;
    }

    /**
     * @throws ImportException when a required heading is missing or two headings mean the same column
     */
    static HeadingRow of(List<String> headings, TableShape kind, String where) {
        Map<String, String> keys = kind.headings();
        String[] columns = new String[headings.size()];
        Map<String, String> written = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            String h = headings.get(i) == null ? "" : headings.get(i);
            String column = keys.get(Names.key(h));
            if (column == null) {
                if (!h.isBlank()) {
                    ignored.add(h.strip());
                }
                continue;
            }
            String before = written.putIfAbsent(column, h.strip());
            if (before != null) {
                throw new ImportException("import.headings-mean-the-same", where, before, h.strip(), column);
            }
            columns[i] = column;
        }
        List<String> missing = kind.missing(written.keySet());
        if (!missing.isEmpty()) {
            String found = String.join(", ", headings.stream().limit(12)
                    .map(h -> h == null ? "" : "\"" + shown(h.strip()) + "\"").toList());
            if (written.isEmpty() && LOST_LETTERS.matcher(found).find()) {
                throw new ImportException("import.headings-lost-letters", where, found);
            }
            throw written.isEmpty()
                    ? new ImportException("import.headings-missing-found", where, kind.name(), String.join(", ", missing),
                            found, String.join(",", kind.columns()))
                    : new ImportException("import.headings-missing", where, kind.name(), String.join(", ", missing),
                            String.join(",", kind.columns()));
        }
        List<String> names = new ArrayList<>(Math.min(headings.size(), TableReader.MAX_COLUMNS));
        for (int i = 0; i < headings.size() && i < TableReader.MAX_COLUMNS; i++) {
            names.add(headings.get(i) == null ? "" : headings.get(i).strip());
        }
        return new HeadingRow(columns, names, Collections.unmodifiableMap(written), List.copyOf(ignored));
    }

    /**
     * The heading among the first {@value #SEARCH} rows, skipping blank rows and a title block. A heading may be
     * two rows, a group row ("Thời gian", "Tạm dừng") over the columns' own names, with cells merged across
     * groups and down over columns that have no group: a column's name is its own cell in the lower row, or the
     * cell above when the lower one is empty (merged down). The row above is taken as the heading's group row when
     * it names a column itself or holds several groups; a title above a one-row heading is not.
     *
     * @param rows  the file's next row on each call, null at its end
     * @param empty the refusal when the rows searched are all blank
     * @throws ImportException the first non-blank row's reason not to be the heading row, or {@code empty}
     */
    static HeadingRow find(Supplier<Candidate> rows, TableShape kind, ImportException empty) {
        ImportException first = null;
        Candidate previous = null;
        for (int i = 0; i < SEARCH; i++) {
            Candidate row = rows.get();
            if (row == null) {
                break;
            }
            if (row.values().stream().allMatch(v -> v == null || v.isBlank())) {
                previous = null;
                continue;
            }
            boolean grouped = previous != null && isGroupRow(previous.values(), kind);
            List<String> names = grouped ? combined(previous.values(), row.values()) : row.values();
            try {
                HeadingRow heading = of(names, kind, grouped ? previous.where() : row.where());
                heading.firstLine = grouped ? previous.line() : row.line();
                heading.lastLine = row.line();
                return heading;
            } catch (ImportException e) {
                if (first == null) {
                    first = e;
                }
            }
            previous = row;
        }
        throw first != null ? first : empty;
    }

    /** A heading as a message shows it: a long text (not a heading at all) cut short. */
    private static String shown(String heading) {
        return heading.length() <= 60 ? heading : heading.substring(0, 59) + "…";
    }

    /** Whether a row above a heading row groups its columns: it names a column itself, or holds two groups or more. */
    private static boolean isGroupRow(List<String> values, TableShape kind) {
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                if (kind.headings().containsKey(Names.key(v))) {
                    return true;
                }
                distinct.add(Names.key(v));
            }
        }
        return distinct.size() >= 2;
    }

    /** Each column's own name: the lower row's cell, or the group row's when the lower one is empty (merged down). */
    private static List<String> combined(List<String> upper, List<String> lower) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Math.max(upper.size(), lower.size()); i++) {
            String below = i < lower.size() && lower.get(i) != null ? lower.get(i) : "";
            String above = i < upper.size() && upper.get(i) != null ? upper.get(i) : "";
            names.add(below.isBlank() ? above : below);
        }
        return names;
    }

    /** A missing column as messages name it: {@code received_at ("Ngày tiếp nhận")}. */
    static String describe(String column, TableShape kind) {
        String vi = kind.vietnameseHeading(column);
        return vi == null ? column : column + " (\"" + vi + "\")";
    }

    int size() {
        return columns.length;
    }

    /** The canonical column at a position, or null when the import does not use it. */
    String column(int index) {
        return index < columns.length ? columns[index] : null;
    }

    Map<String, String> written() {
        return written;
    }

    /** The heading of a position as the file writes it, or "" when it has none. */
    String name(int index) {
        return index >= 0 && index < names.size() ? names.get(index) : "";
    }

    List<String> ignored() {
        return ignored;
    }
}

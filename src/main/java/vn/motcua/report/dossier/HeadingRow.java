package vn.motcua.report.dossier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file's heading row, understood: which canonical column each position holds (null for a column the import
 * does not use, such as "STT"), and how the file names each column.
 */
final class HeadingRow {

    private final String[] columns;
    private final Map<String, String> written;
    private final List<String> ignored;

    private HeadingRow(String[] columns, Map<String, String> written, List<String> ignored) {
        this.columns = columns;
        this.written = written;
        this.ignored = ignored;
    }

    /**
     * @throws ImportException when a required heading is missing or two headings mean the same column
     */
    static HeadingRow of(List<String> headings, ImportKind kind, String where) {
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
                throw new ImportException(where + ": the headings \"" + before + "\" and \"" + h.strip()
                        + "\" both mean " + column + "; keep one of them");
            }
            columns[i] = column;
        }
        List<String> missing = new ArrayList<>(kind.required());
        missing.removeAll(written.keySet());
        if (!missing.isEmpty()) {
            throw new ImportException(where + ": the headings do not match a " + kind.name() + " file; missing: "
                    + describe(missing, kind)
                    + (written.isEmpty() ? " (found: " + String.join(", ", headings.stream().limit(12)
                            .map(h -> h == null ? "" : "\"" + h.strip() + "\"").toList()) + ")" : "")
                    + ". Expected: " + String.join(",", kind.columns()) + ", or the Vietnamese headings");
        }
        return new HeadingRow(columns, Collections.unmodifiableMap(written), List.copyOf(ignored));
    }

    private static String describe(List<String> missing, ImportKind kind) {
        List<String> names = new ArrayList<>();
        for (String m : missing) {
            String vi = kind.vietnameseHeading(m);
            names.add(vi == null ? m : m + " (\"" + vi + "\")");
        }
        return String.join(", ", names);
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

    List<String> ignored() {
        return ignored;
    }
}

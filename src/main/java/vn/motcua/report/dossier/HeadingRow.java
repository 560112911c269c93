package vn.motcua.report.dossier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A file's heading row, understood: which canonical column each position holds (null for a column the import
 * does not use, such as "STT"), and how the file names each column.
 */
final class HeadingRow {

    /** How many rows may precede the heading row (titles, blank lines). */
    static final int SEARCH = 10;

    /** A row read while looking for the heading row: its values, and where it is for messages ("FILE line 3"). */
    record Candidate(List<String> values, String where) {
    }

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
                throw new ImportException("import.headings-mean-the-same", where, before, h.strip(), column);
            }
            columns[i] = column;
        }
        List<String> missing = new ArrayList<>(kind.required());
        missing.removeAll(written.keySet());
        if (!missing.isEmpty()) {
            String found = String.join(", ", headings.stream().limit(12)
                    .map(h -> h == null ? "" : "\"" + h.strip() + "\"").toList());
            throw written.isEmpty()
                    ? new ImportException("import.headings-missing-found", where, kind.name(), describe(missing, kind), found,
                            String.join(",", kind.columns()))
                    : new ImportException("import.headings-missing", where, kind.name(), describe(missing, kind),
                            String.join(",", kind.columns()));
        }
        return new HeadingRow(columns, Collections.unmodifiableMap(written), List.copyOf(ignored));
    }

    /**
     * The first of the first {@value #SEARCH} rows that is the heading row of {@code kind}, skipping blank rows
     * (exports often start with a title).
     *
     * @param rows  the file's next row on each call, null at its end
     * @param empty the refusal when the rows searched are all blank
     * @throws ImportException the first non-blank row's reason not to be the heading row, or {@code empty}
     */
    static HeadingRow find(Supplier<Candidate> rows, ImportKind kind, ImportException empty) {
        ImportException first = null;
        for (int i = 0; i < SEARCH; i++) {
            Candidate row = rows.get();
            if (row == null) {
                break;
            }
            if (row.values().stream().allMatch(String::isBlank)) {
                continue;
            }
            try {
                return of(row.values(), kind, row.where());
            } catch (ImportException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first != null ? first : empty;
    }

    /** Leaves for the rest of the job how the file heads the dossier code, and the headings it does not use. */
    void saveTo(ExecutionContext context) {
        context.putString(ImportJobConfiguration.CODE_HEADING, written.getOrDefault("code", "code"));
        context.put(ImportJobConfiguration.IGNORED_HEADINGS, new ArrayList<>(ignored));
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

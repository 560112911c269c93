package vn.motcua.report.revision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.report.classify.Classification;
import vn.motcua.report.classify.ClassifiedDossier;
import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;

/**
 * Writes one chunk of classified dossiers: the chunk's per-dossier cells as one block row (ids and
 * packed cells, see {@link CellCode}), the chunk's per-field partial sums added to the revision's
 * rows ({@code report_row}) and its per-unit partial sums to the revision's sums by unit ({@code report_unit_sum}).
 * A province's one reading writes to several revisions at once: every dossier to the consolidation's, and each also
 * to the revision of the centre that received it ({@link #ClassificationWriter(JdbcTemplate, long, Map)}).
 * Runs in the chunk's transaction, together with the step's progress, so a restart never counts a
 * dossier twice; a block written twice would break the block's key and fail the step. Partitions write at
 * once: each chunk adds to the rows in one order (revisions by id, then fields by position, then units by name), so
 * they wait for each other's commits but never deadlock.
 */
public class ClassificationWriter implements ItemWriter<ClassifiedDossier> {

    private static final String INSERT_BLOCK = """
            INSERT INTO report_dossier_block (revision_id, first_dossier_id, dossier_ids, cells)
            VALUES (?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final long everyDossier;
    private final Map<String, Long> byCentre;
    private final Map<String, Integer> fieldPositions;
    private final String[] fieldCodes;
    private final String addToRow;
    private final String addToUnitSum;

    /** Every dossier to this revision. */
    public ClassificationWriter(JdbcTemplate jdbc, long revisionId) {
        this(jdbc, revisionId, Map.of());
    }

    /**
     * Every dossier to the revision {@code everyDossier}, and also to the revision {@code byCentre} gives for its
     * stored receiving centre (none for a centre it does not name).
     */
    public ClassificationWriter(JdbcTemplate jdbc, long everyDossier, Map<String, Long> byCentre) {
        this.jdbc = jdbc;
        this.everyDossier = everyDossier;
        this.byCentre = byCentre;
        this.fieldPositions = new HashMap<>();
        jdbc.query("SELECT code, position FROM field", rs -> {
            fieldPositions.put(rs.getString(1), rs.getInt(2));
        });
        this.fieldCodes = new String[fieldPositions.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
        fieldPositions.forEach((code, position) -> fieldCodes[position] = code);
        StringBuilder add = new StringBuilder();
        for (Counter c : Counter.values()) {
            add.append(add.isEmpty() ? "" : ", ").append(c.column()).append(" = report_row.").append(c.column())
                    .append(" + EXCLUDED.").append(c.column());
        }
        // Every sum of the chunk in one statement, from arrays (one per counter, then the revisions and the keys), in
        // the order given. A field retired from the catalogue after its dossiers were imported has no row yet: it
        // gets one, after the catalogue's fields, so every dossier in scope is counted (the check step compares).
        String arrays = "unnest(" + "?::bigint[], ".repeat(Counter.values().length) + "?::bigint[], ?::text[])"
                + " WITH ORDINALITY AS u(" + Counter.columns() + ", revision_id, key, n)";
        String counters = Arrays.stream(Counter.values()).map(c -> "u." + c.column()).collect(Collectors.joining(", "));
        this.addToRow = "INSERT INTO report_row (" + Counter.columns() + ", revision_id, field_code, field_name, field_order)"
                + " SELECT " + counters + ", u.revision_id, f.code, f.name, 1000000 + f.position FROM " + arrays
                + " JOIN field f ON f.code = u.key ORDER BY u.n"
                + " ON CONFLICT (revision_id, field_code) DO UPDATE SET " + add;
        this.addToUnitSum = "INSERT INTO report_unit_sum (" + Counter.columns() + ", revision_id, unit_name)"
                + " SELECT " + counters + ", u.revision_id, u.key FROM " + arrays + " ORDER BY u.n"
                + " ON CONFLICT (revision_id, unit_name) DO UPDATE SET "
                + add.toString().replace("report_row.", "report_unit_sum.");
    }

    @Override
    public void write(Chunk<? extends ClassifiedDossier> chunk) {
        int n = chunk.size();
        if (n == 0) {
            return;
        }
        Map<Long, Sums> byRevision = new TreeMap<>();
        Sums all = new Sums(n, fieldCodes.length);
        byRevision.put(everyDossier, all);
        for (ClassifiedDossier counted : chunk) {
            Classification c = counted.classification();
            Integer position = fieldPositions.get(c.field());
            if (position == null) {
                throw new IllegalStateException("Dossier " + c.dossierId() + " has field " + c.field()
                        + ", which is not in the catalogue");
            }
            int cell = CellCode.encode(position, c.intake(), c.result(), c.outcome(), c.apology());
            all.add(c, cell, position, counted.unit());
            Long ofCentre = byCentre.isEmpty() ? null : byCentre.get(counted.centre());
            if (ofCentre != null) {
                byRevision.computeIfAbsent(ofCentre, r -> new Sums(Math.max(16, n / 64), fieldCodes.length))
                        .add(c, cell, position, counted.unit());
            }
        }
        List<Object[]> blocks = new ArrayList<>(byRevision.size());
        SumArrays sums = new SumArrays();
        SumArrays unitSums = new SumArrays();
        byRevision.forEach((revisionId, of) -> {
            blocks.add(new Object[] {revisionId, of.ids[0], Arrays.copyOf(of.ids, of.count),
                    Arrays.copyOf(of.cells, of.count)});
            for (int position = 1; position < of.byPosition.length; position++) {
                if (of.byPosition[position] != null) {
                    sums.add(of.byPosition[position], revisionId, fieldCodes[position]);
                }
            }
            new TreeMap<>(of.byUnit).forEach((unit, tally) -> unitSums.add(tally, revisionId, unit));
        });
        jdbc.batchUpdate(INSERT_BLOCK, blocks);
        int updated = jdbc.update(addToRow, sums.args());
        if (updated != sums.size()) {
            throw new IllegalStateException("Only " + updated + " of the fields " + sums.keys
                    + " are in the catalogue for revisions " + sums.revisions);
        }
        jdbc.update(addToUnitSum, unitSums.args());
    }

    /** Sums as the upserts take them: an array per counter, the revisions, the keys (field codes or unit names). */
    private static final class SumArrays {
        final List<long[]> counts = new ArrayList<>();
        final List<Long> revisions = new ArrayList<>();
        final List<String> keys = new ArrayList<>();

        void add(Tally tally, long revisionId, String key) {
            counts.add(tally.toArray());
            revisions.add(revisionId);
            keys.add(key);
        }

        int size() {
            return keys.size();
        }

        Object[] args() {
            int columns = Counter.values().length;
            Object[] args = new Object[columns + 2];
            for (int c = 0; c < columns; c++) {
                long[] column = new long[counts.size()];
                for (int row = 0; row < column.length; row++) {
                    column[row] = counts.get(row)[c];
                }
                args[c] = column;
            }
            args[columns] = revisions.stream().mapToLong(Long::longValue).toArray();
            args[columns + 1] = keys.toArray(String[]::new);
            return args;
        }
    }

    /** One revision's part of a chunk: its dossiers' ids and cells, and their sums by field position and by unit. */
    private static final class Sums {
        long[] ids;
        int[] cells;
        int count;
        final Tally[] byPosition;
        final Map<String, Tally> byUnit = new HashMap<>();

        Sums(int capacity, int positions) {
            ids = new long[capacity];
            cells = new int[capacity];
            byPosition = new Tally[positions];
        }

        void add(Classification c, int cell, int position, String unit) {
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
                cells = Arrays.copyOf(cells, count * 2);
            }
            ids[count] = c.dossierId();
            cells[count++] = cell;
            Tally tally = byPosition[position];
            if (tally == null) {
                tally = byPosition[position] = new Tally();
            }
            tally.add(c);
            Tally ofUnit = byUnit.get(unit);
            if (ofUnit == null) {
                byUnit.put(unit, ofUnit = new Tally());
            }
            ofUnit.add(c);
        }
    }
}

package vn.motcua.report.revision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * Runs in the chunk's transaction, together with the step's progress, so a restart never counts a
 * dossier twice; a block written twice would break the block's key and fail the step. Partitions write at
 * once: each chunk adds to the rows in one order (fields by position, then units by name), so they wait for
 * each other's commits but never deadlock.
 */
public class ClassificationWriter implements ItemWriter<ClassifiedDossier> {

    private static final String INSERT_BLOCK = """
            INSERT INTO report_dossier_block (revision_id, first_dossier_id, dossier_ids, cells)
            VALUES (?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final long revisionId;
    private final Map<String, Integer> fieldPositions;
    private final String[] fieldCodes;
    private final String addToRow;
    private final String addToUnitSum;

    public ClassificationWriter(JdbcTemplate jdbc, long revisionId) {
        this.jdbc = jdbc;
        this.revisionId = revisionId;
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
        // A field retired from the catalogue after its dossiers were imported has no row yet: it gets one, after
        // the catalogue's fields, so every dossier in scope is counted (the check step compares with SQL).
        this.addToRow = "INSERT INTO report_row (" + Counter.columns() + ", revision_id, field_code, field_name, field_order)"
                + " SELECT " + "?, ".repeat(Counter.values().length) + "?, code, name, 1000000 + position FROM field"
                + " WHERE code = ? ON CONFLICT (revision_id, field_code) DO UPDATE SET " + add;
        this.addToUnitSum = "INSERT INTO report_unit_sum (" + Counter.columns() + ", revision_id, unit_name) VALUES ("
                + "?, ".repeat(Counter.values().length) + "?, ?) ON CONFLICT (revision_id, unit_name) DO UPDATE SET "
                + add.toString().replace("report_row.", "report_unit_sum.");
    }

    @Override
    public void write(Chunk<? extends ClassifiedDossier> chunk) {
        int n = chunk.size();
        if (n == 0) {
            return;
        }
        long[] ids = new long[n];
        int[] cells = new int[n];
        Tally[] byPosition = new Tally[fieldCodes.length];
        Map<String, Tally> byUnit = new HashMap<>();
        int i = 0;
        for (ClassifiedDossier counted : chunk) {
            Classification c = counted.classification();
            Integer position = fieldPositions.get(c.field());
            if (position == null) {
                throw new IllegalStateException("Dossier " + c.dossierId() + " has field " + c.field()
                        + ", which is not in the catalogue");
            }
            ids[i] = c.dossierId();
            cells[i++] = CellCode.encode(position, c.intake(), c.result(), c.outcome(), c.apology());
            Tally tally = byPosition[position];
            if (tally == null) {
                tally = byPosition[position] = new Tally();
            }
            tally.add(c);
            Tally unit = byUnit.get(counted.unit());
            if (unit == null) {
                byUnit.put(counted.unit(), unit = new Tally());
            }
            unit.add(c);
        }
        jdbc.update(INSERT_BLOCK, revisionId, ids[0], ids, cells);
        List<Object[]> sums = new ArrayList<>();
        for (int position = 1; position < byPosition.length; position++) {
            if (byPosition[position] == null) {
                continue;
            }
            sums.add(sumArgs(byPosition[position], fieldCodes[position]));
        }
        int[] updated = jdbc.batchUpdate(addToRow, sums);
        for (int k = 0; k < updated.length; k++) {
            if (updated[k] != 1) {
                throw new IllegalStateException("No field " + sums.get(k)[sums.get(k).length - 1]
                        + " in the catalogue for revision " + revisionId);
            }
        }
        List<Object[]> unitSums = new ArrayList<>(byUnit.size());
        new TreeMap<>(byUnit).forEach((unit, tally) -> unitSums.add(sumArgs(tally, unit)));
        jdbc.batchUpdate(addToUnitSum, unitSums);
    }

    /** The counters, the revision and the row's key, as both upserts take them. */
    private Object[] sumArgs(Tally tally, String key) {
        long[] counts = tally.toArray();
        Object[] args = new Object[counts.length + 2];
        for (int k = 0; k < counts.length; k++) {
            args[k] = counts[k];
        }
        args[counts.length] = revisionId;
        args[counts.length + 1] = key;
        return args;
    }
}

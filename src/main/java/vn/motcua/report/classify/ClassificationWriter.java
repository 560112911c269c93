package vn.motcua.report.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes one chunk of classified dossiers: each dossier's cell for this revision, and the chunk's
 * per-field partial sums added to the revision's rows. Runs in the chunk's transaction, together
 * with the step's progress, so a restart never counts a dossier twice.
 */
public class ClassificationWriter implements ItemWriter<Classification> {

    private static final String INSERT_CELL = """
            INSERT INTO report_dossier (revision_id, dossier_id, field_code, intake, result, outcome, apology)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final long revisionId;
    private final String addToRow;

    public ClassificationWriter(JdbcTemplate jdbc, long revisionId) {
        this.jdbc = jdbc;
        this.revisionId = revisionId;
        StringBuilder set = new StringBuilder();
        for (Counter c : Counter.values()) {
            set.append(set.isEmpty() ? "" : ", ").append(c.column()).append(" = ").append(c.column()).append(" + ?");
        }
        this.addToRow = "UPDATE report_row SET " + set + " WHERE revision_id = ? AND field_code = ?";
    }

    @Override
    public void write(Chunk<? extends Classification> chunk) {
        List<Object[]> cells = new ArrayList<>(chunk.size());
        Map<String, Tally> byField = new TreeMap<>();
        for (Classification c : chunk) {
            cells.add(new Object[] {revisionId, c.dossierId(), c.field(), c.intake().name(), c.result().name(),
                    c.outcome() == null ? null : c.outcome().code(), c.apology()});
            byField.computeIfAbsent(c.field(), f -> new Tally()).add(c);
        }
        jdbc.batchUpdate(INSERT_CELL, cells);
        List<Object[]> sums = new ArrayList<>(byField.size());
        byField.forEach((field, tally) -> {
            long[] counts = tally.toArray();
            Object[] args = new Object[counts.length + 2];
            for (int i = 0; i < counts.length; i++) {
                args[i] = counts[i];
            }
            args[counts.length] = revisionId;
            args[counts.length + 1] = field;
            sums.add(args);
        });
        int[] updated = jdbc.batchUpdate(addToRow, sums);
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] != 1) {
                throw new IllegalStateException("No report row for field " + sums.get(i)[sums.get(i).length - 1]
                        + " in revision " + revisionId + ": the field is not in the catalogue");
            }
        }
    }
}

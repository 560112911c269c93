package vn.motcua.report.dossier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes checked rows to the import's staging table, and refused ones to {@code import_reject}. */
public class StagingWriter implements ItemWriter<CheckedRow> {

    private final JdbcTemplate jdbc;
    private final long importId;
    private final String insertRow;

    public StagingWriter(JdbcTemplate jdbc, ImportKind kind, long importId) {
        this.jdbc = jdbc;
        this.importId = importId;
        this.insertRow = "INSERT INTO " + kind.stagingTable() + " (import_id, line, " + String.join(", ", kind.stagingColumns())
                + ") VALUES (?, ?" + ", ?".repeat(kind.stagingColumns().size()) + ")";
    }

    @Override
    public void write(Chunk<? extends CheckedRow> chunk) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> rejects = new ArrayList<>();
        for (CheckedRow row : chunk) {
            if (row.refused()) {
                for (Reject r : row.rejects()) {
                    rejects.add(new Object[] {importId, r.line(), r.column(), r.value(), r.reason()});
                }
            } else {
                List<Object> values = new ArrayList<>(row.values().length + 2);
                values.add(importId);
                values.add(row.line());
                Collections.addAll(values, row.values());
                rows.add(values.toArray());
            }
        }
        jdbc.batchUpdate(insertRow, rows);
        jdbc.batchUpdate("INSERT INTO import_reject (import_id, line, col, value, reason) VALUES (?, ?, ?, ?, ?)", rejects);
    }
}

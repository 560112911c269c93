package vn.motcua.report.dossier;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes checked rows to the import's staging table, and refused ones to {@code import_reject}. Staging rows go
 * in through one PostgreSQL COPY held open for the whole step, on a connection of its own: PostgreSQL stores
 * each chunk while the next one is read and checked (the two run on two cores), and the step waits for it only
 * at the end. The staging rows are outside the chunks' transactions; they live for one import only (an import
 * cannot be restarted, and a failed or refused one has its staging rows removed).
 */
public class StagingWriter implements ItemStreamWriter<CheckedRow> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StagingWriter.class);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final long importId;
    private final String copyRows;
    private Connection connection;
    private CopyIn copy;
    private final StringBuilder rows = new StringBuilder(1 << 16);

    public StagingWriter(JdbcTemplate jdbc, ImportKind kind, long importId) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.importId = importId;
        this.copyRows = "COPY " + kind.stagingTable() + " (import_id, line, " + String.join(", ", kind.stagingColumns())
                + ") FROM STDIN";
    }

    @Override
    public void open(ExecutionContext context) {
        if (copy != null) {
            return;
        }
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyRows);
        } catch (SQLException e) {
            close();
            throw new ItemStreamException("could not start staging the rows", e);
        }
    }

    @Override
    public void write(Chunk<? extends CheckedRow> chunk) throws SQLException {
        rows.setLength(0);
        List<Object[]> rejects = new ArrayList<>();
        List<Object[]> refusedCodes = new ArrayList<>();
        for (CheckedRow row : chunk) {
            if (row.refused()) {
                if (row.code() != null) {
                    refusedCodes.add(new Object[] {importId, row.line(), row.code()});
                }
                for (Reject r : row.rejects()) {
                    rejects.add(new Object[] {importId, r.line(), r.column(), r.value(), r.reason(), r.rule().code(),
                            r.reasonVi()});
                }
            } else {
                rows.append(importId).append('\t').append(row.line());
                for (Object v : row.values()) {
                    rows.append('\t');
                    copyText(v, rows);
                }
                rows.append('\n');
            }
        }
        if (!rows.isEmpty()) {
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
        }
        if (!rejects.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO import_reject (import_id, line, col, value, reason, rule, reason_vi)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", rejects);
        }
        if (!refusedCodes.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO import_refused_code (import_id, line, code) VALUES (?, ?, ?)", refusedCodes);
        }
    }

    /** Ends the COPY: waits for PostgreSQL to have stored every staged row. */
    @Override
    public void close() {
        try {
            if (copy != null && copy.isActive()) {
                long t0 = System.nanoTime();
                long rows = copy.endCopy();
                log.info("import {}: {} rows staged; PostgreSQL finished {} ms after the last chunk", importId, rows,
                        (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (SQLException e) {
            throw new ItemStreamException("could not finish staging the rows", e);
        } finally {
            copy = null;
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException e) {
                log.warn("closing the staging connection", e);
            }
            connection = null;
        }
    }

    /** A value in COPY's text format: \N for null, backslash escapes for the characters that delimit. */
    static void copyText(Object value, StringBuilder out) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String s = value.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}

package vn.motcua.report.dossier;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The one database transaction that an import's rows go through, from the first chunk staged to the store step's
 * end, on a connection of its own: the rows are staged, and those of a first import already stored, while the file
 * is still being read, yet nothing is seen by anyone before the store step commits, and a refused, re-read or failed
 * import leaves nothing behind (the transaction is rolled back; {@link #close} at the job's end at the latest).
 * Job scoped: one per run of the import job.
 */
public class ImportTransaction implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportTransaction.class);

    private final DataSource dataSource;
    private Connection connection;
    private JdbcTemplate jdbc;
    private long staged;
    private long stored;
    private boolean storedEveryRow = true;

    public ImportTransaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Statements in the transaction, which begins with the first. */
    JdbcTemplate jdbc() {
        if (jdbc == null) {
            try {
                connection = dataSource.getConnection();
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                close();
                throw new IllegalStateException("could not open the import's connection", e);
            }
            jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        }
        return jdbc;
    }

    /** The connection itself, for PostgreSQL's COPY. */
    Connection connection() {
        jdbc();
        return connection;
    }

    /** Rows staged by the check step. */
    long staged() {
        return staged;
    }

    /** Rows stored in their final table while the file was read. */
    long stored() {
        return stored;
    }

    /** What the check step staged, and stored while reading; and whether storing went on to the last chunk. */
    void readingDone(long stagedRows, long storedRows, boolean everyRow) {
        staged = stagedRows;
        stored = storedRows;
        storedEveryRow = everyRow;
    }

    /**
     * Whether storing while reading went on to the last chunk (no refused row or repeated code stopped it): every
     * staged row is then stored, but for those whose code was stored before, which the store step updates.
     */
    boolean storedEveryRow() {
        return storedEveryRow;
    }

    void commit() {
        try {
            if (connection != null) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not commit the import", e);
        } finally {
            close();
        }
    }

    /** Rolls back what was not committed, and gives the connection back. */
    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.warn("rolling back an import", e);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("closing an import's connection", e);
        }
        connection = null;
        jdbc = null;
    }
}

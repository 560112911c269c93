package vn.motcua.report.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.report.period.PeriodName;
import vn.motcua.report.revision.ReportKey;

/**
 * Only one run of a period at a time, and the liveness signal for executions left STARTED.
 * <p>
 * A command that runs, restarts or reruns a period first takes a session-level PostgreSQL advisory
 * lock named after the period, on a connection it keeps for the whole job. PostgreSQL drops the lock
 * when that session ends, and the session ends when the process dies (kill -9, power cut: the socket
 * closes). So: lock free ⇒ no live process works on the period, and an execution still marked
 * STARTED is the remains of a dead one; lock taken ⇒ a live process owns it, and it is never touched.
 */
@Component
public class PeriodLock {

    private static final Logger log = LoggerFactory.getLogger(PeriodLock.class);

    private final DataSource dataSource;

    public PeriodLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The period's lock if no other session holds it; keep it open while the job runs. */
    public Optional<Held> tryLock(PeriodName period) throws SQLException {
        return tryLock(ReportKey.of(period), Optional.empty());
    }

    /**
     * The lock of one report of a period (report.yaml's single centre's: the period's lock, as before); for a centre
     * within a province, also the province's lock (its consolidation's), shared, so that centres work at once while a
     * province run, which holds that lock alone, excludes them all.
     */
    public Optional<Held> tryLock(ReportKey report, Optional<ReportKey> province) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            if (province.isPresent() && !call(connection, "SELECT pg_try_advisory_lock_shared(hashtextextended(?, 0))",
                    name(province.get()))) {
                connection.close();
                return Optional.empty();
            }
            Held held = new Held(connection, name(report), province.map(PeriodLock::name));
            if (call(connection, "SELECT pg_try_advisory_lock(hashtextextended(?, 0))", name(report))) {
                log.info("Holding the lock of period {}", name(report));
                return Optional.of(held);
            }
            held.releaseProvince();
            connection.close();
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static String name(ReportKey report) {
        return report.ofCentre() ? report.period().name() + " centre " + report.centre() : report.period().name();
    }

    private static boolean call(Connection connection, String sql, String period) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, key(period));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String key(String period) {
        return "motcua-report period " + period;
    }

    /** A held period lock; closing it releases the lock before the connection goes back to the pool. */
    public static final class Held implements AutoCloseable {

        private final Connection connection;
        private final String period;
        /** The province's lock held shared with it, if any. */
        private final Optional<String> province;

        private Held(Connection connection, String period, Optional<String> province) {
            this.connection = connection;
            this.period = period;
            this.province = province;
        }

        private void releaseProvince() throws SQLException {
            if (province.isPresent()
                    && !call(connection, "SELECT pg_advisory_unlock_shared(hashtextextended(?, 0))", province.get())) {
                log.warn("The shared lock of period {} was not held at release", province.get());
            }
        }

        @Override
        public void close() {
            try {
                // A pooled connection outlives this use: unlock explicitly, or the next borrower would hold it.
                if (!call(connection, "SELECT pg_advisory_unlock(hashtextextended(?, 0))", period)) {
                    log.warn("The lock of period {} was not held at release", period);
                }
                releaseProvince();
                connection.close();
            } catch (SQLException e) {
                log.warn("Could not release the lock of period {}; dropping its connection", period, e);
                try {
                    connection.abort(Runnable::run);
                } catch (SQLException ignored) {
                    // The connection is gone either way, and the lock with its session.
                }
            }
        }
    }
}

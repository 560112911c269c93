package vn.motcua.report.revision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.motcua.report.period.PeriodName;
import vn.motcua.report.period.VietnamTime;

/**
 * The link between revisions and the report job's executions: which process runs each execution
 * ({@code report_execution}), and the executions as Spring Batch recorded them, with the period and
 * revision they ran and whether the revision was signed. Reads straight from the BATCH_* tables, so it
 * also works while another process runs a job.
 */
@Repository
public class ExecutionHistory {

    /** The report job's name in Spring Batch's tables. */
    public static final String JOB_NAME = "reportJob";

    /** One step of an execution, with Spring Batch's counts. */
    public record StepRecord(String name, BatchStatus status, long readCount, long writeCount, long commitCount,
                             long skipCount, long filterCount, long rollbackCount) {
    }

    /** One execution of the report job. Times are Vietnam time. */
    public record ExecutionRecord(long executionId, String period, int revision, BatchStatus status, String exitMessage,
                                  ExecutionEnding ending,
                                  OffsetDateTime start, OffsetDateTime end, boolean signed, String host, Long pid,
                                  List<StepRecord> steps) {

        public Optional<Duration> duration() {
            return start == null || end == null ? Optional.empty() : Optional.of(Duration.between(start, end));
        }

        public boolean running() {
            return status.isRunning();
        }

        public Optional<StepRecord> step(String name) {
            return steps.stream().filter(s -> s.name().equals(name)).findFirst();
        }
    }

    private static final String EXECUTIONS = """
            SELECT e.job_execution_id, p.parameter_value, r.parameter_value, e.status, e.exit_message,
                   e.start_time, e.end_time, rv.signed_at IS NOT NULL, x.host, x.pid, e.exit_code
              FROM batch_job_execution e
              JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
              JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'period'
              JOIN batch_job_execution_params r ON r.job_execution_id = e.job_execution_id AND r.parameter_name = 'revision'
              LEFT JOIN report_revision rv ON rv.period = p.parameter_value AND rv.revision = r.parameter_value::int
              LEFT JOIN report_execution x ON x.job_execution_id = e.job_execution_id
             WHERE i.job_name = ? AND (?::text IS NULL OR p.parameter_value = ?)
             ORDER BY e.job_execution_id DESC""";

    private static final String STEPS = """
            SELECT job_execution_id, step_name, status, read_count, write_count, commit_count,
                   read_skip_count + write_skip_count + process_skip_count, filter_count, rollback_count
              FROM batch_step_execution
             WHERE job_execution_id = ANY (?)
             ORDER BY step_execution_id""";

    private final JdbcTemplate jdbc;

    public ExecutionHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every execution of the report job, newest first; only the period's when {@code period} is not null. */
    public List<ExecutionRecord> executions(PeriodName period) {
        String name = period == null ? null : period.name();
        Map<Long, ExecutionRecord> byId = new LinkedHashMap<>();
        Map<Long, List<StepRecord>> steps = new LinkedHashMap<>();
        jdbc.query(EXECUTIONS, rs -> {
            long id = rs.getLong(1);
            List<StepRecord> list = new ArrayList<>();
            steps.put(id, list);
            long pid = rs.getLong(10);
            Long pidOrNull = rs.wasNull() ? null : pid;
            byId.put(id, new ExecutionRecord(id, rs.getString(2), Integer.parseInt(rs.getString(3)),
                    BatchStatus.valueOf(rs.getString(4)),
                    rs.getString(5), ExecutionEnding.of(rs.getString(11), rs.getString(5)), time(rs, 6), time(rs, 7), rs.getBoolean(8), rs.getString(9), pidOrNull, list));
        }, JOB_NAME, name, name);
        if (!byId.isEmpty()) {
            jdbc.query(con -> {
                var s = con.prepareStatement(STEPS);
                s.setArray(1, con.createArrayOf("bigint", byId.keySet().toArray()));
                return s;
            }, (ResultSet rs) -> {
                steps.get(rs.getLong(1)).add(new StepRecord(rs.getString(2), BatchStatus.valueOf(rs.getString(3)), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
            });
        }
        return List.copyOf(byId.values());
    }

    /** The period's execution that Spring Batch still marks as running, if any (alive or left by a dead process). */
    public Optional<ExecutionRecord> running(PeriodName period) {
        return executions(period).stream().filter(ExecutionRecord::running).findFirst();
    }

    /** Notes which process runs an execution (called as the execution starts). */
    public void recordProcess(long executionId, String period, int revision, RunningProcess process) {
        jdbc.update("""
                INSERT INTO report_execution (job_execution_id, period, revision, host, pid, process_started_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (job_execution_id) DO UPDATE SET host = EXCLUDED.host, pid = EXCLUDED.pid,
                    process_started_at = EXCLUDED.process_started_at, started_at = now()""",
                executionId, period, revision, process.host(), process.pid(),
                process.startedAt() == null ? null : Timestamp.from(process.startedAt()));
    }

    /** Spring Batch stores its times as local date-times of the JVM that wrote them (this machine's zone). */
    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.atZone(ZoneId.systemDefault()).withZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime();
    }
}

package vn.motcua.report.revision;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.motcua.report.period.PeriodName;
import vn.motcua.report.period.VietnamTime;

/**
 * The link between revisions and the report job's executions: which process runs each execution
 * ({@code report_execution}), and the executions as Spring Batch recorded them (read through its
 * {@link JobRepository}, from the database, so also while another process runs a job), with the period and
 * revision they ran and whether the revision was signed.
 */
@Repository
public class ExecutionHistory {

    /** The report job's name in Spring Batch's tables. */
    public static final String JOB_NAME = "reportJob";

    /** The job parameter naming the centre whose report an execution makes; absent for report.yaml's one centre. */
    public static final String CENTRE = "centre";

    /**
     * The job parameter ("true") of an execution whose dossiers a province run read and checked for it, in the province
     * job's own steps: its classify and check steps had nothing to do.
     */
    public static final String CLASSIFIED_BY_PROVINCE = "classifiedByProvince";

    /** One step of an execution, with Spring Batch's counts. */
    public record StepRecord(String name, BatchStatus status, long readCount, long writeCount, long commitCount,
                             long skipCount, long filterCount, long rollbackCount) {
    }

    /** One execution of the report job. Times are Vietnam time. */
    public record ExecutionRecord(long executionId, String period, int revision, BatchStatus status, String exitMessage,
                                  ExecutionEnding ending,
                                  OffsetDateTime start, OffsetDateTime end, boolean signed, String host, Long pid,
                                  List<StepRecord> steps, String centre, boolean classifiedByProvince) {

        public Optional<Duration> duration() {
            return start == null || end == null ? Optional.empty() : Optional.of(Duration.between(start, end));
        }

        public boolean running() {
            return status.isRunning();
        }

        /** Which report the execution made a revision of. */
        public ReportKey report() {
            return new ReportKey(PeriodName.parse(period), centre);
        }

        public Optional<StepRecord> step(String name) {
            return steps.stream().filter(s -> s.name().equals(name)).findFirst();
        }
    }

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;

    public ExecutionHistory(JdbcTemplate jdbc, JobRepository jobRepository) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
    }

    /**
     * Every execution of the report job, newest first; only those of report.yaml's single centre's report of the
     * period when {@code period} is not null.
     */
    public List<ExecutionRecord> executions(PeriodName named) {
        return executions(named == null ? null : ReportKey.of(named));
    }

    /** Every execution of the report job, newest first; only the report's when {@code report} is not null. */
    public List<ExecutionRecord> executions(ReportKey report) {
        return executions(report == null ? null : report.period(), report == null ? null : report.centre());
    }

    /** The executions of every report of the period (report.yaml's one centre's and each centre's), newest first. */
    public List<ExecutionRecord> ofPeriod(PeriodName period) {
        return executions(period, null);
    }

    /** Newest first: the period's (null: every period's), of the centre (null: every centre's). */
    private List<ExecutionRecord> executions(PeriodName named, String ofCentre) {
        String period = named == null ? null : named.name();
        List<JobExecution> executions = new ArrayList<>();
        for (JobInstance instance : jobRepository.findJobInstances(JOB_NAME)) {
            for (JobExecution e : jobRepository.getJobExecutions(instance)) {
                if ((period == null || period.equals(e.getJobParameters().getString("period")))
                        && (ofCentre == null || ofCentre.equals(centre(e)))) {
                    executions.add(e);
                }
            }
        }
        executions.sort(Comparator.comparingLong(JobExecution::getId).reversed());
        Map<Long, String[]> processes = new HashMap<>();
        jdbc.query("SELECT job_execution_id, host, pid FROM report_execution WHERE ?::text IS NULL OR period = ?", rs -> {
            processes.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
        }, period, period);
        Set<String> signed = new HashSet<>(jdbc.queryForList(
                "SELECT period || '/' || centre || '/' || revision FROM report_revision WHERE signed_at IS NOT NULL",
                String.class));
        List<ExecutionRecord> records = new ArrayList<>(executions.size());
        for (JobExecution e : executions) {
            String p = e.getJobParameters().getString("period");
            String centre = centre(e);
            int revision = e.getJobParameters().getLong("revision").intValue();
            String[] process = processes.getOrDefault(e.getId(), new String[2]);
            List<StepRecord> steps = e.getStepExecutions().stream()
                    .sorted(Comparator.comparingLong(StepExecution::getId))
                    .map(s -> new StepRecord(s.getStepName(), s.getStatus(), s.getReadCount(), s.getWriteCount(),
                            s.getCommitCount(), s.getSkipCount(), s.getFilterCount(), s.getRollbackCount()))
                    .toList();
            String exitMessage = e.getExitStatus().getExitDescription();
            records.add(new ExecutionRecord(e.getId(), p, revision, e.getStatus(), exitMessage,
                    ExecutionEnding.of(e.getExitStatus().getExitCode(), exitMessage), time(e.getStartTime()), time(e.getEndTime()), signed.contains(p + "/" + centre + "/" + revision), process[0],
                    process[1] == null ? null : Long.valueOf(process[1]), steps, centre,
                    "true".equals(e.getJobParameters().getString(CLASSIFIED_BY_PROVINCE))));
        }
        return List.copyOf(records);
    }

    /**
     * The {@code out} folder of the revision's latest completed execution (where its draft went), if any.
     */
    public Optional<String> completedOut(ReportKey report, int revision) {
        return jdbc.queryForList("""
                SELECT job_execution_id FROM report_execution WHERE period = ? AND centre = ? AND revision = ?
                 ORDER BY job_execution_id DESC""", Long.class, report.period().name(), report.centre(), revision).stream()
                .map(jobRepository::getJobExecution)
                .filter(e -> e != null && e.getStatus() == BatchStatus.COMPLETED)
                .map(e -> e.getJobParameters().getString("out"))
                .findFirst();
    }

    /** The period's execution that Spring Batch still marks as running, if any (alive or left by a dead process). */
    public Optional<ExecutionRecord> running(ReportKey report) {
        return executions(report).stream().filter(ExecutionRecord::running).findFirst();
    }

    /** Notes which process runs an execution (called as the execution starts). */
    public void recordProcess(long executionId, ReportKey report, int revision, RunningProcess process) {
        jdbc.update("""
                INSERT INTO report_execution (job_execution_id, period, centre, revision, host, pid, process_started_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (job_execution_id) DO UPDATE SET host = EXCLUDED.host, pid = EXCLUDED.pid,
                    process_started_at = EXCLUDED.process_started_at, started_at = now()""",
                executionId, report.period().name(), report.centre(), revision, process.host(), process.pid(),
                process.startedAt() == null ? null : Timestamp.from(process.startedAt()));
    }

    /** The centre an execution reports on: its {@code centre} parameter, absent for report.yaml's one centre. */
    private static String centre(JobExecution e) {
        String centre = e.getJobParameters().getString(CENTRE);
        return centre == null ? ReportKey.SINGLE : centre;
    }

    /** Spring Batch keeps its times as local date-times of the JVM that wrote them (this machine's zone). */
    private static OffsetDateTime time(LocalDateTime t) {
        return t == null ? null : t.atZone(ZoneId.systemDefault()).withZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime();
    }
}

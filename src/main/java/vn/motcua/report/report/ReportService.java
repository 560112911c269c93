package vn.motcua.report.report;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.system.Refusal;

/**
 * Starts, restarts and reruns the report job for a period and finds what it produced. Callers hold the
 * period's lock ({@link #lock}) around their checks and the job, so only one run of a period is active.
 */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job reportJob;
    private final RevisionRepository revisions;
    private final JobsFolder jobs;
    private final PeriodLock periodLock;
    private final ExecutionHistory history;

    public ReportService(JobOperator jobOperator, JobRepository jobRepository,
                         @Qualifier(ReportJobConfiguration.JOB_NAME) Job reportJob, RevisionRepository revisions,
                         JobsFolder jobs, PeriodLock periodLock, ExecutionHistory history) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.reportJob = reportJob;
        this.revisions = revisions;
        this.jobs = jobs;
        this.periodLock = periodLock;
        this.history = history;
    }

    /**
     * The period's lock, or a refusal saying which execution holds it, since when and on which host.
     * While it is held, no other process runs the period, and an execution marked running is dead.
     */
    public PeriodLock.Held lock(String period) throws SQLException {
        return periodLock.tryLock(period).orElseThrow(() -> history.running(period)
                .map(e -> new ReportStateException("revision.running", period, Long.toString(e.executionId()),
                        e.revision(), e.start() == null ? "?" : e.start().truncatedTo(ChronoUnit.SECONDS).toString(),
                        e.host(), String.valueOf(e.pid())))
                .orElse(new ReportStateException("revision.locked", period)));
    }

    /**
     * Resumes the latest revision of the period from its last committed chunk, with the parameters it
     * had ({@code out} replaced when given). An execution still marked running is first recovered as
     * failed: the caller holds the period's lock, so the process that ran it is dead.
     */
    public JobExecution restart(String period, Path out) throws Exception {
        // The newest execution, not the revision row: a process killed before openRevision left no row.
        ExecutionHistory.ExecutionRecord newest = newestExecution(period).orElseThrow(() -> new ReportStateException(
                "revision.nothing-to-restart", period));
        if (newest.status().equals("COMPLETED")) {
            throw new ReportStateException("revision.restart-completed", period, newest.revision());
        }
        JobExecution last = jobRepository.getJobExecution(newest.executionId());
        if (last.getStatus().isRunning()) {
            log.warn("Execution {} of {} is marked {} but no process holds the period: recovering it as failed",
                    last.getId(), period, last.getStatus());
            last = jobOperator.recover(last);
        }
        if (last.getStatus() == BatchStatus.COMPLETED) {
            throw new ReportStateException("revision.execution-completed", Long.toString(last.getId()), period);
        }
        if (last.getStatus() == BatchStatus.ABANDONED) {
            throw new ReportStateException("revision.execution-abandoned", Long.toString(last.getId()), period);
        }
        if (out == null) {
            return jobOperator.restart(last);
        }
        // Same identifying parameters: Spring Batch continues the same instance from its last committed chunk.
        JobParameters params = new JobParametersBuilder(last.getJobParameters())
                .addString("out", out.toAbsolutePath().toString(), false).toJobParameters();
        return jobOperator.start(reportJob, params);
    }

    /** The period's newest execution of the report job, whatever its state. */
    public Optional<ExecutionHistory.ExecutionRecord> newestExecution(String period) {
        return history.executions(period).stream().findFirst();
    }

    /**
     * What of the period's last run did not complete, if anything ("2021-02 revision 2 did not complete
     * (status FAILED)", worded by the caller): its latest revision, or else its newest execution, which exists without a revision
     * when the process was killed before the revision row was written. Callers add how to resume it.
     */
    public Optional<Refusal> didNotComplete(String period) {
        Optional<Revision> latest = revisions.latest(period);
        if (latest.isPresent() && !latest.get().completed()) {
            Revision r = latest.get();
            return Optional.of(r.status().equals("RUNNING")
                    ? new Refusal("revision.interrupted", period, r.revision())
                    : new Refusal("revision.not-completed", period, r.revision(), r.status()));
        }
        return newestExecution(period).filter(e -> !e.status().equals("COMPLETED"))
                .map(e -> new Refusal("revision.execution-not-completed", period, e.revision(),
                        Long.toString(e.executionId()), e.status()));
    }

    /** The revision a correction of the period would correct: its latest, which must have completed. */
    public Revision revisionToCorrect(String period) {
        didNotComplete(period).ifPresent(what -> {
            throw new ReportStateException("revision.resume-first", what, period);
        });
        return revisions.latest(period).orElseThrow(() -> new ReportStateException(
                "revision.no-report-yet", period));
    }

    /**
     * The revision a command reads: the given one, or else the period's latest completed revision;
     * {@code purpose} ends the refusal "P has no completed report to ..." (explain, sign).
     */
    public Revision revisionOrLatestCompleted(String period, Integer revision, String purpose) {
        if (revision != null) {
            return revision(period, revision);
        }
        return revisions.latestCompleted(period).orElseThrow(() -> new ReportStateException(
                "revision.no-completed-report." + purpose, period));
    }

    /**
     * The checked, canonical name of a period given on the command line ("2021-q1" is "2021-Q1"), for
     * commands that find a period's revisions: they need no cutoff, so they do not read jobs/.
     */
    public String periodName(String name) {
        return Period.of(name, CutoffDay.LAST).name();
    }

    /** The period named on the command line, with the given cutoff or the configured one. */
    public Period period(String name, String cutoff) {
        return Period.of(name, cutoff == null ? jobs.reportSettings().cutoffDay() : CutoffDay.parse(cutoff));
    }

    public Optional<Revision> latest(Period period) {
        return revisions.latest(period.name());
    }

    /**
     * Runs the job for a new revision of the period (1 for its first report). The jobs/ files are read
     * first, so a mistake in them is refused before anything is stored.
     */
    public JobExecution run(Period period, int revision, String reason, Path out) throws Exception {
        jobs.reportSettings();
        jobs.periodTexts(period);
        return jobOperator.start(reportJob, new ReportParameters(period, revision, reason, out).toJobParameters());
    }

    public Revision revision(String period, int revision) {
        return revisions.find(period, revision).orElseThrow(() -> new ReportStateException(
                "revision.no-such-revision", period, revision));
    }

    public ReportTable table(Revision revision) {
        return revisions.table(revision);
    }
}

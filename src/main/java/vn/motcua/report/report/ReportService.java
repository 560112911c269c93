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

import vn.motcua.report.catalogue.CatalogueStore;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;

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
    private final CatalogueStore catalogue;

    public ReportService(JobOperator jobOperator, JobRepository jobRepository,
                         @Qualifier(ReportJobConfiguration.JOB_NAME) Job reportJob, RevisionRepository revisions,
                         JobsFolder jobs, PeriodLock periodLock, ExecutionHistory history, CatalogueStore catalogue) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.reportJob = reportJob;
        this.revisions = revisions;
        this.jobs = jobs;
        this.periodLock = periodLock;
        this.history = history;
        this.catalogue = catalogue;
    }

    /**
     * The period's lock, or a refusal saying which execution holds it, since when and on which host.
     * While it is held, no other process runs the period, and an execution marked running is dead.
     */
    public PeriodLock.Held lock(String period) throws SQLException {
        return periodLock.tryLock(period).orElseThrow(() -> new ReportStateException(history.running(period)
                .map(e -> period + " is being reported right now by execution " + e.executionId() + " (revision "
                        + e.revision() + "), running since " + (e.start() == null ? "its start" : e.start().truncatedTo(ChronoUnit.SECONDS)) + " on host " + e.host() + " (PID " + e.pid()
                        + "). Wait for it to finish; 'history --period " + period + "' shows its progress.")
                .orElse("another command is working on " + period + " right now (it holds the period's lock);"
                        + " try again when it has finished")));
    }

    /**
     * Resumes the latest revision of the period from its last committed chunk, with the parameters it
     * had ({@code out} replaced when given). An execution still marked running is first recovered as
     * failed: the caller holds the period's lock, so the process that ran it is dead.
     */
    public JobExecution restart(String period, Path out) throws Exception {
        // The newest execution, not the revision row: a process killed before openRevision left no row.
        ExecutionHistory.ExecutionRecord newest = newestExecution(period).orElseThrow(() -> new ReportStateException(
                period + " has no report yet, so there is nothing to restart: run --period " + period));
        if (newest.status().equals("COMPLETED")) {
            throw new ReportStateException(period + " revision " + newest.revision()
                    + " completed; there is nothing to restart. A correction is a new revision: rerun --period "
                    + period + " --reason TEXT");
        }
        JobExecution last = jobRepository.getJobExecution(newest.executionId());
        if (last.getStatus().isRunning()) {
            log.warn("Execution {} of {} is marked {} but no process holds the period: recovering it as failed",
                    last.getId(), period, last.getStatus());
            last = jobOperator.recover(last);
        }
        if (last.getStatus() == BatchStatus.COMPLETED) {
            throw new ReportStateException("execution " + last.getId() + " of " + period + " completed; nothing to restart");
        }
        if (last.getStatus() == BatchStatus.ABANDONED) {
            throw new ReportStateException("execution " + last.getId() + " of " + period
                    + " was abandoned and cannot be restarted; rerun the period instead");
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
     * (status FAILED)"): its latest revision, or else its newest execution, which exists without a revision
     * when the process was killed before the revision row was written. Callers add how to resume it.
     */
    public Optional<String> didNotComplete(String period) {
        Optional<Revision> latest = revisions.latest(period);
        if (latest.isPresent() && !latest.get().completed()) {
            Revision r = latest.get();
            return Optional.of(period + " revision " + r.revision() + " did not complete ("
                    + (r.status().equals("RUNNING") ? "its process was interrupted" : "status " + r.status()) + ")");
        }
        return newestExecution(period).filter(e -> !e.status().equals("COMPLETED"))
                .map(e -> period + " revision " + e.revision() + " did not complete (execution " + e.executionId()
                        + ", " + e.status() + ")");
    }

    /** The revision a correction of the period would correct: its latest, which must have completed. */
    public Revision revisionToCorrect(String period) {
        didNotComplete(period).ifPresent(what -> {
            throw new ReportStateException(what + ": resume it first with: restart --period " + period);
        });
        return revisions.latest(period).orElseThrow(() -> new ReportStateException(
                period + " has no report yet; the first one is made with: run --period " + period));
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
                period + " has no completed report to " + purpose + "; see history --period " + period));
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
     * first, so a mistake in them is refused before anything is stored; the revision uses the catalogue of
     * jobs/catalogue.yaml as it is now.
     */
    public JobExecution run(Period period, int revision, String reason, Path out) throws Exception {
        jobs.reportSettings();
        jobs.periodTexts(period);
        catalogue.refresh();
        return jobOperator.start(reportJob, new ReportParameters(period, revision, reason, out).toJobParameters());
    }

    public Revision revision(String period, int revision) {
        return revisions.find(period, revision).orElseThrow(() -> new ReportStateException(
                period + " has no revision " + revision));
    }

    public ReportTable table(Revision revision) {
        return revisions.table(revision);
    }
}

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
import vn.motcua.report.revision.ExecutionHistory;
import vn.motcua.report.revision.ReportStateException;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.revision.RevisionStatus;

/**
 * Starts, restarts and reruns the report job for a period, decides which revision each makes, and finds
 * what it produced. A request that does not fit the period's state is refused with a
 * {@link ReportStateException}. Callers hold the period's lock ({@link #lock}) around their checks and
 * the job, so only one run of a period is active.
 */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    /** A correction of a period: the revision it corrects and the one it makes, over the corrected one's cutoff. */
    public record Correction(Revision corrects, Period period, int revision) {
    }

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
        return periodLock.tryLock(period).orElseThrow(() -> history.running(period)
                .map(e -> new ReportStateException("report.busy", period, e.executionId(), e.revision(),
                        e.start() == null ? "?" : e.start().truncatedTo(ChronoUnit.SECONDS), e.host(), e.pid()))
                .orElse(new ReportStateException("report.busy.unknown", period)));
    }

    /**
     * The revision a first run of the period makes: 1. Refused when the period has a completed report
     * (a correction is a rerun) or a run that did not complete (it is restarted).
     */
    public int firstRun(Period period) {
        Optional<Revision> completed = revisions.latest(period.name()).filter(Revision::completed);
        if (completed.isPresent()) {
            throw new ReportStateException("report.run.completed", period.name(), completed.get().revision());
        }
        refuseUnfinished(period.name(), "report.unfinished.");
        return 1;
    }

    /**
     * A correction of the period: the next revision after its latest, which must have completed, with the
     * latest's cutoff (a correction reports the same days).
     */
    public Correction correction(String period) {
        refuseUnfinished(period, "report.rerun.unfinished.");
        Revision latest = revisions.latest(period).orElseThrow(() -> new ReportStateException("report.rerun.none", period));
        return new Correction(latest, Period.of(period, CutoffDay.parse(latest.cutoff())), latest.revision() + 1);
    }

    /** The revision after the period's latest, whatever its state (1 when none): each demo or bench run makes one. */
    public int nextRevision(Period period) {
        return revisions.latest(period.name()).map(r -> r.revision() + 1).orElse(1);
    }

    /**
     * Resumes the latest revision of the period from its last committed chunk, with the parameters it
     * had ({@code out} replaced when given). An execution still marked running is first recovered as
     * failed: the caller holds the period's lock, so the process that ran it is dead.
     */
    public JobExecution restart(String period, Path out) throws Exception {
        // The newest execution, not the revision row: a process killed before openRevision left no row.
        ExecutionHistory.ExecutionRecord newest = newestExecution(period).orElseThrow(() ->
                new ReportStateException("report.restart.nothing", period));
        if (newest.status() == BatchStatus.COMPLETED) {
            throw new ReportStateException("report.restart.completed", period, newest.revision());
        }
        JobExecution last = jobRepository.getJobExecution(newest.executionId());
        if (last.getStatus().isRunning()) {
            log.warn("Execution {} of {} is marked {} but no process holds the period: recovering it as failed",
                    last.getId(), period, last.getStatus());
            last = jobOperator.recover(last);
        }
        if (last.getStatus() == BatchStatus.COMPLETED) {
            throw new ReportStateException("report.restart.completed", period, newest.revision());
        }
        if (last.getStatus() == BatchStatus.ABANDONED) {
            throw new ReportStateException("report.restart.abandoned", period, last.getId());
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
     * Refuses when the period's last run did not complete, pointing to restart: its latest revision, or else
     * its newest execution, which exists without a revision when the process was killed before the revision
     * row was written. {@code keys} starts the refusal's message key, as the command words its advice.
     */
    private void refuseUnfinished(String period, String keys) {
        Optional<Revision> latest = revisions.latest(period);
        if (latest.isPresent() && !latest.get().completed()) {
            Revision r = latest.get();
            throw r.status() == RevisionStatus.RUNNING
                    ? new ReportStateException(keys + "interrupted", period, r.revision())
                    : new ReportStateException(keys + "failed", period, r.revision(), r.status());
        }
        newestExecution(period).filter(e -> e.status() != BatchStatus.COMPLETED).ifPresent(e -> {
            throw new ReportStateException(keys + "execution", period, e.revision(), e.executionId(),
                    e.status());
        });
    }

    /** The revision explain reads: the given one, or else the period's latest completed revision. */
    public Revision toExplain(String period, Integer revision) {
        return revision != null ? revision(period, revision) : revisions.latestCompleted(period)
                .orElseThrow(() -> new ReportStateException("report.explain.none", period));
    }

    /** The revision sign-off signs: the given one, or else the period's latest completed revision. */
    public Revision toSign(String period, Integer revision) {
        return revision != null ? revision(period, revision) : revisions.latestCompleted(period)
                .orElseThrow(() -> new ReportStateException("report.sign.none", period));
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

    /**
     * Runs the job for a revision of the period (1 for its first report). The jobs/ files are read
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
        return revisions.find(period, revision).orElseThrow(() -> new ReportStateException("report.revision.none",
                period, revision));
    }

    public ReportTable table(Revision revision) {
        return revisions.table(revision);
    }
}

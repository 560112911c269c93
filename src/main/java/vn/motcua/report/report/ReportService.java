package vn.motcua.report.report;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import vn.motcua.report.catalogue.CatalogueStore;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.config.MotcuaProperties;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.period.PeriodName;
import vn.motcua.report.revision.CentreRows;
import vn.motcua.report.revision.ExecutionHistory;
import vn.motcua.report.revision.ReportKey;
import vn.motcua.report.revision.ReportStateException;
import vn.motcua.report.centre.Centres;
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

    /**
     * A correction of a period: the revision it corrects (the latest completed one; null when none completed)
     * and the one it makes, over the cutoff of the period's latest revision.
     */
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
    private final RevisionLifecycle revisionLifecycle;
    private final int partitions;
    private final int chunkSize;
    private final int provinceChunkSize;
    private final Clock clock = Clock.systemUTC();

    private final Job provinceJob;
    private final CentreRows centreRows;
    private final FailuresSeen failuresSeen;

    public ReportService(JobOperator jobOperator, JobRepository jobRepository,
                         @Qualifier(ReportJobConfiguration.JOB_NAME) Job reportJob,
                         @Qualifier(ProvinceJobConfiguration.JOB_NAME) Job provinceJob, RevisionRepository revisions,
                         JobsFolder jobs, PeriodLock periodLock, ExecutionHistory history, CatalogueStore catalogue,
                         RevisionLifecycle revisionLifecycle, MotcuaProperties settings, CentreRows centreRows,
                         FailuresSeen failuresSeen) {
        this.failuresSeen = failuresSeen;
        this.provinceJob = provinceJob;
        this.centreRows = centreRows;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.reportJob = reportJob;
        this.revisions = revisions;
        this.jobs = jobs;
        this.periodLock = periodLock;
        this.history = history;
        this.catalogue = catalogue;
        this.revisionLifecycle = revisionLifecycle;
        this.partitions = settings.partitions();
        this.chunkSize = settings.chunkSize();
        this.provinceChunkSize = settings.provinceChunkSize();
    }

    /**
     * The lock of one report of a period (report.yaml's one centre's, a centre's, the consolidation's), or a refusal
     * saying which execution holds it, since when and on which host. While it is held, no other process makes that
     * report, and an execution of it marked running is dead. A centre of a province holds the consolidation's lock
     * shared as well, so that a province run, which holds it alone, and its centres' commands exclude each other.
     */
    public PeriodLock.Held lock(ReportKey period) throws SQLException {
        Optional<ReportKey> province = province(period);
        return periodLock.tryLock(period, province).orElseThrow(() -> history.running(period)
                .or(() -> province.flatMap(history::running))
                .map(e -> new ReportStateException("report.busy", period, e.executionId(), e.revision(),
                        e.start() == null ? "?" : e.start().truncatedTo(ChronoUnit.SECONDS), e.host(), e.pid()))
                .orElse(new ReportStateException("report.busy.unknown", period)));
    }

    /**
     * The revision a first run of the period makes: 1. Refused when the period has a completed report
     * (a correction is a rerun), a run that did not complete (it is restarted) or one that cannot be
     * resumed (a new revision is made with rerun).
     */
    public int firstRun(Period period, String centre) {
        period.requireBegun(clock);
        ReportKey report = new ReportKey(period.named(), centre);
        Optional<Revision> latest = revisions.latest(report);
        if (latest.isPresent() && latest.get().completed()) {
            throw new ReportStateException("report.run.completed", report.toString(), latest.get().revision());
        }
        refuseUnfinished(report, "report.unfinished.");
        if (latest.isPresent()) {
            throw new ReportStateException("report.run.abandoned", report.toString(), latest.get().revision());
        }
        return 1;
    }

    /**
     * A correction of the period: the next revision after its latest, with the latest's cutoff (a correction
     * reports the same days). It corrects the latest completed revision, if any. Refused while the latest
     * did not complete and can be resumed (restart it first); when it cannot be resumed, the correction is
     * the way on. A period that has not begun is refused.
     */
    public Correction correction(ReportKey period) {
        refuseUnfinished(period, "report.rerun.unfinished.");
        Revision latest = revisions.latest(period).orElseThrow(() -> new ReportStateException("report.rerun.none", period));
        Period sameDays = period.period().closedBy(latest.period().cutoff());
        sameDays.requireBegun(clock);
        return new Correction(revisions.latestCompleted(period).orElse(null), sameDays, latest.revision() + 1);
    }

    /** The revision after the report's latest, whatever its state (1 when none): each demo or bench run makes one. */
    public int nextRevision(ReportKey report) {
        return revisions.latest(report).map(r -> r.revision() + 1).orElse(1);
    }

    /**
     * Finishes the period's latest revision, whatever state a killed or failed run left it in, with the
     * parameters that run had ({@code out} replaced when given): the caller holds the period's lock, so no
     * live process works on it.
     * <ul>
     * <li>killed before its job instance existed (the revision reserved, no execution): the job starts now;</li>
     * <li>an execution still marked running is the remains of a dead process: recovered as failed, then resumed
     * from its last committed chunk (steps that completed are not run again, partitions resume as they were cut);</li>
     * <li>failed or stopped: resumed the same way;</li>
     * <li>its execution completed but the process died before the revision was marked: the revision is marked.</li>
     * </ul>
     * An execution that cannot be resumed (abandoned, or refused by Spring Batch) is refused with what to do:
     * a new revision with rerun.
     */
    public JobExecution restart(ReportKey period, Path out) throws Exception {
        Optional<Revision> latest = revisions.latest(period);
        Optional<ExecutionHistory.ExecutionRecord> newest = newestExecution(period);
        if (latest.isEmpty() && newest.isEmpty()) {
            throw new ReportStateException("report.restart.nothing", period);
        }
        if (latest.isPresent() && latest.get().completed()) {
            throw new ReportStateException("report.restart.completed", period, latest.get().revision());
        }
        Optional<ExecutionHistory.ExecutionRecord> ofLatest = newest.filter(e -> latest.isEmpty()
                || e.revision() == latest.get().revision());
        if (ofLatest.isEmpty()) {
            Revision r = latest.get();
            Optional<ReportKey> province = province(period).filter(p -> makes(p, r));
            if (province.isPresent()) {
                // Its dossiers are read by the province run's own step, which may have classified some already.
                throw new ReportStateException("report.restart.in-province", period, r.revision(),
                        province.get().period());
            }
            log.warn("{} revision {} has no execution: its process was killed before the job started; starting it",
                    period, r.revision());
            return run(r.period(), r.centre(), r.revision(), r.reason(),
                    out == null ? ReportParameters.DEFAULT_OUT : out);
        }
        JobExecution last = jobRepository.getJobExecution(ofLatest.get().executionId());
        if (last.getStatus().isRunning()) {
            log.warn("Execution {} of {} is marked {} but no process holds the period: recovering it as failed",
                    last.getId(), period, last.getStatus());
            last = jobOperator.recover(last);
        }
        if (last.getStatus() == BatchStatus.COMPLETED) {
            log.warn("Execution {} of {} completed but its revision was not marked: marking it", last.getId(), period);
            revisionLifecycle.completed(last);
            return last;
        }
        int revision = ReportParameters.from(last.getJobParameters()).revision();
        if (last.getStatus() == BatchStatus.ABANDONED) {
            throw new ReportStateException("report.restart.abandoned", period, last.getId(), revision);
        }
        JobExecution resumed;
        try {
            if (out == null) {
                resumed = jobOperator.restart(last);
            } else {
                // Same identifying parameters: Spring Batch continues the same instance from its last committed chunk.
                resumed = jobOperator.start(reportJob, new JobParametersBuilder(last.getJobParameters())
                        .addString("out", out.toAbsolutePath().toString(), false).toJobParameters());
            }
        } catch (JobExecutionException e) {
            log.error("Execution {} of {} cannot be resumed; abandoning it so that rerun makes a new revision",
                    last.getId(), period, e);
            jobOperator.abandon(last);
            throw new ReportStateException("report.restart.impossible", period, last.getId(), revision);
        }
        if (abandonedForChangedData(resumed)) {
            return resumed;
        }
        Optional<String> forGood = failedForGood(resumed);
        if (forGood.isPresent()) {
            log.error("Execution {} of {} failed again in {} after a restart: {}; abandoning it so that rerun makes a"
                    + " new revision", resumed.getId(), period, forGood.get(), resumed.getAllFailureExceptions());
            jobOperator.abandon(resumed);
            throw new ReportStateException("report.restart.failed-again", period, resumed.getId(), revision,
                    forGood.get());
        }
        return resumed;
    }

    /**
     * The step a resumed execution failed in when resuming again cannot help: the checks found the committed
     * counts and the data apart (the data changed since the interrupted run), or a committed chunk would be
     * written twice. Empty for any other outcome (a disk full, a lost connection: a later restart may pass).
     */
    private static Optional<String> failedForGood(JobExecution resumed) {
        if (resumed.getStatus() != BatchStatus.FAILED) {
            return Optional.empty();
        }
        Optional<String> failedStep = resumed.getStepExecutions().stream()
                .filter(st -> st.getStatus() == BatchStatus.FAILED).map(StepExecution::getStepName).findFirst();
        boolean integrity = resumed.getAllFailureExceptions().stream().anyMatch(t -> {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof DataIntegrityViolationException) {
                    return true;
                }
            }
            return false;
        });
        return failedStep.filter(st -> integrity || st.equals(CheckStep.NAME));
    }

    /**
     * The files the job wrote: the CSV table and the draft PDF, as the steps that wrote them recorded (a
     * restarted execution may have found them written by the one before).
     */
    public Produced produced(JobExecution execution) {
        return new Produced(path(execution, WriteTableStep.NAME, WriteTableStep.PATH),
                path(execution, WriteWorkbookStep.NAME, WriteWorkbookStep.PATH),
                path(execution, DocumentStep.NAME, DocumentStep.PATH));
    }

    private Path path(JobExecution execution, String step, String key) {
        return Path.of(lastStep(execution, step).getExecutionContext().getString(key));
    }

    /** The CSV table, the workbook and the draft PDF of a revision. */
    public record Produced(Path table, Path workbook, Path document) {
    }

    private StepExecution lastStep(JobExecution execution, String step) {
        StepExecution last = jobRepository.getLastStepExecution(execution.getJobInstance(), step);
        if (last == null || last.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("execution " + execution.getId() + " completed without its step " + step);
        }
        return last;
    }

    /** The period's newest execution of the report job, whatever its state. */
    public Optional<ExecutionHistory.ExecutionRecord> newestExecution(ReportKey period) {
        return history.executions(period).stream().findFirst();
    }

    /**
     * Refuses when the period's last run did not complete and can be resumed, pointing to restart. Its
     * execution, when the job started but never got to record the revision as its own (killed or failed
     * before its first step committed); else its latest revision, RUNNING when its process was interrupted
     * (killed, even before the job started) or FAILED. An abandoned execution cannot be resumed: not refused
     * here. {@code keys} starts the refusal's message key, as the command words its advice.
     */
    private void refuseUnfinished(ReportKey period, String keys) {
        Optional<Revision> latest = revisions.latest(period);
        Optional<ExecutionHistory.ExecutionRecord> newest = newestExecution(period);
        if (newest.filter(e -> e.status() == BatchStatus.ABANDONED).isPresent()
                || latest.filter(r -> provinceAbandoned(period, r)).isPresent()) {
            return;
        }
        Optional<ExecutionHistory.ExecutionRecord> unrecorded = newest
                .filter(e -> e.status() != BatchStatus.COMPLETED)
                .filter(e -> latest.isEmpty() || (e.revision() == latest.get().revision()
                        && !Long.valueOf(e.executionId()).equals(latest.get().jobExecutionId())));
        if (unrecorded.isPresent()) {
            ExecutionHistory.ExecutionRecord e = unrecorded.get();
            throw new ReportStateException(keys + "execution", period, e.revision(), e.executionId(), e.status());
        }
        if (latest.isPresent() && !latest.get().completed()) {
            Revision r = latest.get();
            throw r.status() == RevisionStatus.RUNNING
                    ? new ReportStateException(keys + "interrupted", period, r.revision())
                    : new ReportStateException(keys + "failed", period, r.revision(), r.status());
        }
    }

    /** The revision explain reads: the given one, or else the period's latest completed revision. */
    public Revision toExplain(ReportKey period, Integer revision) {
        return revision != null ? revision(period, revision) : revisions.latestCompleted(period)
                .orElseThrow(() -> new ReportStateException("report.explain.none", period));
    }

    /** The revision sign-off signs: the given one, or else the period's latest completed revision. */
    public Revision toSign(ReportKey period, Integer revision) {
        return revision != null ? revision(period, revision) : revisions.latestCompleted(period)
                .orElseThrow(() -> new ReportStateException("report.sign.none", period));
    }

    /** The period named on the command line, closed by the given cutoff day, or else by the configured one. */
    public Period period(PeriodName name, CutoffDay cutoff) {
        return name.closedBy(cutoff == null ? jobs.reportSettings().cutoffDay() : cutoff);
    }

    /**
     * Runs the job for a revision of the period (1 for its first report), recording the classify step's
     * tuning with the execution. The jobs/ files are read first, so a mistake in them is refused before
     * anything is stored; the revision uses the catalogue of jobs/catalogue.yaml as it is now.
     */
    public JobExecution run(Period period, int revision, String reason, Path out) throws Exception {
        return run(period, ReportKey.SINGLE, revision, reason, out);
    }

    /**
     * As {@link #run(Period, int, String, Path)}, a revision of one centre's report ({@link ReportKey#SINGLE}:
     * report.yaml's); the centre is refused first when centres.yaml does not list it.
     */
    public JobExecution run(Period period, String centre, int revision, String reason, Path out) throws Exception {
        jobs.reportSettings();
        if (!centre.isEmpty()) {
            Centres.listed(jobs, centre);
        }
        jobs.periodTexts(period, centre);
        catalogue.refresh();
        revisionLifecycle.reserve(period, centre, revision, reason);
        JobExecution execution = jobOperator.start(reportJob,
                new ReportParameters(period, revision, reason, out, partitions, chunkSize, centre).toJobParameters());
        abandonedForChangedData(execution);
        return execution;
    }

    /**
     * Whether the execution failed because an import changed the period's dossiers while it ran
     * ({@link DataChangedDuringRun}); it is abandoned then, since resuming it would meet the same difference, so that
     * rerun makes the revision again over the data as it is now.
     */
    private boolean abandonedForChangedData(JobExecution execution) throws JobExecutionException {
        if (execution.getStatus() != BatchStatus.FAILED || DataChangedDuringRun.in(execution).isEmpty()) {
            return false;
        }
        log.warn("Execution {}: the data changed while it ran; abandoning it so that rerun makes the revision again",
                execution.getId());
        jobOperator.abandon(execution);
        return true;
    }

    public Revision revision(ReportKey period, int revision) {
        return revisions.find(period, revision).orElseThrow(() -> new ReportStateException("report.revision.none",
                period, revision));
    }

    public ReportTable table(Revision revision) {
        return revisions.table(revision);
    }

    // ---- the province: every centre's report and the consolidation (jobs/centres.yaml) ----

    /**
     * The consolidation's key when the report is one of a province's centres (centres.yaml), whose lock a province
     * run holds while it makes every centre's report; empty for the consolidation itself and for a single centre.
     */
    private Optional<ReportKey> province(ReportKey report) {
        if (!report.ofCentre()) {
            return Optional.empty();
        }
        return Centres.load(jobs).map(c -> c.consolidation().code()).filter(code -> !code.equals(report.centre()))
                .map(code -> new ReportKey(report.period(), code));
    }

    /**
     * Whether the revision is the consolidation's and its province execution was abandoned (its checks failed before
     * the consolidation's own report job started, which would otherwise tell so).
     */
    private boolean provinceAbandoned(ReportKey report, Revision revision) {
        if (!isConsolidation(report)) {
            return false;
        }
        JobExecution last = jobRepository.getLastJobExecution(ProvinceJobConfiguration.JOB_NAME,
                provinceRun(revision).toJobParameters());
        return last != null && last.getStatus() == BatchStatus.ABANDONED;
    }

    /** The province job's parameters for this revision of the consolidation, as a run of it would record them. */
    private ReportParameters provinceRun(Revision consolidation) {
        return new ReportParameters(consolidation.period(), consolidation.revision(), consolidation.reason(),
                ReportParameters.DEFAULT_OUT, partitions, provinceChunkSize, consolidation.centre());
    }

    /** Whether the consolidation's latest revision, not completed, makes this revision of a centre's report. */
    private boolean makes(ReportKey consolidation, Revision ofCentre) {
        return revisions.latest(consolidation).filter(c -> !c.completed()).map(c -> centreRows.cited(c).stream()
                .anyMatch(cited -> cited.made() && cited.revisionId() == ofCentre.id())).orElse(false);
    }

    /** Whether the report is centres.yaml's consolidation: run, rerun and restart then go through the province job. */
    public boolean isConsolidation(ReportKey report) {
        return report.ofCentre() && Centres.load(jobs).map(c -> c.consolidation().code().equals(report.centre()))
                .orElse(false);
    }

    /**
     * Runs the province job for a revision of the consolidation: the centres' reports that need a new revision
     * (every one for the first), then the consolidation. Checked as {@link #run(Period, String, int, String, Path)}.
     */
    public JobExecution runProvince(Period period, String consolidation, int revision, String reason, Path out)
            throws Exception {
        jobs.reportSettings();
        Centres centres = Centres.load(jobs).orElseThrow();
        jobs.periodTexts(period, consolidation);
        for (var centre : centres.centres()) {
            jobs.periodTexts(period, centre.code());
        }
        catalogue.refresh();
        revisionLifecycle.reserve(period, consolidation, revision, reason);
        return abandonedIfHopeless(jobOperator.start(provinceJob, new ReportParameters(period, revision, reason, out,
                partitions, provinceChunkSize, consolidation).toJobParameters()));
    }

    /**
     * The province execution, abandoned (with the report execution that failed in it) when resuming cannot help: a
     * report's checks found its counts and the data apart, or the consolidation's rows and the centres' reports it
     * cites (the data changed between them). Rerun then makes new revisions over the data as it is.
     */
    private JobExecution abandonedIfHopeless(JobExecution province) throws JobExecutionException {
        if (province.getStatus() != BatchStatus.FAILED) {
            return province;
        }
        JobExecution report = outcomeOf(province);
        boolean hopeless = report.getStepExecutions().stream().anyMatch(st -> st.getStatus() == BatchStatus.FAILED
                && List.of(CheckStep.NAME, CentreTableStep.NAME, CheckProvinceStep.NAME).contains(st.getStepName()));
        if (hopeless) {
            log.warn("Execution {} failed in its checks: abandoning it (and province execution {}) so that rerun makes"
                    + " new revisions", report.getId(), province.getId());
            if (report.getId() != province.getId()) {
                jobOperator.abandon(report);
            }
            jobOperator.abandon(jobRepository.getJobExecution(province.getId()));
            // The execution in hand keeps the failures Spring Batch does not store; told as abandoned, it advises rerun.
            province.setStatus(BatchStatus.ABANDONED);
        }
        return province;
    }

    /**
     * Resumes the province job of the consolidation's latest revision: the centres' reports that did not complete
     * (each from where it stopped; those that completed are not made again), then the consolidation. Executions a
     * killed process left marked running are recovered as failed first (the caller holds the consolidation's lock).
     */
    public JobExecution restartProvince(ReportKey consolidation, Path out) throws Exception {
        Revision latest = revisions.latest(consolidation)
                .orElseThrow(() -> new ReportStateException("report.restart.nothing", consolidation));
        if (latest.completed()) {
            throw new ReportStateException("report.restart.completed", consolidation, latest.revision());
        }
        ReportParameters params = provinceRun(latest);
        JobExecution last = jobRepository.getLastJobExecution(ProvinceJobConfiguration.JOB_NAME,
                params.toJobParameters());
        if (last == null) {
            log.warn("{} revision {} has no province execution: its process was killed before the job started; starting"
                    + " it", consolidation, latest.revision());
            return jobOperator.start(provinceJob, withOut(params.toJobParameters(), out));
        }
        List<ReportKey> parts = new ArrayList<>();
        centreRows.cited(latest).stream().filter(CentreRows.CitedCentre::made)
                .forEach(c -> parts.add(new ReportKey(consolidation.period(), c.centre())));
        parts.add(consolidation);
        for (ReportKey part : parts) {
            Optional<ExecutionHistory.ExecutionRecord> newest = newestExecution(part);
            if (newest.isPresent() && newest.get().status().isRunning()) {
                log.warn("Execution {} of {} is marked running but no process holds the period: recovering it as failed",
                        newest.get().executionId(), part);
                jobOperator.recover(jobRepository.getJobExecution(newest.get().executionId()));
            }
        }
        if (last.getStatus().isRunning()) {
            log.warn("Province execution {} of {} is marked {} but no process holds it: recovering it as failed",
                    last.getId(), consolidation, last.getStatus());
            last = jobOperator.recover(last);
        }
        keepReportsThatCompleted(last, latest);
        if (last.getStatus() == BatchStatus.ABANDONED) {
            throw new ReportStateException("report.restart.abandoned", consolidation, last.getId(), latest.revision());
        }
        try {
            // Same identifying parameters: Spring Batch continues the same instance, from its steps that did not complete.
            return abandonedIfHopeless(jobOperator.start(provinceJob, withOut(last.getJobParameters(), out)));
        } catch (JobExecutionException e) {
            log.error("Province execution {} of {} cannot be resumed", last.getId(), consolidation, e);
            throw new ReportStateException("report.restart.impossible", consolidation, last.getId(), latest.revision());
        }
    }

    /**
     * The steps of a province execution whose report job completed although the step did not (the process was killed
     * between the two): recorded as completed, since Spring Batch refuses to start a complete job instance again, and
     * the report's revision marked completed, as {@link #restart} marks a single report's.
     */
    private void keepReportsThatCompleted(JobExecution province, Revision consolidation) {
        Map<String, CentreRows.CitedCentre> byStep = new HashMap<>();
        centreRows.cited(consolidation).stream().filter(CentreRows.CitedCentre::made).forEach(c -> byStep.put(
                ProvinceJobConfiguration.CENTRE_REPORT + ":" + c.centre(), c));
        byStep.put(ProvinceJobConfiguration.CONSOLIDATION, new CentreRows.CitedCentre(consolidation.centre(),
                consolidation.id(), consolidation.revision(), true));
        for (StepExecution step : province.getStepExecutions()) {
            CentreRows.CitedCentre report = byStep.get(step.getStepName());
            if (report == null || step.getStatus() == BatchStatus.COMPLETED) {
                continue;
            }
            Optional<ExecutionHistory.ExecutionRecord> done = newestExecution(new ReportKey(
                    consolidation.key().period(), report.centre())).filter(e -> e.revision() == report.revision()
                    && e.status() == BatchStatus.COMPLETED);
            if (done.isPresent()) {
                log.warn("Execution {} of {} revision {} completed but its province step {} did not: keeping it",
                        done.get().executionId(), report.centre(), report.revision(), step.getStepName());
                revisionLifecycle.completed(jobRepository.getJobExecution(done.get().executionId()));
                step.setStatus(BatchStatus.COMPLETED);
                step.setExitStatus(ExitStatus.COMPLETED);
                step.setEndTime(LocalDateTime.now());
                jobRepository.update(step);
            }
        }
    }

    private static JobParameters withOut(JobParameters params, Path out) {
        return out == null ? params : new JobParametersBuilder(params)
                .addString("out", out.toAbsolutePath().toString(), false).toJobParameters();
    }

    /**
     * What to tell of a province execution: the first report execution that failed in it (a centre's or the
     * consolidation's, whose failure says why), else the consolidation's execution when it ran, else the province
     * execution itself.
     */
    public JobExecution outcomeOf(JobExecution province) {
        ReportParameters params = ReportParameters.from(province.getJobParameters());
        Optional<Revision> consolidation = revisions.find(params.report(), params.revision());
        List<ReportKey> parts = new ArrayList<>();
        consolidation.ifPresent(r -> centreRows.cited(r).stream().filter(CentreRows.CitedCentre::made)
                .forEach(c -> parts.add(new ReportKey(params.period().named(), c.centre()))));
        parts.add(params.report());
        // The period's history read once, not once per centre: each read goes over every report execution.
        Map<String, ExecutionHistory.ExecutionRecord> newestByCentre = new HashMap<>();
        history.ofPeriod(params.period().named()).forEach(e -> newestByCentre.putIfAbsent(e.centre(), e));
        JobExecution ofConsolidation = null;
        for (ReportKey part : parts) {
            ExecutionHistory.ExecutionRecord newest = newestByCentre.get(part.centre());
            if (newest == null) {
                continue;
            }
            JobExecution e = jobRepository.getJobExecution(newest.executionId());
            if (e.getStatus().isUnsuccessful()) {
                failuresSeen.of(e.getId()).forEach(e::addFailureException);
                return e;
            }
            if (part.equals(params.report())) {
                ofConsolidation = e;
            }
        }
        return province.getStatus() == BatchStatus.COMPLETED && ofConsolidation != null ? ofConsolidation : province;
    }

    /** The centres' revisions the consolidation's revision cites, in centres.yaml's order (those it lists no more last). */
    public List<CentreRows.CitedCentre> cited(Revision consolidation) {
        List<String> order = Centres.load(jobs).map(c -> c.centres().stream().map(x -> x.code()).toList())
                .orElse(List.of());
        List<CentreRows.CitedCentre> cited = new ArrayList<>(centreRows.cited(consolidation));
        cited.sort(Comparator.comparingInt(c -> order.contains(c.centre()) ? order.indexOf(c.centre())
                : order.size()));
        return cited;
    }
}

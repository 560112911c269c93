package vn.motcua.report.report;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;

/** Starts the report job for a period and finds what it produced. */
@Service
public class ReportService {

    private final JobOperator jobOperator;
    private final Job reportJob;
    private final RevisionRepository revisions;
    private final JobsFolder jobs;

    public ReportService(JobOperator jobOperator, @Qualifier(ReportJobConfiguration.JOB_NAME) Job reportJob,
                         RevisionRepository revisions, JobsFolder jobs) {
        this.jobOperator = jobOperator;
        this.reportJob = reportJob;
        this.revisions = revisions;
        this.jobs = jobs;
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

    public ReportTable table(Revision revision) {
        return revisions.table(revision);
    }
}

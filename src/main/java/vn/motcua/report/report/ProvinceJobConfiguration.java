package vn.motcua.report.report;

import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.job.JobParametersExtractor;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.revision.CentreRows;
import vn.motcua.report.revision.ChangedDossiers;
import vn.motcua.report.revision.RevisionRepository;

/**
 * The province's month-end job: every listed centre's report that needs a new revision, then the consolidation,
 * in one restartable job. Steps in order:
 * <ol>
 * <li>{@code planCentres} ({@link PlanCentresStep}): which centres get a new revision (reserved), which revision of
 * each the consolidation cites;</li>
 * <li>{@code centreReports}: one partition per centre to make ({@link #centrePartitioner}), each a {@code JobStep}
 * running {@code reportJob} for that centre's revision in one classify partition, a few at once ({@link #centreThreads}); a restart runs again
 * only the partitions that did not complete, each resuming its report job where it stopped;</li>
 * <li>{@code consolidation}: a {@code JobStep} running {@code reportJob} for the consolidation over every dossier
 * (its table by centre is checked against the cited revisions in its {@code centreTable} step).</li>
 * </ol>
 * Its parameters are the consolidation's ({@link ReportParameters}, centre: the consolidation's code), so the job
 * instance is the consolidation's revision.
 */
@Configuration(proxyBeanMethods = false)
public class ProvinceJobConfiguration {

    public static final String JOB_NAME = "provinceJob";
    static final String CENTRE_REPORTS = "centreReports";
    static final String CENTRE_REPORT = "centreReport";
    static final String CONSOLIDATION = "consolidation";

    /** A partition's centre and the revision of its report to make. */
    static final String CENTRE = "centre";
    static final String REVISION = "revision";

    /**
     * Centres' reports made at once, each reading its centre's dossiers in one partition: the centres are the
     * parallelism (most are small; per report, a thread and a step per partition cost more than they save), and while
     * one waits for PostgreSQL or a commit another renders its documents. Three readers and three chunk transactions
     * leave room in the pool of eight connections.
     */
    private static final int CENTRES_AT_ONCE = 3;
    static final int CENTRE_PARTITIONS = 1;

    @Bean(JOB_NAME)
    Job provinceJob(JobRepository jobRepository, Step planCentres, Step centreReports, Step consolidation) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(planCentres)
                .next(centreReports)
                .next(consolidation)
                .build();
    }

    @Bean
    Step planCentres(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions,
                     RevisionLifecycle revisionLifecycle, ChangedDossiers changed, CentreRows centreRows,
                     JobsFolder jobs) {
        return new StepBuilder(PlanCentresStep.NAME, jobRepository)
                .tasklet(new PlanCentresStep(revisions, revisionLifecycle, changed, centreRows, jobs), tx)
                .build();
    }

    @Bean
    Step centreReports(JobRepository jobRepository, RestartSafeSplitter centreSplitter,
                       @Qualifier(CENTRE_REPORT) Step centreReport, TaskExecutor centreThreads) {
        return new PartitionStepBuilder(new StepBuilder(CENTRE_REPORTS, jobRepository))
                .splitter(centreSplitter)
                .step(centreReport)
                .taskExecutor(centreThreads)
                .build();
    }

    /** The centres' partitions, cut by {@link #centrePartitioner}, each saved with its centre. */
    @Bean
    RestartSafeSplitter centreSplitter(JobRepository jobRepository, Partitioner centrePartitioner) {
        return new RestartSafeSplitter(jobRepository, CENTRE_REPORT, centrePartitioner);
    }

    /** One partition per centre whose new revision the plan reserved, named after the centre. */
    @Bean
    @StepScope
    Partitioner centrePartitioner(RevisionRepository revisions, CentreRows centreRows,
                                  @Value("#{stepExecution}") StepExecution centreReports) {
        ReportParameters params = ReportParameters.from(centreReports.getJobParameters());
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new HashMap<>();
            centreRows.cited(revisions.of(params.report(), params.revision())).stream().filter(c -> c.made())
                    .forEach(c -> {
                        ExecutionContext context = new ExecutionContext();
                        context.putString(CENTRE, c.centre());
                        context.putInt(REVISION, c.revision());
                        partitions.put(c.centre(), context);
                    });
            return partitions;
        };
    }

    /** A bounded number of threads: the partitions beyond it wait for one to end. */
    @Bean
    TaskExecutor centreThreads() {
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("centre-");
        threads.setConcurrencyLimit(CENTRES_AT_ONCE);
        return threads;
    }

    @Bean(CENTRE_REPORT)
    Step centreReport(JobRepository jobRepository, JobOperator jobOperator,
                      @Qualifier(ReportJobConfiguration.JOB_NAME) Job reportJob) {
        return new StepBuilder(CENTRE_REPORT, jobRepository)
                .job(reportJob)
                .operator(jobOperator)
                .parametersExtractor(ofCentre())
                .build();
    }

    @Bean
    Step consolidation(JobRepository jobRepository, JobOperator jobOperator,
                       @Qualifier(ReportJobConfiguration.JOB_NAME) Job reportJob) {
        return new StepBuilder(CONSOLIDATION, jobRepository)
                .job(reportJob)
                .operator(jobOperator)
                .parametersExtractor((job, step) -> ReportParameters.from(step.getJobParameters()).toJobParameters())
                .build();
    }

    /** The report job's parameters for the partition's centre: the province job's, with its centre and revision. */
    private static JobParametersExtractor ofCentre() {
        return (job, partition) -> {
            ReportParameters p = ReportParameters.from(partition.getJobParameters());
            ExecutionContext c = partition.getExecutionContext();
            return new ReportParameters(p.period(), c.getInt(REVISION), p.reason(), p.out(), CENTRE_PARTITIONS,
                    p.chunkSize(), c.getString(CENTRE)).toJobParameters();
        };
    }
}

package vn.motcua.report.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.job.JobParametersExtractor;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import vn.motcua.report.classify.ClassifiedDossier;
import vn.motcua.report.classify.InScopeDossierReader;
import vn.motcua.report.classify.InScopeDossierReader.InScope;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.config.MotcuaProperties;
import vn.motcua.report.revision.CentreRows;
import vn.motcua.report.revision.CentreSpellings;
import vn.motcua.report.revision.ChangedDossiers;
import vn.motcua.report.revision.ClassificationWriter;
import vn.motcua.report.revision.RevisionRepository;

/**
 * The province's month-end job: every listed centre's report that needs a new revision, then the consolidation,
 * in one restartable job. Steps in order:
 * <ol>
 * <li>{@code planCentres} ({@link PlanCentresStep}): which centres get a new revision (reserved), which revision of
 * each the consolidation cites;</li>
 * <li>{@code classifyProvince}: the dossiers read once for all these reports: every dossier in scope classified, in
 * partitions over id ranges as a single report's classify step, its cell and sums written to the consolidation's
 * revision and to the revision of the centre that received it, when that centre gets one
 * ({@link #provincePartitioner}, {@link ProvinceReadStart});</li>
 * <li>{@code checkProvince} ({@link CheckProvinceStep}): every dossier recounted once by receiving centre, each of
 * these revisions checked against its part, and the consolidation's table by centre kept from the recount;</li>
 * <li>{@code centreReports}: one partition per centre to make ({@link #centrePartitioner}), each a {@code JobStep}
 * running {@code reportJob} for that centre's revision (its classify and check steps have nothing left to do), a few
 * at once ({@link #centreThreads}); a restart runs again only the partitions
 * that did not complete, each resuming its report job where it stopped;</li>
 * <li>{@code consolidation}: a {@code JobStep} running {@code reportJob} for the consolidation, classified as the
 * centres were (its table by centre is checked against the cited revisions in its {@code centreTable} step).</li>
 * </ol>
 * Its parameters are the consolidation's ({@link ReportParameters}, centre: the consolidation's code), so the job
 * instance is the consolidation's revision.
 */
@Configuration(proxyBeanMethods = false)
public class ProvinceJobConfiguration {

    public static final String JOB_NAME = "provinceJob";
    static final String CLASSIFY_PROVINCE = "classifyProvince";
    static final String CLASSIFY_PROVINCE_PARTITION = "classifyProvincePartition";
    static final String CENTRE_REPORTS = "centreReports";
    static final String CENTRE_REPORT = "centreReport";
    static final String CONSOLIDATION = "consolidation";

    /** A partition's centre and the revision of its report to make. */
    static final String CENTRE = "centre";
    static final String REVISION = "revision";
    /** A classifyProvince partition's routes: each stored spelling of a centre to make, to that centre's revision id. */
    static final String CENTRE_REVISIONS = "centreRevisions";

    /**
     * Centres' reports made at once (their tables and documents; the dossiers were read before them): while one waits
     * for PostgreSQL, a commit or its file, another renders its documents. Three leave room in the pool of eight
     * connections.
     */
    private static final int CENTRES_AT_ONCE = 3;

    @Bean(JOB_NAME)
    Job provinceJob(JobRepository jobRepository, Step planCentres, Step classifyProvince, Step checkProvince,
                    Step centreReports, Step consolidation) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(planCentres)
                .next(classifyProvince)
                .next(checkProvince)
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

    // ---- classifyProvince: the manager step, its partitioner and partition handler, the worker step, its writer ----

    @Bean
    Step classifyProvince(JobRepository jobRepository, RestartSafeSplitter provinceSplitter,
                          PartitionHandler provincePartitions, ProvinceReadStart provinceReadStart) {
        return new PartitionStepBuilder(new StepBuilder(CLASSIFY_PROVINCE, jobRepository))
                .splitter(provinceSplitter)
                .partitionHandler(provincePartitions)
                .listener(provinceReadStart)
                .build();
    }

    @Bean
    RestartSafeSplitter provinceSplitter(JobRepository jobRepository, Partitioner provincePartitioner) {
        return new RestartSafeSplitter(jobRepository, CLASSIFY_PROVINCE_PARTITION, provincePartitioner);
    }

    /**
     * Id ranges over every dossier, as a single report's classify step cuts them, each kept with the routes of the
     * centres to make (their stored spellings resolved once, here, so a restart routes as the first run did).
     */
    @Bean
    @StepScope
    Partitioner provincePartitioner(JdbcTemplate jdbc, RevisionRepository revisions, CentreRows centreRows,
                                    CentreSpellings centreSpellings,
                                    @Value("#{stepExecution}") StepExecution classifyProvince) {
        ReportParameters params = ReportParameters.from(classifyProvince.getJobParameters());
        List<CentreRows.CitedCentre> made = centreRows.cited(revisions.of(params.report(), params.revision()))
                .stream().filter(CentreRows.CitedCentre::made).toList();
        Map<String, List<String>> spellings = centreSpellings.of(made.stream().map(CentreRows.CitedCentre::centre).toList());
        HashMap<String, Long> routes = new HashMap<>();
        made.forEach(c -> spellings.get(c.centre()).forEach(stored -> routes.put(stored, c.revisionId())));
        IdRangePartitioner everyDossier = new IdRangePartitioner(jdbc);
        return gridSize -> {
            Map<String, ExecutionContext> cut = everyDossier.partition(gridSize);
            cut.values().forEach(context -> context.put(CENTRE_REVISIONS, new HashMap<>(routes)));
            return cut;
        };
    }

    @Bean
    ProvinceReadStart provinceReadStart(RevisionRepository revisions, CentreRows centreRows) {
        return new ProvinceReadStart(revisions, centreRows);
    }

    /** As many partitions as the execution recorded, on the classify step's threads. */
    @Bean
    @StepScope
    PartitionWorkers provincePartitions(@Qualifier(CLASSIFY_PROVINCE_PARTITION) Step classifyProvincePartition,
                                        TaskExecutor classifyThreads, MotcuaProperties settings,
                                        @Value("#{stepExecution}") StepExecution classifyProvince) {
        return new PartitionWorkers(classifyProvincePartition, classifyThreads,
                ReportJobConfiguration.tuned(classifyProvince, settings).partitions());
    }

    /** A partition's worker: the classify step's reader and processor, and {@link #provinceWriter}. */
    @Bean(CLASSIFY_PROVINCE_PARTITION)
    @StepScope
    Step classifyProvincePartition(JobRepository jobRepository, PlatformTransactionManager tx,
                                   MotcuaProperties settings, @Value("#{stepExecution}") StepExecution partition,
                                   InScopeDossierReader classifyReader,
                                   ItemProcessor<InScope, ClassifiedDossier> classifyProcessor,
                                   @Qualifier("provinceWriter") ClassificationWriter provinceWriter) {
        return new StepBuilder(CLASSIFY_PROVINCE_PARTITION, jobRepository)
                .<InScope, ClassifiedDossier>chunk(ReportJobConfiguration.tuned(partition, settings).chunkSize())
                .transactionManager(tx)
                .reader(classifyReader)
                .processor(classifyProcessor)
                .writer(provinceWriter)
                .build();
    }

    /** Every dossier to the consolidation's revision, and each to its centre's revision by the partition's routes. */
    @Bean
    @Scope("step")
    ClassificationWriter provinceWriter(JdbcTemplate jdbc, RevisionRepository revisions,
                                        @Value("#{stepExecution}") StepExecution partition) {
        ReportParameters params = ReportParameters.from(partition.getJobParameters());
        @SuppressWarnings("unchecked")
        Map<String, Long> routes = (Map<String, Long>) partition.getExecutionContext().get(CENTRE_REVISIONS);
        return new ClassificationWriter(jdbc, revisions.of(params.report(), params.revision()).id(), routes);
    }

    @Bean
    Step checkProvince(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions,
                       RevisionCheck revisionCheck, IndependentRecount recount, CentreRows centreRows,
                       CentreSpellings centreSpellings, JobsFolder jobs) {
        return new StepBuilder(CheckProvinceStep.NAME, jobRepository)
                .tasklet(new CheckProvinceStep(revisions, revisionCheck, recount, centreRows, centreSpellings, jobs), tx)
                .build();
    }

    // ---- centreReports and consolidation: the report job, for each centre to make, then for the consolidation ----

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
                .parametersExtractor((job, step) -> {
                    ReportParameters p = ReportParameters.from(step.getJobParameters());
                    return new ReportParameters(p.period(), p.revision(), p.reason(), p.out(), p.partitions(),
                            p.chunkSize(), p.centre(), true).toJobParameters();
                })
                .build();
    }

    /** The report job's parameters for the partition's centre: the province job's, with its centre and revision. */
    private static JobParametersExtractor ofCentre() {
        return (job, partition) -> {
            ReportParameters p = ReportParameters.from(partition.getJobParameters());
            ExecutionContext c = partition.getExecutionContext();
            return new ReportParameters(p.period(), c.getInt(REVISION), p.reason(), p.out(), p.partitions(),
                    p.chunkSize(), c.getString(CENTRE), true).toJobParameters();
        };
    }
}

package vn.motcua.report.report;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
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
import vn.motcua.report.classify.Classifier;
import vn.motcua.report.classify.InScopeDossierReader;
import vn.motcua.report.classify.InScopeDossierReader.InScope;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.config.MotcuaProperties;
import vn.motcua.report.document.ReportDocuments;
import vn.motcua.report.revision.CellDossiers;
import vn.motcua.report.revision.CentreRows;
import vn.motcua.report.revision.CentreSpellings;
import vn.motcua.report.revision.ChangedDossiers;
import vn.motcua.report.revision.ClassificationWriter;
import vn.motcua.report.revision.ExecutionHistory;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.revision.UnitRows;

/**
 * The period report job, top to bottom. Steps in order:
 * <ol>
 * <li>{@code openRevision} ({@link OpenRevisionStep}): a zero row per catalogue field;</li>
 * <li>{@code classify}: every dossier in scope, classified and summed by field and by unit, chunk by chunk, in
 * partitions over id ranges ({@link IdRangePartitioner}) run by threads at once ({@link PartitionWorkers}); nothing
 * for a report a province run classified in its own step (the dossiers are read once for all its reports);</li>
 * <li>{@code check} ({@link CheckStep}): the table's identities, and the sums against an {@link IndependentRecount}
 * (nothing for a report a province run checked in its own step);</li>
 * <li>{@code centreTable} ({@link CentreTableStep}): the consolidation's table by receiving centre, checked against
 * the centres' revisions it cites, kept and written (nothing for any other report);</li>
 * <li>{@code writeTable} ({@link WriteTableStep}): the table by unit (kept with the revision), the CSV tables by
 * field and by unit;</li>
 * <li>{@code writeWorkbook} ({@link WriteWorkbookStep}): the workbook (the forms as sheets, the complete late
 * and overdue lists);</li>
 * <li>{@code document} ({@link DocumentStep}): the draft PDF (sections, appendices, "DỰ THẢO" on every page).</li>
 * </ol>
 * The {@link RevisionLifecycle} listener keeps the revision's status with the execution's. Identifying parameters:
 * {@code period} and {@code revision}; the others ({@link ReportParameters}) ride along, the classify step's
 * partitions and chunk size among them: each execution keeps its own, so a restart resumes the partitions where
 * they stopped, cut as they were.
 */
@Configuration(proxyBeanMethods = false)
public class ReportJobConfiguration {

    public static final String JOB_NAME = ExecutionHistory.JOB_NAME;
    /** The classify step, which runs its partitions' worker steps ("classifyPartition:ids0", …). */
    public static final String CLASSIFY = "classify";
    public static final String CLASSIFY_PARTITION = "classifyPartition";

    @Bean
    Job reportJob(JobRepository jobRepository, Step openRevision, Step classify, Step check, Step centreTable,
                  Step writeTable,
                  Step writeWorkbook, Step document, RevisionLifecycle revisionLifecycle,
                  EndingListener endingListener, FailuresSeen failuresSeen) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(openRevision)
                .next(classify)
                .next(check)
                .next(centreTable)
                .next(writeTable)
                .next(writeWorkbook)
                .next(document)
                .listener(revisionLifecycle)
                .listener(endingListener)
                .listener(failuresSeen)
                .build();
    }

    @Bean
    FailuresSeen failuresSeen() {
        return new FailuresSeen();
    }

    @Bean
    EndingListener endingListener() {
        return new EndingListener();
    }

    @Bean
    RevisionLifecycle revisionLifecycle(RevisionRepository revisions, ExecutionHistory history) {
        return new RevisionLifecycle(revisions, history);
    }

    @Bean
    Step openRevision(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions) {
        return step("openRevision", new OpenRevisionStep(revisions), jobRepository, tx);
    }

    // ---- classify: the manager step, its partitioner, its partition handler and threads, the worker step ----

    @Bean
    Step classify(JobRepository jobRepository, RestartSafeSplitter classifySplitter,
                  PartitionHandler classifyPartitions, DataReadStart dataReadStart) {
        return new PartitionStepBuilder(new StepBuilder(CLASSIFY, jobRepository))
                .splitter(classifySplitter)
                .partitionHandler(classifyPartitions)
                .listener(dataReadStart)
                .build();
    }

    /** The classify step's partitions, cut by {@link #classifyPartitioner}, each saved with its id range. */
    @Bean
    RestartSafeSplitter classifySplitter(JobRepository jobRepository, Partitioner classifyPartitioner) {
        return new RestartSafeSplitter(jobRepository, CLASSIFY_PARTITION, classifyPartitioner);
    }

    /**
     * Cut as the classify step starts: a centre's report resolves the stored spellings of its centre here, once. A
     * report whose dossiers a province run's {@code classifyProvince} step classified
     * ({@link ProvinceJobConfiguration}) has nothing left to read: no partitions.
     */
    @Bean
    @StepScope
    Partitioner classifyPartitioner(JdbcTemplate jdbc, CentreSpellings centreSpellings,
                                    @Value("#{stepExecution}") StepExecution classify) {
        ReportParameters params = ReportParameters.from(classify.getJobParameters());
        if (params.classifiedByProvince()) {
            return gridSize -> Map.of();
        }
        return new IdRangePartitioner(jdbc, centreSpellings.scope(params.centre()));
    }

    /** Before the first read of the classify step: the data version the revision reads. */
    @Bean
    DataReadStart dataReadStart(RevisionRepository revisions) {
        return new DataReadStart(revisions);
    }

    /** As many partitions as the execution recorded (a restart keeps the partitions its first run cut). */
    @Bean
    @StepScope
    PartitionWorkers classifyPartitions(@Qualifier(CLASSIFY_PARTITION) Step classifyPartition,
                                        TaskExecutor classifyThreads, MotcuaProperties settings,
                                        @Value("#{stepExecution}") StepExecution classify) {
        return new PartitionWorkers(classifyPartition, classifyThreads, tuned(classify, settings).partitions());
    }

    /** One thread per partition. */
    @Bean
    TaskExecutor classifyThreads() {
        return new SimpleAsyncTaskExecutor("classify-");
    }

    /**
     * A partition's worker, built in the partition's own step scope ({@link PartitionWorkers}) with the chunk
     * size its execution recorded, and with the partition's own reader, processor and writer (step-scoped
     * without proxies: each item goes straight to them).
     */
    @Bean(CLASSIFY_PARTITION)
    @StepScope
    Step classifyPartition(JobRepository jobRepository, PlatformTransactionManager tx, MotcuaProperties settings,
                           @Value("#{stepExecution}") StepExecution partition, InScopeDossierReader classifyReader,
                           ItemProcessor<InScope, ClassifiedDossier> classifyProcessor,
                           @Qualifier("classifyWriter") ClassificationWriter classifyWriter) {
        return new StepBuilder(CLASSIFY_PARTITION, jobRepository)
                .<InScope, ClassifiedDossier>chunk(tuned(partition, settings).chunkSize())
                .transactionManager(tx)
                .reader(classifyReader)
                .processor(classifyProcessor)
                .writer(classifyWriter)
                .build();
    }

    /** The dossiers of the partition's id range that may be in the period's scope, resuming after the last committed. */
    @Bean
    @Scope("step")
    InScopeDossierReader classifyReader(DataSource dataSource, MotcuaProperties settings,
                                        @Value("#{stepExecution}") StepExecution partition) {
        return new InScopeDossierReader(dataSource, ReportParameters.from(partition.getJobParameters()).period(),
                settings.fetchSize(), partition.getExecutionContext().getLong(IdRangePartitioner.AFTER_ID, 0L),
                partition.getExecutionContext().getLong(IdRangePartitioner.TO_ID, Long.MAX_VALUE),
                IdRangePartitioner.spellings(partition.getExecutionContext()));
    }

    /** Each dossier's cell; out-of-scope dossiers (rule 1) are filtered out, counted as the step's filter count. */
    @Bean
    @Scope("step")
    ItemProcessor<InScope, ClassifiedDossier> classifyProcessor(@Value("#{stepExecution}") StepExecution partition) {
        Classifier classifier = new Classifier(ReportParameters.from(partition.getJobParameters()).period());
        return item -> classifier.classify(item.dossier()).map(c -> new ClassifiedDossier(c, item.unit(), item.centre())).orElse(null);
    }

    /** The cells and the sums by field and by unit, in each chunk's transaction. */
    @Bean
    @Scope("step")
    ClassificationWriter classifyWriter(JdbcTemplate jdbc, RevisionRepository revisions,
                                        @Value("#{stepExecution}") StepExecution partition) {
        ReportParameters params = ReportParameters.from(partition.getJobParameters());
        return new ClassificationWriter(jdbc, revisions.of(params.report(), params.revision()).id());
    }

    // ---- after classify ----

    @Bean
    Step check(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions,
               RevisionCheck revisionCheck, IndependentRecount recount, CentreSpellings centreSpellings) {
        return step(CheckStep.NAME, new CheckStep(revisions, revisionCheck, recount, centreSpellings), jobRepository, tx);
    }

    @Bean
    RevisionCheck revisionCheck(RevisionRepository revisions, CellDossiers cells, ChangedDossiers changed,
                                UnitRows units) {
        return new RevisionCheck(revisions, cells, changed, units);
    }

    @Bean
    Step centreTable(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions,
                     CentreRows centreRows, JobsFolder jobs) {
        return step(CentreTableStep.NAME, new CentreTableStep(revisions, centreRows, jobs,
                new WrittenBefore(jobRepository)), jobRepository, tx);
    }

    @Bean
    Step writeTable(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions,
                    UnitRows units) {
        return step(WriteTableStep.NAME, new WriteTableStep(revisions, units, new WrittenBefore(jobRepository)), jobRepository, tx);
    }

    @Bean
    Step writeWorkbook(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions,
                       ReportDocuments documents) {
        return step(WriteWorkbookStep.NAME, new WriteWorkbookStep(revisions, documents,
                new WrittenBefore(jobRepository)), jobRepository, tx);
    }

    @Bean
    Step document(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions,
                  ReportDocuments documents) {
        return step(DocumentStep.NAME, new DocumentStep(revisions, documents, new WrittenBefore(jobRepository)), jobRepository, tx);
    }

    /** The execution's parameters, with the configured tuning where it recorded none. */
    static ReportParameters tuned(StepExecution step, MotcuaProperties settings) {
        return ReportParameters.from(step.getJobParameters()).tunedBy(settings.partitions(), settings.chunkSize());
    }

    private static Step step(String name, Tasklet tasklet, JobRepository jobRepository, PlatformTransactionManager tx) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, tx).build();
    }
}

package vn.motcua.report.report;

import javax.sql.DataSource;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import vn.motcua.report.classify.Classification;
import vn.motcua.report.classify.Classifier;
import vn.motcua.report.classify.InScopeDossierReader;
import vn.motcua.report.dossier.Dossier;
import vn.motcua.report.period.Period;
import vn.motcua.report.revision.ClassificationWriter;
import vn.motcua.report.revision.RevisionRepository;

/**
 * The classify step's work: a chunk-oriented step (cursor reader, {@link Classifier}, {@link ClassificationWriter}),
 * built afresh for each step execution from the job's parameters. That is what {@code @StepScope} beans
 * would do, without a scoped proxy resolving the reader and the processor on every item (a third of the
 * step's time on a province's month, measured). As a partition's worker it reads the id range its
 * execution context gives ({@link #AFTER_ID}, {@link #TO_ID}); alone it reads every dossier.
 */
class ClassifyWorker implements Step {

    public static final String AFTER_ID = "afterId";
    public static final String TO_ID = "toId";

    private final String name;
    private final JobRepository jobRepository;
    private final PlatformTransactionManager tx;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final RevisionRepository revisions;
    private final int chunkSize;
    private final int fetchSize;

    ClassifyWorker(String name, JobRepository jobRepository, PlatformTransactionManager tx, DataSource dataSource,
                   JdbcTemplate jdbc, RevisionRepository revisions, int chunkSize, int fetchSize) {
        this.name = name;
        this.jobRepository = jobRepository;
        this.tx = tx;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.revisions = revisions;
        this.chunkSize = chunkSize;
        this.fetchSize = fetchSize;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void execute(StepExecution stepExecution) throws JobInterruptedException {
        ReportParameters params = ReportParameters.from(stepExecution.getJobParameters());
        Period period = params.period();
        long revisionId = revisions.of(period.name(), params.revision()).id();
        ExecutionContext context = stepExecution.getExecutionContext();
        Classifier classifier = new Classifier(period);
        new StepBuilder(name, jobRepository)
                .<Dossier, Classification>chunk(chunkSize)
                .transactionManager(tx)
                .reader(new InScopeDossierReader(dataSource, period, fetchSize,
                        context.getLong(AFTER_ID, 0L), context.getLong(TO_ID, Long.MAX_VALUE)))
                // Out-of-scope dossiers (rule 1) are filtered out here and counted as the step's filter count.
                .processor(dossier -> classifier.classify(dossier).orElse(null))
                .writer(halting(new ClassificationWriter(jdbc, revisionId)))
                .build()
                .execute(stepExecution);
    }

    private static ItemWriter<Classification> halting(ItemWriter<Classification> writer) {
        return chunk -> {
            HaltPoint.reached("classify");
            writer.write(chunk);
        };
    }
}

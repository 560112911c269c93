package vn.motcua.report.report;

import javax.sql.DataSource;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import vn.motcua.report.revision.RevisionRepository;

/**
 * Step 2: every dossier in scope, classified and summed per field, chunk by chunk ({@link ClassifyWorker}).
 * One thread, or N local threads over id ranges ({@link IdRangePartitioner}). The partitions and the
 * chunk size are the execution's own ({@link ReportParameters}, recorded when the run started): a restart
 * resumes each partition where it stopped, cut as it was, whatever the settings say now. An execution that
 * recorded none gets the configured ones. This class owns the step's settings and the beans it works with;
 * its workers take them from it.
 */
public class ClassifyStep implements Step {

    public static final String NAME = "classify";
    /** A partition's worker step, and the id range its execution context gives it. */
    static final String PARTITION = "classifyPartition";
    public static final String AFTER_ID = "afterId";
    public static final String TO_ID = "toId";

    final JobRepository jobRepository;
    final PlatformTransactionManager tx;
    final DataSource dataSource;
    final JdbcTemplate jdbc;
    final RevisionRepository revisions;
    final int fetchSize;
    private final int chunkSize;
    private final int partitions;

    /** {@code chunkSize} and {@code partitions}: for executions that recorded none. */
    public ClassifyStep(JobRepository jobRepository, PlatformTransactionManager tx, DataSource dataSource,
                        JdbcTemplate jdbc, RevisionRepository revisions, int chunkSize, int fetchSize, int partitions) {
        this.jobRepository = jobRepository;
        this.tx = tx;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.revisions = revisions;
        this.chunkSize = chunkSize;
        this.fetchSize = fetchSize;
        this.partitions = partitions;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void execute(StepExecution stepExecution) throws JobInterruptedException {
        ReportParameters params = ReportParameters.from(stepExecution.getJobParameters()).tunedBy(partitions, chunkSize);
        if (params.partitions() <= 1) {
            new ClassifyWorker(this, NAME, params.chunkSize()).execute(stepExecution);
            return;
        }
        ClassifyWorker worker = new ClassifyWorker(this, PARTITION, params.chunkSize());
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("classify-");
        threads.setConcurrencyLimit(params.partitions());
        new StepBuilder(NAME, jobRepository)
                .partitioner(worker.getName(), new IdRangePartitioner(jdbc))
                .step(worker)
                .gridSize(params.partitions())
                .taskExecutor(threads)
                .build()
                .execute(stepExecution);
    }
}

package vn.motcua.report.report;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import vn.motcua.report.classify.Tally;
import vn.motcua.report.revision.RevisionRepository;

/**
 * Step 2: every dossier in scope, classified and summed per field, chunk by chunk ({@link ClassifyWorker}).
 * One thread, or N local threads over id ranges ({@link IdRangePartitioner}). The partitions and the
 * chunk size are the execution's own ({@link ReportParameters}, recorded when the run started): a restart
 * resumes each partition where it stopped, cut as it was, whatever the settings say now. An execution that
 * recorded none gets the configured ones. The workers also sum the dossiers by unit ({@link UnitSums}), for the
 * table by unit ({@link #unitSums}). This class owns the step's settings and the beans it works with;
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
        // Before the first read: every import committed by now is in what the revision reads.
        revisions.recordDataRead(revisions.of(params.period().named(), params.revision()).id());
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

    /**
     * The sums by unit name of the job instance's classify step, for a later step of the same execution: the
     * latest execution of each worker (the step itself when one thread ran it, else each partition's worker,
     * which after a restart may be of an earlier execution when its partition had completed).
     *
     * @throws IllegalStateException when a worker did not complete or kept no sums (run by an earlier version)
     */
    static Map<String, Tally> unitSums(JobRepository jobRepository, StepExecution later) {
        Map<String, StepExecution> latest = new HashMap<>();
        for (JobExecution execution : jobRepository.getJobExecutions(later.getJobExecution().getJobInstance())) {
            for (StepExecution s : execution.getStepExecutions()) {
                if (s.getStepName().equals(NAME) || s.getStepName().startsWith(PARTITION + ":")) {
                    latest.merge(s.getStepName(), s, (a, b) -> a.getId() > b.getId() ? a : b);
                }
            }
        }
        StepExecution manager = latest.remove(NAME);
        Collection<StepExecution> workers = latest.isEmpty() && manager != null ? List.of(manager) : latest.values();
        if (workers.isEmpty()) {
            throw new IllegalStateException("no classify step in job instance " + later.getJobExecution().getJobInstance());
        }
        Map<String, Tally> sums = new HashMap<>();
        for (StepExecution worker : workers) {
            if (worker.getStatus() != BatchStatus.COMPLETED || !UnitSums.in(worker.getExecutionContext())) {
                throw new IllegalStateException("classify worker " + worker.getStepName() + " (step execution "
                        + worker.getId() + ") is " + worker.getStatus() + " and kept "
                        + (UnitSums.in(worker.getExecutionContext()) ? "" : "no ") + "sums by unit");
            }
            UnitSums.read(worker.getExecutionContext(), sums);
        }
        return sums;
    }
}

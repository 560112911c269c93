package vn.motcua.report.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.document.ReportDocuments;
import vn.motcua.report.period.Period;

/**
 * The period report job, steps in order:
 * <ol>
 * <li>{@code openRevision}: the revision row and a zero row per catalogue field;</li>
 * <li>{@code classify}: every dossier in scope, classified and summed per field, chunk by chunk;</li>
 * <li>{@code check}: the table's identities, and the totals against an independent SQL aggregate;</li>
 * <li>{@code writeTable}: the per-unit table (kept with the revision), the CSV tables by field and by unit;</li>
 * <li>{@code writeWorkbook}: the workbook (the forms as sheets, the complete late and overdue lists);</li>
 * <li>{@code document}: the draft PDF (sections, appendices, "DỰ THẢO" on every page); the revision becomes COMPLETED.</li>
 * </ol>
 * Identifying parameters: {@code period} and {@code revision}. Others: {@code cutoff}, {@code reason}, {@code out}.
 */
@Configuration(proxyBeanMethods = false)
public class ReportJobConfiguration {

    public static final String JOB_NAME = "reportJob";
    public static final String TABLE_PATH = "tablePath";
    public static final String DOCUMENT_PATH = "documentPath";
    public static final String WORKBOOK_PATH = "workbookPath";

    @Bean
    Job reportJob(JobRepository jobRepository, Step openRevision, Step classify, Step check, Step writeTable,
                  Step writeWorkbook, Step document, RevisionRepository revisions, ExecutionHistory history) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(openRevision)
                .next(classify)
                .next(check)
                .next(writeTable)
                .next(writeWorkbook)
                .next(document)
                .listener(new JobExecutionListener() {
                    /** Who runs this execution, for 'history' and for a second command's refusal. */
                    @Override
                    public void beforeJob(JobExecution execution) {
                        ReportParameters params = ReportParameters.from(execution.getJobParameters());
                        history.recordProcess(execution.getId(), params.period().name(), params.revision(),
                                RunningProcess.current());
                        revisions.markRunning(params.period().name(), params.revision(), execution.getId());
                    }

                    @Override
                    public void afterJob(JobExecution execution) {
                        if (!execution.getStatus().isUnsuccessful()) {
                            return;
                        }
                        ReportParameters params = ReportParameters.from(execution.getJobParameters());
                        revisions.find(params.period().name(), params.revision())
                                .ifPresent(r -> revisions.setStatus(r.id(), "FAILED"));
                    }
                })
                .build();
    }

    @Bean
    Step openRevision(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions) {
        Tasklet tasklet = (contribution, chunkContext) -> {
            ReportParameters params = ReportParameters.from(contribution.getStepExecution().getJobParameters());
            revisions.open(params.period(), params.revision(), params.reason(),
                    contribution.getStepExecution().getJobExecutionId());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("openRevision", jobRepository).tasklet(tasklet, tx).build();
    }

    /**
     * One thread by default; with {@code motcua.partitions} N > 1, N local threads over id ranges (the
     * same worker; restart resumes each partition where it stopped).
     */
    @Bean
    Step classify(JobRepository jobRepository, PlatformTransactionManager tx, DataSource dataSource, JdbcTemplate jdbc,
                  RevisionRepository revisions, @Value("${motcua.chunk-size:10000}") int chunkSize,
                  @Value("${motcua.fetch-size:10000}") int fetchSize, @Value("${motcua.partitions:2}") int partitions) {
        return classifyStep(jobRepository, tx, dataSource, jdbc, revisions, chunkSize, fetchSize, partitions);
    }

    /**
     * The classify step: one thread by default; with {@code partitions} N > 1, N local threads over id
     * ranges (the same worker; a restart resumes each partition where it stopped).
     */
    public static Step classifyStep(JobRepository jobRepository, PlatformTransactionManager tx, DataSource dataSource,
                                    JdbcTemplate jdbc, RevisionRepository revisions, int chunkSize, int fetchSize,
                                    int partitions) {
        if (partitions <= 1) {
            return new ClassifyStep("classify", jobRepository, tx, dataSource, jdbc, revisions, chunkSize, fetchSize);
        }
        ClassifyStep worker = new ClassifyStep("classifyPartition", jobRepository, tx, dataSource, jdbc, revisions,
                chunkSize, fetchSize);
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("classify-");
        threads.setConcurrencyLimit(partitions);
        return new StepBuilder("classify", jobRepository)
                .partitioner(worker.getName(), new IdRangePartitioner(jdbc))
                .step(worker)
                .gridSize(partitions)
                .taskExecutor(threads)
                .build();
    }

    @Bean
    Step check(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions,
               SqlAggregate sqlAggregate, JdbcTemplate jdbc) {
        Tasklet tasklet = (contribution, chunkContext) -> {
            ReportParameters params = ReportParameters.from(contribution.getStepExecution().getJobParameters());
            Period period = params.period();
            Revision revision = revisions.of(params);
            ReportTable table = revisions.table(revision);
            List<String> problems = new ArrayList<>();
            for (ReportRow row : table.rows()) {
                problems.addAll(Identities.violations("field " + row.field(), row.counts()));
            }
            problems.addAll(Identities.violations("total", table.total()));
            Map<String, Tally> independent = sqlAggregate.byField(period);
            for (ReportRow row : table.rows()) {
                Tally expected = independent.getOrDefault(row.field(), new Tally());
                if (!expected.equals(row.counts())) {
                    problems.add("field " + row.field() + ": job counted " + row.counts() + " but SQL counts " + expected);
                }
            }
            Long cells = jdbc.queryForObject(
                    "SELECT coalesce(sum(cardinality(dossier_ids)), 0) FROM report_dossier_block WHERE revision_id = ?",
                    Long.class, revision.id());
            if (cells != table.total().get(Counter.TOTAL)) {
                problems.add("the revision classified " + cells + " dossiers but its rows total "
                        + table.total().get(Counter.TOTAL));
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The report's checks failed for " + period.name() + " revision "
                        + revision.revision() + ":\n  " + String.join("\n  ", problems));
            }
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("check", jobRepository).tasklet(tasklet, tx).build();
    }

    @Bean
    Step writeTable(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions,
                    UnitRows units) {
        Tasklet tasklet = (contribution, chunkContext) -> {
            ReportParameters params = ReportParameters.from(contribution.getStepExecution().getJobParameters());
            Revision revision = revisions.of(params);
            ReportTable table = revisions.table(revision);
            TableCsv.writeUnits(params.out(), units.compute(revision, table));
            Path csv = TableCsv.write(params.out(), table);
            contribution.getStepExecution().getJobExecution().getExecutionContext().putString(TABLE_PATH, csv.toString());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("writeTable", jobRepository).tasklet(tasklet, tx).build();
    }

    /** The workbook; the dossier lists stream inside this step's transaction. */
    @Bean
    Step writeWorkbook(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions,
                       ReportDocuments documents) {
        Tasklet tasklet = (contribution, chunkContext) -> {
            ReportParameters params = ReportParameters.from(contribution.getStepExecution().getJobParameters());
            Path xlsx = documents.writeWorkbook(params.out(), revisions.of(params));
            contribution.getStepExecution().getJobExecution().getExecutionContext().putString(WORKBOOK_PATH, xlsx.toString());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("writeWorkbook", jobRepository).tasklet(tasklet, tx).build();
    }

    /** The draft document; the dossier lists stream inside this step's transaction. */
    @Bean
    Step document(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions,
                  ReportDocuments documents) {
        Tasklet tasklet = (contribution, chunkContext) -> {
            ReportParameters params = ReportParameters.from(contribution.getStepExecution().getJobParameters());
            Revision revision = revisions.of(params);
            Path pdf = documents.write(params.out(), revision, true);
            contribution.getStepExecution().getJobExecution().getExecutionContext().putString(DOCUMENT_PATH, pdf.toString());
            revisions.setStatus(revision.id(), "COMPLETED");
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("document", jobRepository).tasklet(tasklet, tx).build();
    }
}

package vn.motcua.report.report;

import javax.sql.DataSource;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import vn.motcua.report.config.MotcuaProperties;
import vn.motcua.report.document.ReportDocuments;
import vn.motcua.report.revision.CellDossiers;
import vn.motcua.report.revision.ChangedDossiers;
import vn.motcua.report.revision.ExecutionHistory;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.revision.UnitRows;

/**
 * The period report job, steps in order:
 * <ol>
 * <li>{@code openRevision} ({@link OpenRevisionStep}): the revision row and a zero row per catalogue field;</li>
 * <li>{@code classify} ({@link ClassifyStep}): every dossier in scope, classified and summed per field, chunk by chunk;</li>
 * <li>{@code check} ({@link CheckStep}): the table's identities, and the totals against an {@link IndependentRecount};</li>
 * <li>{@code writeTable} ({@link WriteTableStep}): the table by unit (kept with the revision), the CSV tables by
 * field and by unit;</li>
 * <li>{@code writeWorkbook} ({@link WriteWorkbookStep}): the workbook (the forms as sheets, the complete late
 * and overdue lists);</li>
 * <li>{@code document} ({@link DocumentStep}): the draft PDF (sections, appendices, "DỰ THẢO" on every page).</li>
 * </ol>
 * Identifying parameters: {@code period} and {@code revision}. Others: {@code cutoff}, {@code reason}, {@code out}
 * ({@link ReportParameters}).
 */
@Configuration(proxyBeanMethods = false)
public class ReportJobConfiguration {

    public static final String JOB_NAME = ExecutionHistory.JOB_NAME;

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
                .listener(new RevisionStatusListener(revisions, history))
                .listener(new EndingListener())
                .build();
    }

    @Bean
    Step openRevision(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions) {
        return step("openRevision", new OpenRevisionStep(revisions), jobRepository, tx);
    }

    /** The tuning an execution recorded (ReportService records the configured one), else the configured one. */
    @Bean
    Step classify(JobRepository jobRepository, PlatformTransactionManager tx, DataSource dataSource, JdbcTemplate jdbc,
                  RevisionRepository revisions, MotcuaProperties settings) {
        return classifyStep(jobRepository, tx, dataSource, jdbc, revisions, settings.chunkSize(), settings.fetchSize(),
                settings.partitions());
    }

    @Bean
    Step check(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions,
               CellDossiers cells, IndependentRecount recount, ChangedDossiers changed) {
        return step(CheckStep.NAME, new CheckStep(revisions, cells, recount, changed), jobRepository, tx);
    }

    @Bean
    Step writeTable(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions,
                    UnitRows units) {
        return step(WriteTableStep.NAME, new WriteTableStep(revisions, units, jobRepository), jobRepository, tx);
    }

    @Bean
    Step writeWorkbook(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions,
                       ReportDocuments documents) {
        return step(WriteWorkbookStep.NAME, new WriteWorkbookStep(revisions, documents), jobRepository, tx);
    }

    @Bean
    Step document(JobRepository jobRepository, PlatformTransactionManager tx, RevisionRepository revisions,
                  ReportDocuments documents) {
        return step(DocumentStep.NAME, new DocumentStep(revisions, documents), jobRepository, tx);
    }

    /**
     * The classify step, with the chunk size and partitions for executions that recorded none: one
     * thread, or N > 1 local threads over id ranges (the same worker; a restart resumes each partition
     * where it stopped).
     */
    public static Step classifyStep(JobRepository jobRepository, PlatformTransactionManager tx, DataSource dataSource,
                                    JdbcTemplate jdbc, RevisionRepository revisions, int chunkSize, int fetchSize,
                                    int partitions) {
        return new ClassifyStep(jobRepository, tx, dataSource, jdbc, revisions, chunkSize, fetchSize, partitions);
    }

    private static Step step(String name, Tasklet tasklet, JobRepository jobRepository, PlatformTransactionManager tx) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, tx).build();
    }
}

package vn.motcua.report.dossier;

import java.nio.file.Path;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.config.MotcuaProperties;

/**
 * The import job, steps in order, both in the import's one {@link ImportTransaction}:
 * <ol>
 * <li>{@code checkRows}: reads the file chunk by chunk, checks every row, records why the refused ones are refused
 * (committed with each chunk), stages the others, and stores them already when the kind allows it
 * ({@link ImportKind#storesWhileReading}) and nothing stood in the way so far;</li>
 * <li>{@code store}: when no row was refused, stores the whole file (new dossiers added, changed ones updated, the
 * rest left as they were), or finishes what was stored while reading; otherwise stores nothing, unless
 * {@code acceptPartial}: then the rows that passed are stored and the refused ones reported. The outcome is
 * committed with the rows.</li>
 * </ol>
 * Before storing, the store step decides the order of the dates read without a known one ({@link Dates#decide}):
 * when a column is month first, nothing is stored (the transaction is rolled back) and the job leaves the orders for
 * the importer to read the file again with them ({@link #DATE_ORDERS}); when the order cannot be told, nothing is
 * stored and the refusal is left ({@link #REFUSAL}).
 * Parameters: {@code importId} and {@code dateOrders} (identifying: a second reading is a new job instance),
 * {@code file}, {@code kind}, {@code sheet} (a workbook's sheet, "" to look for it), {@code acceptPartial}.
 */
@Configuration(proxyBeanMethods = false)
public class ImportJobConfiguration {

    public static final String JOB_NAME = "importJob";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportJobConfiguration.class);

    /** Where the reader leaves the file's own heading of the dossier code, for the duplicate-code refusals. */
    static final String CODE_HEADING = "codeHeading";

    /** Where the reader leaves how the file heads each column it uses, to name them in messages. */
    static final String WRITTEN_HEADINGS = "writtenHeadings";

    /** Where the reader leaves the headings of the columns it does not use, to tell the operator. */
    static final String IGNORED_HEADINGS = "ignoredHeadings";

    /** Where the store step leaves the date orders to read the file again with. */
    static final String DATE_ORDERS = "dateOrders";

    /** Where the check step leaves the catalogue's field codes its rows name ({@link ImportKind#fieldsUsed}). */
    static final String FIELDS_USED = "fieldsUsed";

    /** Where the check step leaves what the date columns showed ({@link Dates#seenText}). */
    static final String DATES_SEEN = "datesSeen";

    /** Where the store step leaves a refusal of the whole file (a {@link vn.motcua.report.system.Refusal}). */
    static final String REFUSAL = "refusal";

    /** Where the store step leaves the first dossiers stored but not counted, and how many there are. */
    static final String NOT_COUNTED = "notCounted";
    static final String NOT_COUNTED_COUNT = "notCountedCount";

    static final int NOT_COUNTED_SHOWN = 20;

    public static JobParameters parameters(long importId, Path file, String kind, String sheet, boolean acceptPartial) {
        return parameters(importId, file, kind, sheet, acceptPartial, "");
    }

    /** @param dateOrders the date order of each column as {@link DateOrder#format} writes it, "" when none is known */
    static JobParameters parameters(long importId, Path file, String kind, String sheet, boolean acceptPartial,
                                    String dateOrders) {
        return new JobParametersBuilder()
                .addLong("importId", importId)
                .addString(DATE_ORDERS, dateOrders)
                .addString("file", file.toAbsolutePath().toString(), false)
                .addString("kind", kind, false)
                .addString("sheet", sheet == null ? "" : sheet, false)
                .addString("acceptPartial", Boolean.toString(acceptPartial), false)
                .toJobParameters();
    }

    /** The import's own transaction ({@link ImportTransaction}), rolled back at the job's end unless committed. */
    @Bean(destroyMethod = "close")
    @JobScope
    ImportTransaction importTransaction(javax.sql.DataSource dataSource) {
        return new ImportTransaction(dataSource);
    }

    @Bean
    Job importJob(JobRepository jobRepository, Step checkRows, Step store) {
        return new JobBuilder(JOB_NAME, jobRepository).start(checkRows).next(store).preventRestart().build();
    }

    /**
     * Built per job (job scope), with its reader, checker and writer made here rather than as scoped beans: a scoped
     * bean is a proxy that looks its target up on every call, and the reader and checker are called a million times.
     */
    @Bean
    @JobScope
    Step checkRows(JobRepository jobRepository, PlatformTransactionManager tx, JdbcTemplate jdbc, ImportRepository imports,
                   JobsFolder jobs, ImportProgress progress, MotcuaProperties settings,
                   @Value("#{jobParameters['file']}") String file, @Value("#{jobParameters['sheet']}") String sheet,
                   @Value("#{jobParameters['kind']}") String kindName,
                   @Value("#{jobParameters['dateOrders']}") String dateOrders,
                   @Value("#{jobParameters['importId']}") Long importId, ImportTransaction importTransaction) {
        ImportKind kind = kind(kindName, dateOrders, imports, jobs);
        TableReader reader = new TableReader(Path.of(file), sheet == null || sheet.isEmpty() ? null : sheet, kind, progress);
        RowChecker checker = new RowChecker(kind);
        StagingWriter writer = new StagingWriter(jdbc, kind, importId, importTransaction);
        return new StepBuilder("checkRows", jobRepository)
                .<CsvRow, CheckedRow>chunk(settings.imports().chunkSize())
                .transactionManager(tx)
                .reader(reader)
                .processor(checker)
                .writer(writer)
                .stream(reader)
                .stream(checker)
                .stream(writer)
                .build();
    }

    static ImportKind kind(String kind, String dateOrders, ImportRepository imports, JobsFolder jobs) {
        java.util.Map<String, String> fields = imports.fieldCatalogue();
        return ImportKind.of(kind, fields, imports.fieldAliases(), imports.procedureFields(),
                ImportMapping.load(jobs, fields.keySet()), new Dates(DateOrder.parse(dateOrders)));
    }

    /** Checks each row, and leaves what the date columns showed for the store step. */
    static class RowChecker implements org.springframework.batch.infrastructure.item.ItemProcessor<CsvRow, CheckedRow>,
            org.springframework.batch.infrastructure.item.ItemStream {
        private final ImportKind kind;

        RowChecker(ImportKind kind) {
            this.kind = kind;
        }

        @Override
        public CheckedRow process(CsvRow row) {
            return kind.check(row);
        }

        @Override
        public void update(org.springframework.batch.infrastructure.item.ExecutionContext context) {
            context.putString(DATES_SEEN, kind.dates().seenText());
            context.put(FIELDS_USED, new java.util.ArrayList<>(kind.fieldsUsed()));
        }
    }

    @Bean
    Step store(JobRepository jobRepository, PlatformTransactionManager tx, JdbcTemplate jdbc, ImportRepository imports,
               JobsFolder jobs, ImportProgress progress, ImportTransaction importTransaction) {
        Tasklet tasklet = (contribution, chunkContext) -> {
            StepExecution step = contribution.getStepExecution();
            long importId = step.getJobParameters().getLong("importId");
            boolean acceptPartial = Boolean.parseBoolean(step.getJobParameters().getString("acceptPartial"));
            long started = System.nanoTime();
            String dateOrders = step.getJobParameters().getString(DATE_ORDERS, "");
            ImportKind kind = kind(step.getJobParameters().getString("kind"), dateOrders, imports, jobs);
            StepExecution checkRows = step.getJobExecution().getStepExecutions().stream()
                    .filter(s -> s.getStepName().equals("checkRows")).findFirst().orElseThrow();
            ImportLayout layout = (ImportLayout) checkRows.getExecutionContext().get(TableReader.LAYOUT);
            java.util.Map<String, DateOrder> orders;
            try {
                orders = Dates.decide(Dates.seenOf(checkRows.getExecutionContext().getString(DATES_SEEN, "")),
                        writtenHeadings(checkRows), step.getJobParameters().getString("file"));
            } catch (vn.motcua.report.system.Refusal refusal) {
                step.getExecutionContext().put(REFUSAL, new RefusalText(refusal.key(), java.util.Arrays.stream(
                        refusal.arguments()).map(String::valueOf).toArray(String[]::new)));
                importTransaction.close();
                clearRefusedCodes(jdbc, importId);
                return RepeatStatus.FINISHED;
            }
            if (orders.containsValue(DateOrder.MDY)) {
                java.util.Map<String, DateOrder> all = new java.util.LinkedHashMap<>(DateOrder.parse(dateOrders));
                all.putAll(orders);
                step.getExecutionContext().putString(DATE_ORDERS, DateOrder.format(all));
                importTransaction.close();
                clearRefusedCodes(jdbc, importId);
                return RepeatStatus.FINISHED;
            }
            log.info("import {}: dates decided in {} ms", importId, (System.nanoTime() - started) / 1_000_000);
            progress.storing();
            JdbcTemplate staged = importTransaction.jdbc();
            // Sorting a million codes and merging them into dossier goes faster with room to sort in memory.
            staged.execute("SET LOCAL work_mem = '128MB'");
            long rowsRead = checkRows.getReadCount();
            long t0 = System.nanoTime();
            keepFields(staged, checkRows);
            int refused = refusedLines(staged, importId);
            int[] counts = refused == 0 && importTransaction.storedEveryRow() && kind.storesWhileReading()
                    ? kind.finishStoring(staged, importId, importTransaction.staged(), importTransaction.stored()) : null;
            if (counts == null) {
                // Refused rows, or a repeated code: what was stored while reading goes, and every line repeating a
                // code is refused too; then the file is refused whole, or only the rows that passed are stored.
                if (importTransaction.stored() > 0) {
                    kind.undoStoring(staged, importId);
                }
                if (kind.duplicatesSql() != null && kind.hasDuplicates(staged, importId)) {
                    staged.update(kind.duplicatesSql(), checkRows.getExecutionContext().getString(CODE_HEADING, "code"),
                            importId, importId);
                }
                refused = refusedLines(staged, importId);
                // Nothing stored is a refusal, --accept-partial or not: no row of the file passed.
                if (refused > 0 && (!acceptPartial || refused >= rowsRead)) {
                    staged.update("UPDATE import_batch SET status = ?, rows_read = ?, refused = ? WHERE id = ?",
                            ImportStatus.REFUSED.name(), rowsRead, refused, importId);
                } else {
                    staged.update("DELETE FROM " + kind.stagingTable() + " s WHERE s.import_id = ? AND EXISTS"
                            + " (SELECT 1 FROM import_reject r WHERE r.import_id = s.import_id AND r.line = s.line)",
                            importId);
                    counts = kind.store(staged, importId);
                }
            }
            log.info("import {}: stored in {} ms", importId, (System.nanoTime() - t0) / 1_000_000);
            if (counts != null) {
                java.util.List<String> notCounted = kind.notCounted(staged, importId, NOT_COUNTED_SHOWN);
                Integer notCountedCount = notCounted.isEmpty() ? 0 : staged.queryForObject("SELECT count(*) FROM "
                        + kind.stagingTable() + " WHERE import_id = ? AND not_counted IS NOT NULL", Integer.class, importId);
                step.getExecutionContext().put(NOT_COUNTED, new java.util.ArrayList<>(notCounted));
                step.getExecutionContext().putInt(NOT_COUNTED_COUNT, notCountedCount);
                staged.update("""
                        UPDATE import_batch SET status = ?, rows_read = ?, added = ?, changed = ?, unchanged = ?,
                                                refused = ?, not_counted = ?, skipped = ?
                         WHERE id = ?""", ImportStatus.STORED.name(), rowsRead, counts[0], counts[1], counts[2], refused, notCountedCount,
                        layout == null ? 0 : layout.skippedRows(), importId);
                // Last before the commit: the import's data version, in commit order (sql/V94__data_versions.sql).
                staged.queryForObject("SELECT next_data_version(?)", Long.class, importId);
            }
            long t2 = System.nanoTime();
            // The rows and the import's outcome are committed at once; the staging table goes with the transaction.
            importTransaction.commit();
            clearRefusedCodes(jdbc, importId);
            log.info("import {}: committed in {} ms", importId, (System.nanoTime() - t2) / 1_000_000);
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("store", jobRepository).tasklet(tasklet, tx).build();
    }

    private static int refusedLines(JdbcTemplate jdbc, long importId) {
        return jdbc.queryForObject("SELECT count(DISTINCT line) FROM import_reject WHERE import_id = ?", Integer.class,
                importId);
    }

    /** A refusal as the job's context keeps it (serialisable). */
    record RefusalText(String key, String[] arguments) implements java.io.Serializable {
    }

    /**
     * The catalogue stays as it is until the import commits, and still has every field the rows name (they were
     * checked against it as it was when reading began): one query, where a foreign key would check each row.
     */
    @SuppressWarnings("unchecked")
    private static void keepFields(JdbcTemplate staged, StepExecution checkRows) {
        Object used = checkRows.getExecutionContext().get(FIELDS_USED);
        java.util.List<String> codes = used == null ? java.util.List.of() : (java.util.List<String>) used;
        staged.execute("LOCK TABLE field IN SHARE MODE");
        java.util.List<String> kept = staged.queryForList("SELECT code FROM field WHERE code = ANY (?)", String.class,
                (Object) codes.toArray(String[]::new));
        if (kept.size() < codes.size()) {
            java.util.List<String> gone = new java.util.ArrayList<>(codes);
            gone.removeAll(kept);
            throw new IllegalStateException("fields removed from the catalogue during the import: " + gone);
        }
    }

    /** The codes of an import's refused rows are needed only while it runs. */
    private static void clearRefusedCodes(JdbcTemplate jdbc, long importId) {
        jdbc.update("DELETE FROM import_refused_code WHERE import_id = ?", importId);
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, String> writtenHeadings(StepExecution checkRows) {
        Object written = checkRows.getExecutionContext().get(WRITTEN_HEADINGS);
        return written == null ? java.util.Map.of() : (java.util.Map<String, String>) written;
    }
}

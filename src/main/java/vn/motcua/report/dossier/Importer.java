package vn.motcua.report.dossier;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import vn.motcua.report.catalogue.CatalogueStore;
import vn.motcua.report.config.ConfigException;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.system.Refusal;
import vn.motcua.report.system.Sha256;

/** Imports one file through the import job and says what happened. */
@Service
public class Importer {

    private static final Logger log = LoggerFactory.getLogger(Importer.class);

    /** The rejects file's heading row, Vietnamese first: the clerk fixing the file reads it. */
    static final String[] REJECTS_HEADINGS = {"Dòng (line)", "Cột (column)", "Giá trị (value)", "Lý do", "Reason"};

    private final JobOperator jobOperator;
    private final Job importJob;
    private final ImportRepository imports;
    private final JobsFolder jobs;
    private final ChangesSince changesSince;
    private final CatalogueStore catalogue;

    public Importer(JobOperator jobOperator, @Qualifier(ImportJobConfiguration.JOB_NAME) Job importJob,
                    ImportRepository imports, JobsFolder jobs, ChangesSince changesSince, CatalogueStore catalogue) {
        this.jobOperator = jobOperator;
        this.importJob = importJob;
        this.imports = imports;
        this.jobs = jobs;
        this.changesSince = changesSince;
        this.catalogue = catalogue;
    }

    /** Imports {@code file} as {@code kind}, all or nothing, from a workbook's first sheet. */
    public ImportRepository.ImportSummary importFile(String kind, Path file) throws Exception {
        return importFile(kind, file, null, false);
    }

    /**
     * Imports {@code file} (CSV or .xlsx) as {@code kind} ("dossiers" or "transfers"). With refused rows, stores
     * nothing unless {@code acceptPartial}; either way writes every refusal to {@link #rejectsFile}.
     *
     * @param sheet the workbook's sheet to read, or null for the first
     * @throws ImportException when the file cannot be read as such a table at all (nothing stored)
     * @throws ConfigException when {@code jobs/import-mapping.yaml} is wrong
     */
    public ImportRepository.ImportSummary importFile(String kind, Path file, String sheet, boolean acceptPartial)
            throws Exception {
        return importFile(kind, file, sheet, acceptPartial, null);
    }

    /**
     * As {@link #importFile(String, Path, String, boolean)}, with the order of every date written with slashes
     * given ({@code --date-order}), or null to decide it from each column's values.
     *
     * @throws Refusal when the dates' order cannot be told from the file (nothing stored)
     */
    public ImportRepository.ImportSummary importFile(String kind, Path file, String sheet, boolean acceptPartial,
                                                     String dateOrder) throws Exception {
        ImportKind.of(kind, Map.of(), ImportMapping.builtIn());
        ImportFile type = ImportFile.of(file);
        if (sheet != null && !type.isWorkbook()) {
            throw new ImportException("import.sheet-of-csv", file.toString());
        }
        catalogue.refresh();
        String orders = "";
        if (dateOrder != null) {
            DateOrder order = DateOrder.ofCode(dateOrder);
            if (order == null) {
                throw new Refusal("import.dateOrder.unknown", dateOrder);
            }
            orders = DateOrder.format(Map.of(Dates.EVERY_COLUMN, order));
        }
        ImportMapping.load(jobs, imports.fieldCatalogue().keySet());
        // What a process killed while importing left STARTED is marked first (never an import still under way).
        imports.markInterrupted();
        try (ImportRepository.Running running = imports.begin(kind, file.getFileName().toString(), Sha256.of(file),
                sheet, acceptPartial)) {
            return imported(running.id(), file, kind, sheet, acceptPartial, orders);
        }
    }

    /** The import recorded as {@code importId}, run through the job (twice when its dates are month first). */
    @SuppressWarnings("unchecked")
    private ImportRepository.ImportSummary imported(long importId, Path file, String kind, String sheet,
                                                    boolean acceptPartial, String orders) throws Exception {
        JobExecution execution = run(importId, file, kind, sheet, acceptPartial, orders);
        StepExecution store = step(execution, "store");
        String again = store == null ? null : store.getExecutionContext().getString(ImportJobConfiguration.DATE_ORDERS, null);
        if (again != null) {
            // A column is month first: what was checked day first is dropped, and the file is read again.
            log.info("import {}: dates read again with {}", importId, again);
            imports.clearRejects(importId);
            execution = run(importId, file, kind, sheet, acceptPartial, again);
            store = step(execution, "store");
        }
        if (store != null && store.getExecutionContext().get(ImportJobConfiguration.REFUSAL)
                instanceof ImportJobConfiguration.RefusalText refusal) {
            imports.markRefused(importId);
            throw new Refusal(refusal.key(), (Object[]) refusal.arguments());
        }
        ImportRepository.ImportSummary summary = imports.summary(importId);
        if (summary.rowsRead() == 0) {
            imports.markRefused(importId);
            throw new ImportException("import.no-rows", file.toString());
        }
        Path rejects;
        try {
            rejects = writeRejects(importId, file, summary.refusals() > 0);
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not write the rejects file of {}", file, e);
            rejects = null;
        }
        List<ChangesSince.PeriodChange> changed = summary.stored() && summary.added() + summary.changed() > 0
                ? changesSince.touchedBy(importId) : List.of();
        StepExecution checkRows = step(execution, "checkRows");
        List<String> ignored = checkRows == null ? null
                : (List<String>) checkRows.getExecutionContext().get(ImportJobConfiguration.IGNORED_HEADINGS);
        ImportLayout layout = checkRows == null ? null
                : (ImportLayout) checkRows.getExecutionContext().get(TableReader.LAYOUT);
        List<String> notCounted = store == null ? null
                : (List<String>) store.getExecutionContext().get(ImportJobConfiguration.NOT_COUNTED);
        return summary.with(rejects, changed, ignored == null ? List.of() : ignored, layout,
                notCounted == null ? List.of() : notCounted);
    }

    private JobExecution run(long importId, Path file, String kind, String sheet, boolean acceptPartial, String orders)
            throws Exception {
        JobExecution execution = jobOperator.start(importJob,
                ImportJobConfiguration.parameters(importId, file, kind, sheet, acceptPartial, orders));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            for (Throwable t : execution.getAllFailureExceptions()) {
                for (Throwable c = t; c != null; c = c.getCause()) {
                    if (c instanceof ImportException || c instanceof ConfigException || c instanceof Refusal) {
                        log.warn("import {} of {} refused", importId, file, t);
                        imports.markRefused(importId);
                        throw (RuntimeException) c;
                    }
                }
            }
            imports.markRefused(importId);
            throw new IllegalStateException("The import of " + file + " failed: " + execution.getAllFailureExceptions());
        }
        return execution;
    }

    private static StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElse(null);
    }

    /** Beside the input: {@code NAME.rejects.csv} for {@code NAME.csv} or {@code NAME.xlsx}. */
    public static Path rejectsFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.toAbsolutePath().resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".rejects.csv");
    }

    /**
     * Writes every refusal to the rejects file (UTF-8 with a byte order mark, so Excel shows the Vietnamese), or, when
     * there is none, removes a rejects file a previous attempt left, so it cannot be mistaken for this one's.
     * Returns the file written, or null.
     */
    private Path writeRejects(long importId, Path file, boolean any) throws IOException {
        Path target = rejectsFile(file);
        if (!any) {
            if (Files.isRegularFile(target) && isRejectsFile(target)) {
                Files.delete(target);
            }
            return null;
        }
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (BufferedWriter w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
            w.write('\uFEFF');
            csv.printRecord((Object[]) REJECTS_HEADINGS);
            imports.eachReject(importId, r -> {
                try {
                    csv.printRecord(r.line(), r.column(), r.value(), r.reasonVi(), r.reason());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private static boolean isRejectsFile(Path file) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(l -> l.contains(REJECTS_HEADINGS[0])).orElse(false);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}

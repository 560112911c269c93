package vn.motcua.report.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.motcua.report.catalogue.CatalogueStore;
import vn.motcua.report.centre.Centres;
import vn.motcua.report.config.ConfigException;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.config.MotcuaProperties;
import vn.motcua.report.importing.check.DateOrder;
import vn.motcua.report.importing.check.Dates;
import vn.motcua.report.importing.check.ImportMapping;
import vn.motcua.report.importing.check.RowCheck;
import vn.motcua.report.importing.source.ImportException;
import vn.motcua.report.importing.source.ImportFile;
import vn.motcua.report.importing.source.ImportLayout;
import vn.motcua.report.importing.source.Row;
import vn.motcua.report.importing.source.TableReader;
import vn.motcua.report.importing.store.ImportRepository;
import vn.motcua.report.importing.store.ImportStatus;
import vn.motcua.report.importing.store.Staging;
import vn.motcua.report.system.Refusal;
import vn.motcua.report.system.Sha256;

/**
 * Imports one file, all or nothing, and says what happened: the file is read through its format's source
 * ({@link TableReader}), each row checked ({@link RowCheck}) and staged, then stored in one merge, all in one
 * transaction ({@link Staging}). Dates written with slashes whose order is not given are read day first; when a
 * column turns out to be month first, what was staged is dropped and the file is read a second time with the orders
 * found ({@link Dates#decide}).
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    /** The rejects file's heading row, Vietnamese first: the clerk fixing the file reads it. */
    static final String[] REJECTS_HEADINGS = {"Dòng (line)", "Cột (column)", "Giá trị (value)", "Lý do", "Reason"};

    private final DataSource dataSource;
    private final ImportRepository imports;
    private final JobsFolder jobs;
    private final ChangesSince changesSince;
    private final CatalogueStore catalogue;
    private final ImportProgress progress;
    private final int batchRows;

    public ImportService(DataSource dataSource, ImportRepository imports, JobsFolder jobs, ChangesSince changesSince,
                         CatalogueStore catalogue, ImportProgress progress, MotcuaProperties settings) {
        this.dataSource = dataSource;
        this.imports = imports;
        this.jobs = jobs;
        this.changesSince = changesSince;
        this.catalogue = catalogue;
        this.progress = progress;
        this.batchRows = settings.imports().chunkSize();
    }

    /** Imports {@code file} as {@code kind}, all or nothing, from a workbook's first sheet. */
    public ImportSummary importFile(String kind, Path file) throws Exception {
        return importFile(kind, file, null, false);
    }

    /**
     * Imports {@code file} (CSV, .xlsx, .xls or .ods) as {@code kind} ("dossiers" or "transfers"). With refused rows,
     * stores nothing unless {@code acceptPartial}; either way writes every refusal to {@link #rejectsFile}.
     *
     * @param sheet the workbook's sheet to read, or null for the first
     * @throws ImportException when the file cannot be read as such a table at all (nothing stored)
     * @throws ConfigException when {@code jobs/import-mapping.yaml} is wrong
     */
    public ImportSummary importFile(String kind, Path file, String sheet, boolean acceptPartial) throws Exception {
        return importFile(kind, file, sheet, acceptPartial, null);
    }

    /**
     * As {@link #importFile(String, Path, String, boolean)}, with the order of every date written with slashes
     * given ({@code --date-order}), or null to decide it from each column's values.
     *
     * @throws Refusal when the dates' order cannot be told from the file (nothing stored)
     */
    public ImportSummary importFile(String kind, Path file, String sheet, boolean acceptPartial, String dateOrder)
            throws Exception {
        RowCheck.of(kind, Map.of(), ImportMapping.builtIn());
        ImportFile type = ImportFile.of(file);
        if (sheet != null && !type.isWorkbook()) {
            throw new ImportException("import.sheet-of-csv", file.toString());
        }
        catalogue.refresh();
        Map<String, DateOrder> orders = Map.of();
        if (dateOrder != null) {
            DateOrder order = DateOrder.ofCode(dateOrder);
            if (order == null) {
                throw new Refusal("import.dateOrder.unknown", dateOrder);
            }
            orders = Map.of(Dates.EVERY_COLUMN, order);
        }
        ImportMapping.load(jobs, imports.fieldCatalogue().keySet());
        // A wrong centres.yaml is refused before anything is stored, as a wrong mapping is.
        Optional<Centres> centres = Centres.load(jobs);
        // What a process killed while importing left STARTED is marked first (never an import still under way).
        imports.markInterrupted();
        try (ImportRepository.Running running = imports.begin(kind, file.getFileName().toString(), Sha256.of(file),
                sheet, acceptPartial)) {
            try {
                return imported(running.id(), file, kind, sheet, acceptPartial, orders, centres);
            } catch (Refusal e) {
                log.warn("import {} of {} refused", running.id(), file, e);
                imports.markRefused(running.id());
                throw e;
            }
        }
    }

    /** What one reading of the file found: its rows staged (not yet stored), and what it learnt of the file. */
    private record Reading(RowCheck check, long rowsRead, ImportLayout layout, Map<String, String> writtenHeadings,
                           List<String> ignoredHeadings) {
    }

    /** The import recorded as {@code importId}: read (twice when its dates are month first), checked, stored. */
    private ImportSummary imported(long importId, Path file, String kind, String sheet, boolean acceptPartial,
                                   Map<String, DateOrder> orders, Optional<Centres> centres) throws Exception {
        Map<String, String> fields = imports.fieldCatalogue();
        ImportMapping mapping = ImportMapping.load(jobs, fields.keySet());
        Map<String, String> aliases = imports.fieldAliases();
        Map<String, String> procedures = imports.procedureFields();
        Staging.Stored stored;
        Reading reading;
        try (Staging staging = new Staging(dataSource, kind, RowCheck.of(kind, fields, mapping).valueColumns(), importId,
                batchRows)) {
            ReadAs as = new ReadAs(file, sheet, kind, fields, aliases, procedures, mapping);
            reading = readWhole(as, orders, staging);
            Map<String, DateOrder> decided = reading.check().dates().decide(reading.writtenHeadings(), file.toString());
            if (decided.containsValue(DateOrder.MDY)) {
                // A column is month first: what was checked day first is dropped, and the file is read again.
                Map<String, DateOrder> again = reading.check().dates().orders(decided);
                log.info("import {}: dates read again with {}", importId, again);
                reading = readWhole(as, again, staging);
            }
            progress.storing();
            stored = staging.store(acceptPartial, reading.rowsRead(), reading.writtenHeadings().getOrDefault("code", "code"),
                    reading.layout().skippedRows(), reading.check().fieldsUsed());
        }
        ImportRepository.ImportRecord record = imports.record(importId);
        if (record.rowsRead() == 0) {
            throw new ImportException("import.no-rows", file.toString());
        }
        Path rejects;
        try {
            rejects = writeRejects(importId, file, !record.refusalsByRule().isEmpty());
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not write the rejects file of {}", file, e);
            rejects = null;
        }
        List<ChangesSince.PeriodChange> changed = stored.status() == ImportStatus.STORED
                && record.added() + record.changed() > 0 ? changesSince.touchedBy(importId) : List.of();
        return ImportSummary.of(record, rejects, changed, reading.ignoredHeadings(), reading.layout(),
                stored.notCounted(), stored.status() == ImportStatus.STORED && "dossiers".equals(kind)
                        ? unlistedCentres(importId, centres) : Map.of());
    }

    /**
     * The receiving centres this import's stored dossiers give that centres.yaml does not list (none without the
     * file), with how many dossiers give each: staff add them or an alias.
     */
    private Map<String, Long> unlistedCentres(long importId, Optional<Centres> centres) {
        if (centres.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> unlisted = new java.util.LinkedHashMap<>();
        imports.receivedCentres(importId).forEach((centre, n) -> {
            if (centres.get().match(centre).isEmpty()) {
                unlisted.put(centre, n);
            }
        });
        return unlisted;
    }

    /** What a reading of the file needs: the file, and the catalogue and mapping its rows are checked against. */
    private record ReadAs(Path file, String sheet, String kind, Map<String, String> fields, Map<String, String> aliases,
                          Map<String, String> procedures, ImportMapping mapping) {
        RowCheck check(Map<String, DateOrder> orders) {
            return RowCheck.of(kind, fields, aliases, procedures, mapping, new Dates(orders));
        }
    }

    /**
     * The file read whole with these date orders: straight into the final table when the kind allows it, and
     * through the staging table when that cannot be (or a row stood in the way of it).
     */
    private Reading readWhole(ReadAs as, Map<String, DateOrder> orders, Staging staging) throws Exception {
        if (staging.canGoDirect()) {
            Reading direct = read(as.file(), as.sheet(), as.check(orders), staging, true);
            if (!staging.gaveUp()) {
                return direct;
            }
        }
        return read(as.file(), as.sheet(), as.check(orders), staging, false);
    }

    /** One reading of the file, in a fresh transaction: every row checked, and staged or its refusal recorded. */
    private Reading read(Path file, String sheet, RowCheck check, Staging staging, boolean direct) throws Exception {
        long t0 = System.nanoTime();
        staging.begin(direct);
        try (TableReader reader = new TableReader(file, sheet, check)) {
            progress.started();
            Row row;
            while ((row = reader.read()) != null && !staging.gaveUp()) {
                staging.add(check.check(row));
                progress.read(reader.rowsRead(), reader.fraction());
            }
            staging.readingDone();
            log.info("import: {} rows read and checked in {} ms", reader.rowsRead(), (System.nanoTime() - t0) / 1_000_000);
            return new Reading(check, reader.rowsRead(), reader.layout(), reader.writtenHeadings(),
                    reader.ignoredHeadings());
        }
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

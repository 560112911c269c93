package vn.motcua.report.document;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.config.PeriodTexts;
import vn.motcua.report.config.ReportSettings;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.report.ReportFiles;
import vn.motcua.report.report.ReportTable;
import vn.motcua.report.report.Revision;
import vn.motcua.report.report.RevisionRepository;
import vn.motcua.report.report.UnitRows;

/**
 * Gathers a revision's document data (its rows, the period's transfers, the jobs/ texts, earlier periods'
 * late rates) and writes the PDF. Sign-off calls {@link #data(Revision)} and
 * {@link ReportDocument#render} with {@code draft = false}, optionally with another signer
 * ({@link ReportDocumentData#withSigner}).
 */
@Service
public class ReportDocuments {

    private static final Logger log = LoggerFactory.getLogger(ReportDocuments.class);

    /**
     * Dossiers listed in appendix 02 and the workbook: the worst (most days late: at the finish, or at the
     * cutoff while pending) up to the limit ({@code LIMIT NULL}: all), grouped by unit in the per-unit table's
     * order, worst first within a unit, then in field order and by dates.
     */
    private static final String LISTED = """
            SELECT * FROM (
                SELECT d.code, w.field_name, d.received_on, d.due_on,
                       CASE WHEN rd.result = 'LATE' THEN d.finished_on END AS finished_on,
                       CASE WHEN rd.result = 'LATE' THEN d.finished_on - d.due_on ELSE ?::date - d.due_on END AS days_late,
                       CASE WHEN rd.apology THEN d.apology_on END AS apology_on, u.unit_name, u.unit_order, w.field_order
                  FROM report_dossier rd
                  JOIN dossier d ON d.id = rd.dossier_id
                  JOIN report_row w ON w.revision_id = rd.revision_id AND w.field_code = rd.field_code
                  LEFT JOIN report_unit_name n ON n.revision_id = rd.revision_id AND n.name = coalesce(d.unit, '')
                  LEFT JOIN report_unit_row u ON u.revision_id = rd.revision_id AND u.unit_order = n.unit_order
                 WHERE rd.revision_id = ? AND rd.result = ?
                 ORDER BY days_late DESC, w.field_order, d.due_on, d.received_on, d.code
                 LIMIT ?::bigint) worst
             ORDER BY unit_order, days_late DESC, field_order, due_on, received_on, code""";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final RevisionRepository revisions;
    private final JobsFolder jobs;
    private final UnitRows units;

    public ReportDocuments(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager tx,
                           RevisionRepository revisions, JobsFolder jobs, UnitRows units) {
        this.jdbc = jdbc;
        // Inside a transaction (autocommit off) the PostgreSQL driver fetches a cursor in batches of this size.
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(tx);
        this.readOnly.setReadOnly(true);
        this.revisions = revisions;
        this.jobs = jobs;
        this.units = units;
    }

    /** {@code DIR/2021-02/bao-cao-2021-02-r1.pdf}, beside the CSV table. */
    public static Path path(Path outDir, Revision revision) {
        return ReportFiles.path(outDir, revision, ".pdf");
    }

    /** Renders the revision's document into {@link #path}, through a temporary file so no reader sees half a PDF. */
    public Path write(Path outDir, Revision revision, boolean draft) throws IOException {
        long started = System.nanoTime();
        return ReportFiles.writeAtomically(path(outDir, revision), out -> {
            ReportDocument.Rendered rendered = ReportDocument.render(data(revision), draft, out);
            log.info("Rendered {} revision {} ({}): {} pages in {} ms", revision.period(), revision.revision(),
                    draft ? "draft" : "final", rendered.pages(), (System.nanoTime() - started) / 1_000_000);
        });
    }

    /** {@code DIR/2021-02/bao-cao-2021-02-r1.xlsx}, beside the PDF. */
    public static Path workbookPath(Path outDir, Revision revision) {
        return ReportFiles.path(outDir, revision, ".xlsx");
    }

    /** Writes the revision's workbook ({@link ReportWorkbook}: the forms and the complete dossier lists) into {@link #workbookPath}. */
    public Path writeWorkbook(Path outDir, Revision revision) throws IOException {
        long started = System.nanoTime();
        return ReportFiles.writeAtomically(workbookPath(outDir, revision), out -> {
            ReportWorkbook.write(data(revision, null), out);
            log.info("Wrote the workbook of {} revision {} in {} ms", revision.period(), revision.revision(),
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    /** Everything the document of this revision prints, with the default signer (the period file's, else report.yaml's). */
    public ReportDocumentData data(Revision revision) {
        return data(revision, (long) jobs.reportSettings().pdfListLimit());
    }

    /** As {@link #data(Revision)}, each dossier list cut at {@code listLimit} dossiers (null: the complete lists). */
    private ReportDocumentData data(Revision revision, Long listLimit) {
        ReportSettings settings = jobs.reportSettings();
        Period period = Period.of(revision.period(), CutoffDay.parse(revision.cutoff()));
        PeriodTexts texts = jobs.periodTexts(period);
        ReportTable table = revisions.table(revision);
        long overdueWithoutApology = jdbc.queryForObject(
                "SELECT count(*) FROM report_dossier WHERE revision_id = ? AND result = 'OVERDUE' AND NOT apology",
                Long.class, revision.id());
        return new ReportDocumentData(settings.centre(), period, revision.revision(), texts,
                "jobs/" + JobsFolder.periodFile(period), table, transfers(period), overdueWithoutApology,
                settings.recipients(), settings.archive(), texts.signer() != null ? texts.signer() : settings.signer(),
                listed(revision, period, "LATE", listLimit), listed(revision, period, "OVERDUE", listLimit),
                lateRates(period, table), correction(revision), listLimit == null ? Long.MAX_VALUE : listLimit,
                countedBeforeTheEnd(revision, period), units.table(revision));
    }

    /**
     * What this revision replaces: the latest revision before it that was signed off (issued), with its number
     * and date as signed, and the reason; null when none before it was issued (drafts replace nothing).
     */
    private ReportDocumentData.Correction correction(Revision revision) {
        if (revision.revision() == 1) {
            return null;
        }
        return jdbc.query("""
                SELECT revision, document_number, document_date FROM report_revision
                 WHERE period = ? AND revision < ? AND status = 'COMPLETED' AND signed_at IS NOT NULL
                 ORDER BY revision DESC LIMIT 1""", (rs, n) -> new ReportDocumentData.Correction(rs.getInt(1),
                rs.getString(2), rs.getObject(3, java.time.LocalDate.class), revision.reason()),
                revision.period(), revision.revision()).stream().findFirst().orElse(null);
    }

    /** Whether the revision was run on a day before the period's last day: its figures are provisional. */
    private boolean countedBeforeTheEnd(Revision revision, Period period) {
        java.time.LocalDate runOn = jdbc.queryForObject(
                "SELECT (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date FROM report_revision WHERE id = ?",
                java.time.LocalDate.class, revision.id());
        return runOn != null && period.end().isAfter(runOn);
    }

    private Transfers transfers(Period period) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT from_level, to_level, count(*) FROM transfer WHERE sent_on BETWEEN ? AND ? GROUP BY 1, 2",
                rs -> {
                    counts.put(Transfers.direction(rs.getString(1), rs.getString(2)), rs.getLong(3));
                }, period.start(), period.end());
        return new Transfers(Map.copyOf(counts));
    }

    /** Streams the revision's dossiers of one result, inside a (joined or read-only) transaction so the cursor streams. */
    private DossierList listed(Revision revision, Period period, String result, Long limit) {
        return action -> readOnly.executeWithoutResult(status -> streaming.query(LISTED, rs -> {
            Date finished = rs.getDate(5);
            Date apology = rs.getDate(7);
            action.accept(new DossierList.Listed(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                    rs.getDate(4).toLocalDate(), finished == null ? null : finished.toLocalDate(), rs.getLong(6),
                    apology == null ? null : apology.toLocalDate(), rs.getString(8)));
        }, period.end(), revision.id(), result, limit));
    }

    /**
     * This period's late rate after those of up to 11 earlier periods of the same kind (months with months),
     * each from its latest revision that completed.
     */
    private List<ReportDocumentData.LateRate> lateRates(Period period, ReportTable table) {
        List<ReportDocumentData.LateRate> earlier = new ArrayList<>();
        jdbc.query("""
                SELECT r.period, sum(w.late), sum(w.resolved)
                  FROM report_revision r JOIN report_row w ON w.revision_id = r.id
                 WHERE r.id IN (SELECT DISTINCT ON (period) id FROM report_revision
                                 WHERE status NOT IN ('RUNNING', 'FAILED') AND end_on < ?
                                 ORDER BY period, revision DESC)
                 GROUP BY r.period, r.end_on
                 ORDER BY r.end_on DESC""", rs -> {
            String name = rs.getString(1);
            if (VietnameseFormat.kind(name).equals(VietnameseFormat.kind(period.name())) && earlier.size() < 11) {
                earlier.add(new ReportDocumentData.LateRate(name, VietnameseFormat.shortPeriod(name), rs.getLong(2),
                        rs.getLong(3)));
            }
        }, period.end());
        Collections.reverse(earlier);
        Tally total = table.total();
        earlier.add(new ReportDocumentData.LateRate(period.name(), VietnameseFormat.shortPeriod(period.name()),
                total.get(Counter.LATE), total.get(Counter.RESOLVED)));
        return List.copyOf(earlier);
    }
}

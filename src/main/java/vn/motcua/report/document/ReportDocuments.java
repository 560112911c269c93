package vn.motcua.report.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.motcua.report.centre.Centre;
import vn.motcua.report.centre.Centres;
import vn.motcua.report.centre.Consolidation;
import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Result;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.config.PeriodTexts;
import vn.motcua.report.config.ReportSettings;
import vn.motcua.report.period.Period;
import vn.motcua.report.revision.CellDossiers;
import vn.motcua.report.revision.CentreRows;
import vn.motcua.report.revision.CentreSpellings;
import vn.motcua.report.revision.CentreTable;
import vn.motcua.report.revision.ReportFiles;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.revision.UnitRows;

/**
 * Gathers a revision's document data (its rows, the period's transfers, the jobs/ texts, earlier periods'
 * late rates) and writes the PDF. Sign-off calls {@link #data(Revision)} and
 * {@link ReportDocument#render} with {@code draft = false}, optionally with another signer
 * ({@link ReportDocumentData#withSigner}).
 */
@Service
public class ReportDocuments {

    private static final Logger log = LoggerFactory.getLogger(ReportDocuments.class);

    private final JdbcTemplate jdbc;
    private final RevisionRepository revisions;
    private final CellDossiers cells;
    private final JobsFolder jobs;
    private final UnitRows units;
    private final CentreSpellings centreSpellings;
    private final CentreRows centreRows;

    public ReportDocuments(JdbcTemplate jdbc, RevisionRepository revisions, CellDossiers cells, JobsFolder jobs,
                           UnitRows units, CentreSpellings centreSpellings, CentreRows centreRows) {
        this.centreSpellings = centreSpellings;
        this.centreRows = centreRows;
        this.jdbc = jdbc;
        this.revisions = revisions;
        this.cells = cells;
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
            log.info("Rendered {} revision {} ({}): {} pages in {} ms", revision.key(), revision.revision(),
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
            log.info("Wrote the workbook of {} revision {} in {} ms", revision.key(), revision.revision(),
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
        Period period = revision.period();
        PeriodTexts texts = jobs.periodTexts(period, revision.centre());
        ReportTable table = revisions.table(revision);
        // A centre's report is issued by that centre, the consolidation by the consolidating body: its header, and
        // its signer and recipients where it names them.
        Consolidation consolidation = consolidation(revision);
        Centre centre = revision.key().ofCentre() && consolidation == null ? Centres.listed(jobs, revision.centre()) : null;
        ReportSettings.Centre issuer = consolidation != null ? consolidation.header()
                : centre == null ? settings.centre() : centre.header();
        ReportSettings.Signer ownSigner = consolidation != null ? consolidation.signer()
                : centre != null ? centre.signer() : null;
        List<String> ownRecipients = consolidation != null ? consolidation.recipients()
                : centre != null ? centre.recipients() : List.of();
        ReportSettings.Signer signer = texts.signer() != null ? texts.signer()
                : ownSigner != null ? ownSigner : settings.signer();
        List<String> recipients = ownRecipients != null && !ownRecipients.isEmpty() ? ownRecipients
                : settings.recipients();
        CentreTable byCentre = consolidation == null ? null : centreRows.table(revision);
        ReportDocumentData data = new ReportDocumentData(issuer, period, revision.revision(), texts,
                "jobs/" + JobsFolder.periodFile(period, revision.centre()), table, transfers(revision),
                cells.overdueWithoutApology(revision), recipients, settings.archive(), signer,
                listed(revision, Result.LATE, listLimit, byCentre), listed(revision, Result.OVERDUE, listLimit, byCentre),
                lateRates(revision, table), correction(revision), listLimit == null ? Long.MAX_VALUE : listLimit,
                countedBeforeTheEnd(revision, period), units.table(revision));
        return consolidation == null ? data : data.withCentres(byCentre);
    }

    /** One of the two lists; a consolidation's grouped by receiving centre, as its table by centre orders them. */
    private DossierList listed(Revision revision, Result result, Long listLimit, CentreTable byCentre) {
        if (byCentre == null || byCentre.isEmpty()) {
            return action -> cells.listed(revision, result, listLimit, action);
        }
        Centres centres = Centres.load(jobs).orElseThrow();
        List<String> stored = centreSpellings.stored();
        return action -> cells.listedByCentre(revision, result, listLimit, centres, byCentre, stored, action);
    }

    /** The consolidating body when the revision is centres.yaml's consolidation, else null. */
    private Consolidation consolidation(Revision revision) {
        if (!revision.key().ofCentre()) {
            return null;
        }
        return Centres.load(jobs).map(Centres::consolidation).filter(c -> c.code().equals(revision.centre()))
                .orElse(null);
    }

    /**
     * What this revision replaces: the latest revision before it that was signed off (issued), with its number
     * and date as signed, and the reason; null when none before it was issued (drafts replace nothing).
     */
    private ReportDocumentData.Correction correction(Revision revision) {
        if (revision.revision() == 1) {
            return null;
        }
        return revisions.correctedBy(revision).map(c -> new ReportDocumentData.Correction(c.revision(),
                c.documentNumber(), c.documentDate(), revision.reason())).orElse(null);
    }

    /** Whether the revision was run on a day before the period's last day: its figures are provisional. */
    private boolean countedBeforeTheEnd(Revision revision, Period period) {
        return period.end().isAfter(revisions.madeOn(revision));
    }

    /** The period's transfers; a centre's report, those of the dossiers it received. */
    private Transfers transfers(Revision revision) {
        Period period = revision.period();
        Map<String, Long> counts = new HashMap<>();
        org.springframework.jdbc.core.RowCallbackHandler count = rs -> {
            counts.put(Transfers.direction(rs.getString(1), rs.getString(2)), rs.getLong(3));
        };
        if (!centreSpellings.everyDossier(revision.centre())) {
            jdbc.query("""
                    SELECT t.from_level, t.to_level, count(*) FROM transfer t
                     WHERE t.sent_on BETWEEN ? AND ?
                       AND EXISTS (SELECT 1 FROM dossier d WHERE d.code = t.dossier_code AND d.centre = ANY (?::text[]))
                     GROUP BY 1, 2""", count, period.start(), period.end(),
                    centreSpellings.of(revision.centre()).toArray(String[]::new));
        } else {
            jdbc.query("SELECT from_level, to_level, count(*) FROM transfer WHERE sent_on BETWEEN ? AND ? GROUP BY 1, 2",
                    count, period.start(), period.end());
        }
        return new Transfers(Map.copyOf(counts));
    }

    /**
     * This period's late rate after those of up to 11 earlier periods of the same kind (months with months),
     * each from its latest revision that completed.
     */
    private List<ReportDocumentData.LateRate> lateRates(Revision revision, ReportTable table) {
        Period period = revision.period();
        List<ReportDocumentData.LateRate> earlier = new ArrayList<>();
        for (RevisionRepository.Lateness l : revisions.latenessBefore(period.kind(), period.end(), revision.centre())) {
            if (earlier.size() < 11) {
                earlier.add(new ReportDocumentData.LateRate(l.period().name(), VietnameseFormat.shortPeriod(l.period()),
                        l.late(), l.resolved()));
            }
        }
        Collections.reverse(earlier);
        Tally total = table.total();
        earlier.add(new ReportDocumentData.LateRate(period.name(), VietnameseFormat.shortPeriod(period.named()),
                total.get(Counter.LATE), total.get(Counter.RESOLVED)));
        return List.copyOf(earlier);
    }
}

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

import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Result;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.config.PeriodTexts;
import vn.motcua.report.config.ReportSettings;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.revision.CellDossiers;
import vn.motcua.report.revision.ReportFiles;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;

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

    public ReportDocuments(JdbcTemplate jdbc, RevisionRepository revisions, CellDossiers cells, JobsFolder jobs) {
        this.jdbc = jdbc;
        this.revisions = revisions;
        this.cells = cells;
        this.jobs = jobs;
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

    /** Everything the document of this revision prints, with the default signer (the period file's, else report.yaml's). */
    public ReportDocumentData data(Revision revision) {
        ReportSettings settings = jobs.reportSettings();
        Period period = Period.of(revision.period(), CutoffDay.parse(revision.cutoff()));
        PeriodTexts texts = jobs.periodTexts(period);
        ReportTable table = revisions.table(revision);
        return new ReportDocumentData(settings.centre(), period, revision.revision(), texts,
                "jobs/" + JobsFolder.periodFile(period), table, transfers(period), cells.overdueWithoutApology(revision),
                settings.recipients(), settings.archive(), texts.signer() != null ? texts.signer() : settings.signer(),
                action -> cells.listed(revision, Result.LATE, action),
                action -> cells.listed(revision, Result.OVERDUE, action), lateRates(period, table),
                correction(revision));
    }

    /** For revision 2 and later: the latest completed revision before it (as signed, if it was) and the reason. */
    private ReportDocumentData.Correction correction(Revision revision) {
        if (revision.revision() == 1) {
            return null;
        }
        return revisions.correctedBy(revision).map(c -> new ReportDocumentData.Correction(c.revision(),
                c.documentNumber(), c.documentDate(), revision.reason())).orElse(null);
    }

    private Transfers transfers(Period period) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT from_level, to_level, count(*) FROM transfer WHERE sent_on BETWEEN ? AND ? GROUP BY 1, 2",
                rs -> {
                    counts.put(Transfers.direction(rs.getString(1), rs.getString(2)), rs.getLong(3));
                }, period.start(), period.end());
        return new Transfers(Map.copyOf(counts));
    }

    /**
     * This period's late rate after those of up to 11 earlier periods of the same kind (months with months),
     * each from its latest revision that completed.
     */
    private List<ReportDocumentData.LateRate> lateRates(Period period, ReportTable table) {
        List<ReportDocumentData.LateRate> earlier = new ArrayList<>();
        for (RevisionRepository.Lateness l : revisions.latenessBefore(period.end())) {
            if (VietnameseFormat.kind(l.period()).equals(VietnameseFormat.kind(period.name())) && earlier.size() < 11) {
                earlier.add(new ReportDocumentData.LateRate(l.period(), VietnameseFormat.shortPeriod(l.period()),
                        l.late(), l.resolved()));
            }
        }
        Collections.reverse(earlier);
        Tally total = table.total();
        earlier.add(new ReportDocumentData.LateRate(period.name(), VietnameseFormat.shortPeriod(period.name()),
                total.get(Counter.LATE), total.get(Counter.RESOLVED)));
        return List.copyOf(earlier);
    }
}

package vn.motcua.report.document;

import java.util.List;

import vn.motcua.report.config.PeriodTexts;
import vn.motcua.report.config.ReportSettings;
import vn.motcua.report.period.Period;
import vn.motcua.report.revision.CentreTable;
import vn.motcua.report.revision.ReportFiles;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.UnitRows;

/**
 * Everything one report document prints, gathered before rendering so that the renderer touches no
 * database: except the two dossier lists, which are streamed while the pages are written (they can be
 * tens of thousands of rows).
 *
 * @param periodFile            the staff file of the period as the document names it ("jobs/periods/2021-02.yaml")
 * @param signer                the signer block: the period file's, else the default of report.yaml
 * @param overdueWithoutApology pending overdue dossiers that have no apology letter yet
 * @param lateDossiers          dossiers resolved late in the period
 * @param overdueDossiers       dossiers pending and overdue at the cutoff
 * @param lateRates             the late rate of the latest periods of the same kind, oldest first, this one last
 * @param correction            for a corrected report, the issued (signed-off) report it replaces and why; null when
 *                              none before it was issued
 * @param listLimit             at most this many dossiers in each list (worst first); the workbook has them all
 * @param provisional           the revision was counted before the period closed (its cutoff day was still to come)
 * @param units                 the per-unit table (rows by handling unit); empty for a revision made before units
 * @param centres               the consolidation's table by receiving centre; null (or empty) for a single centre's report
 */
public record ReportDocumentData(ReportSettings.Centre centre, Period period, int revision, PeriodTexts texts,
                                 String periodFile, ReportTable table, Transfers transfers, long overdueWithoutApology,
                                 List<String> recipients, String archive, ReportSettings.Signer signer,
                                 DossierList lateDossiers, DossierList overdueDossiers, List<LateRate> lateRates,
                                 Correction correction, long listLimit, boolean provisional, ReportTable units,
                                 CentreTable centres) {

    /** A single centre's report: no table by centre. */
    public ReportDocumentData(ReportSettings.Centre centre, Period period, int revision, PeriodTexts texts,
                              String periodFile, ReportTable table, Transfers transfers, long overdueWithoutApology,
                              List<String> recipients, String archive, ReportSettings.Signer signer,
                              DossierList lateDossiers, DossierList overdueDossiers, List<LateRate> lateRates,
                              Correction correction, long listLimit, boolean provisional, ReportTable units) {
        this(centre, period, revision, texts, periodFile, table, transfers, overdueWithoutApology, recipients, archive,
                signer, lateDossiers, overdueDossiers, lateRates, correction, listLimit, provisional, units, null);
    }

    /**
     * What a corrected report (revision 2 and later) replaces: the earlier revision, its number and date
     * as signed (null when it was not signed off), and why it is corrected.
     */
    public record Correction(int revision, String number, java.time.LocalDate date, String reason) {
    }

    /** The same document signed by someone else: what sign-off uses when the signer is named at signing. */
    public ReportDocumentData withSigner(ReportSettings.Signer other) {
        return new ReportDocumentData(centre, period, revision, texts, periodFile, table, transfers,
                overdueWithoutApology, recipients, archive, other, lateDossiers, overdueDossiers, lateRates, correction,
                listLimit, provisional, units, centres);
    }

    /** The same document with the consolidation's table by centre. */
    public ReportDocumentData withCentres(CentreTable table) {
        return new ReportDocumentData(centre, period, revision, texts, periodFile, this.table, transfers,
                overdueWithoutApology, recipients, archive, signer, lateDossiers, overdueDossiers, lateRates, correction,
                listLimit, provisional, units, table);
    }

    /** Whether the document has a table by centre: a consolidation's does. */
    public boolean hasCentres() {
        return centres != null && !centres.isEmpty();
    }

    /** Whether the dossiers have units to show: not when every one is without a unit (or none were counted). */
    public boolean hasUnits() {
        return !units.rows().isEmpty()
                && !(units.rows().size() == 1 && units.rows().get(0).name().equals(UnitRows.NO_UNIT));
    }

    /** The workbook beside the PDF, as the document names it: "bao-cao-2021-02-r1.xlsx" (a centre's "bao-cao-CODE-…"). */
    public String workbookName() {
        return ReportFiles.name(table.revision().key(), revision, ".xlsx");
    }

    /** "Số: 15/BC-TTHCC", with a blank for the clerk while the number is not given. */
    public String documentNumber() {
        return "Số: " + (texts.number() == null ? "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0" : texts.number())
                + "/BC-" + centre.symbol();
    }

    /** The late rate of one period: late / resolved. */
    public record LateRate(String period, String label, long late, long resolved) {
    }
}

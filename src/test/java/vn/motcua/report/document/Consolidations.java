package vn.motcua.report.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.motcua.report.classify.Counter;
import vn.motcua.report.config.PeriodTexts;
import vn.motcua.report.config.ReportSettings;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.revision.CentreTable;
import vn.motcua.report.revision.ListedDossier;
import vn.motcua.report.revision.ReportRow;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionStatus;

/**
 * A province's consolidated document data built in memory, no database: the province office as the issuing
 * body, every dossier of the table by centre in one field and one handling unit, the lists by centre, no staff texts.
 */
public final class Consolidations {

    private Consolidations() {
    }

    /**
     * As many late (or overdue) dossiers as each row of the table by centre counts, in its order and marked with its
     * row, as the consolidation's lists come from the database.
     */
    private static DossierList list(CentreTable centres, boolean pending) {
        LocalDate due = LocalDate.of(2025, 9, 10);
        return action -> {
            int i = 0;
            for (int row = 1; row <= centres.rows().size(); row++) {
                long count = centres.rows().get(row - 1).counts().get(pending ? Counter.OVERDUE : Counter.LATE);
                for (int k = 0; k < count; k++) {
                    i++;
                    action.accept(new ListedDossier((pending ? "QH-" : "TH-") + i, "Đất đai", due.minusDays(10), due,
                            pending ? null : due.plusDays(i), pending ? 20 : i, null, "Sở Nông nghiệp và Môi trường",
                            row, count));
                }
            }
        };
    }

    public static ReportDocumentData data(CentreTable centres) {
        Period period = Period.of("2025-09", CutoffDay.parse("last"));
        Revision revision = new Revision(1, period, 1, RevisionStatus.COMPLETED, null, null);
        ReportTable byField = new ReportTable(revision, List.of(new ReportRow(1, "dat-dai", "Đất đai", centres.total())));
        ReportTable byUnit = new ReportTable(revision,
                List.of(new ReportRow(1, "stnmt", "Sở Nông nghiệp và Môi trường", centres.total())));
        return new ReportDocumentData(new ReportSettings.Centre("UBND tỉnh Hà Tiên", "Văn phòng UBND tỉnh", "Hà Tiên",
                "VPUBND"), period, 1, PeriodTexts.missing("jobs/periods/2025-09.yaml"), "jobs/periods/2025-09.yaml",
                byField, new Transfers(Map.of()), 0, List.of("Văn phòng Chính phủ (Cục Kiểm soát TTHC);"), "VT",
                new ReportSettings.Signer("KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Lê Thị Hoa"),
                list(centres, false), list(centres, true),
                List.of(new ReportDocumentData.LateRate("2025-09", "09/2025", centres.total().get(Counter.LATE),
                        centres.total().get(Counter.RESOLVED))),
                null, 1000, false, byUnit, centres);
    }
}

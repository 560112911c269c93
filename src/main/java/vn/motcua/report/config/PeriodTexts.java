package vn.motcua.report.config;

import java.time.LocalDate;
import java.util.List;

/**
 * What staff write for one period's report, from {@code jobs/periods/PERIOD.yaml}: the document's number
 * and date, the figures kept outside the dossier system, and the text of sections 2 and 3 (one paragraph
 * per line). {@link #missing} stands for a period without a file: the report is still complete, with
 * those parts marked as not written.
 *
 * @param file     where the texts come from (or would come from), for the document's own notes
 * @param present  false when the period has no file
 * @param number   the document number ("15" in "Số: 15/BC-TTHCC"), null until the clerk gives one
 * @param date     the document's date, null until known
 * @param signer   overrides the default signer of {@code report.yaml}, or null
 */
public record PeriodTexts(String file, boolean present, String number, LocalDate date, List<StaffFigure> figures,
                          List<String> section2, List<String> section3, ReportSettings.Signer signer) {

    public static PeriodTexts missing(String file) {
        return new PeriodTexts(file, false, null, null, List.of(), List.of(), List.of(), null);
    }

    /**
     * A figure staff count outside the dossier system, e.g. citizen ID cards: "từ ngày 17/02 đến 25/02 đã
     * tiếp nhận và xử lý 697 hồ sơ", about 100 a day.
     *
     * @param perDay the daily average staff observed, or null
     * @param note   a sentence of context printed before the figure, or null
     */
    public record StaffFigure(String procedure, LocalDate from, LocalDate to, long dossiers, Long perDay, String note) {
    }
}

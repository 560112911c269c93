package vn.motcua.report.config;

import java.util.List;

import vn.motcua.report.period.CutoffDay;

/** What operations staff set in {@code jobs/report.yaml}. */
public record ReportSettings(CutoffDay cutoffDay, Centre centre, List<String> recipients, String archive,
                            Signer signer, int pdfListLimit) {

    /** Late and overdue dossiers listed in the PDF, each list, when report.yaml does not say. */
    public static final int DEFAULT_PDF_LIST_LIMIT = 1000;

    /**
     * The issuing centre, as the document names it. {@code parentBody} and {@code name} are written in
     * normal case ("UBND huyện An Hòa", "Trung tâm Hành chính công"); the header prints them in capitals.
     */
    public record Centre(String parentBody, String name, String place, String symbol) {
    }

    /** Who signs: {@code onBehalf} is "KT. GIÁM ĐỐC" when a deputy signs, absent when the head signs. */
    public record Signer(String onBehalf, String position, String name) {
    }
}

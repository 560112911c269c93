package vn.motcua.report.config;

import java.util.List;
import java.util.Map;

import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.system.Refusal;

/**
 * {@code jobs/report.yaml} as written, bound by {@link JobsFile}; {@link #settings} checks what binding leaves
 * open (a value missing or blank, a cutoff day or list limit out of range) and gives the settings.
 */
record ReportFile(String cutoffDay, Centre centre, List<String> recipients, String archive, WrittenSigner signer,
                  Long pdfListLimit, Signing signing) {

    static final String NAME = "report.yaml";

    /** Values of the wrong kind whose message says more than the usual one. */
    static final Map<String, String> WRONG_SHAPE = Map.of(
            "recipients", "config.not-lines",
            "pdf-list-limit", "config.pdf-list-limit");

    record Centre(String parentBody, String name, String place, String symbol) {
    }

    /** How signatures are made to last: the RFC 3161 time-stamping authority's address (optional). */
    record Signing(String tsa) {
    }

    static ReportSettings settings(JobsFile<ReportFile> file) {
        ReportFile report = file.value();
        String cutoffDay = file.text(report.cutoffDay, "cutoff-day");
        CutoffDay cutoff;
        try {
            cutoff = CutoffDay.parse(cutoffDay);
        } catch (Refusal e) {
            throw file.refuse("cutoff-day", "config.wrong-value", e);
        }
        Centre centre = file.required(report.centre, "centre");
        return new ReportSettings(cutoff, new ReportSettings.Centre(
                file.text(centre.parentBody, "centre.parent-body"), file.text(centre.name, "centre.name"),
                file.text(centre.place, "centre.place"), file.text(centre.symbol, "centre.symbol")),
                file.lines(report.recipients, "recipients"), file.text(report.archive, "archive"),
                file.required(report.signer, "signer").settings(file, "signer"), pdfListLimit(file), tsa(file));
    }

    /** {@code signing.tsa}: an http(s) address, or null when there is no signing block or no tsa in it. */
    private static String tsa(JobsFile<ReportFile> file) {
        Signing signing = file.value().signing;
        String tsa = signing == null ? null : file.optionalText(signing.tsa, "signing.tsa");
        if (tsa != null && !ReportSettings.isServiceAddress(tsa)) {
            throw file.refuse("signing.tsa", "config.tsa-address", tsa);
        }
        return tsa;
    }

    /** How many dossiers each list of the PDF shows (the workbook has them all): 1 to 1,000,000, default 1,000. */
    private static int pdfListLimit(JobsFile<ReportFile> file) {
        Long limit = file.value().pdfListLimit;
        if (limit == null) {
            return ReportSettings.DEFAULT_PDF_LIST_LIMIT;
        }
        if (limit < 1 || limit > 1_000_000) {
            throw file.refuse("pdf-list-limit", "config.pdf-list-limit", limit);
        }
        return limit.intValue();
    }
}

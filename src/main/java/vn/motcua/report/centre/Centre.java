package vn.motcua.report.centre;

import java.util.List;

import vn.motcua.report.config.ReportSettings;

/**
 * A centre that receives dossiers and reports on them, as {@code jobs/centres.yaml} lists it.
 *
 * @param aliases        other names the exports give it (as written, normalised for display), maybe none
 * @param signer         who signs its report, or null: report.yaml's signer then
 * @param signatureImage the signer's handwritten signature (a PNG path relative to the jobs folder), or null
 * @param recipients     its report's "Nơi nhận:" lines, or none: report.yaml's then
 */
public record Centre(String code, String name, Level level, String parentBody, String place, String symbol,
                     List<String> aliases, ReportSettings.Signer signer, String signatureImage,
                     List<String> recipients) {

    /** The issuing body as the document header names it. */
    public ReportSettings.Centre header() {
        return new ReportSettings.Centre(parentBody, name, place, symbol);
    }
}

package vn.motcua.report.centre;

import java.util.List;

import vn.motcua.report.config.ReportSettings;

/**
 * The body that issues the province's consolidated report, as {@code jobs/centres.yaml} names it.
 *
 * @param code           the consolidation's code, no centre's ({@code tong-hop})
 * @param signatureImage the signer's handwritten signature (a PNG path relative to the jobs folder), or null
 */
public record Consolidation(String code, String parentBody, String name, String place, String symbol,
                            ReportSettings.Signer signer, String signatureImage, List<String> recipients) {

    /** The issuing body as the document header names it. */
    public ReportSettings.Centre header() {
        return new ReportSettings.Centre(parentBody, name, place, symbol);
    }
}

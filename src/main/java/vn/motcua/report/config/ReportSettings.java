package vn.motcua.report.config;

import java.util.List;

import vn.motcua.report.period.CutoffDay;

/**
 * What operations staff set in {@code jobs/report.yaml}.
 *
 * @param tsa the RFC 3161 time-stamping authority's address ({@code signing.tsa}), or null
 */
public record ReportSettings(CutoffDay cutoffDay, Centre centre, List<String> recipients, String archive,
                            Signer signer, int pdfListLimit, String tsa) {

    /** Late and overdue dossiers listed in the PDF, each list, when report.yaml does not say. */
    public static final int DEFAULT_PDF_LIST_LIMIT = 1000;

    /**
     * The issuing centre, as the document names it. {@code parentBody} and {@code name} are written in
     * normal case ("UBND huyện An Hòa", "Trung tâm Hành chính công"); the header prints them in capitals.
     */
    public record Centre(String parentBody, String name, String place, String symbol) {
    }

    /** Whether {@code address} can be a time-stamping authority's: http(s)://host[:port][/path]. */
    public static boolean isServiceAddress(String address) {
        try {
            java.net.URI uri = new java.net.URI(address);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Who signs: {@code onBehalf} is "KT. GIÁM ĐỐC" when a deputy signs, absent when the head signs. */
    public record Signer(String onBehalf, String position, String name) {
    }
}

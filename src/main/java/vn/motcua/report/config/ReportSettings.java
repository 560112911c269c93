package vn.motcua.report.config;

import vn.motcua.report.period.CutoffDay;

/** What operations staff set in {@code jobs/report.yaml}. */
public record ReportSettings(CutoffDay cutoffDay, Centre centre) {

    /** The issuing centre, as the document header names it. */
    public record Centre(String parentBody, String name, String place, String symbol) {
    }
}

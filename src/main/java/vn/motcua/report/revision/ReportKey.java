package vn.motcua.report.revision;

import vn.motcua.report.period.PeriodName;

/**
 * Which report: a period's, of one centre. Each has its own revisions 1, 2, ….
 *
 * @param centre the centre's code as jobs/centres.yaml lists it, or {@link #SINGLE} ('') for the one centre
 *               report.yaml describes (the only report there is without centres.yaml)
 */
public record ReportKey(PeriodName period, String centre) {

    /** The centre of report.yaml: the whole data, as a product without centres.yaml reports it. */
    public static final String SINGLE = "";

    public ReportKey {
        if (period == null || centre == null) {
            throw new IllegalArgumentException("a report is a period's and a centre's (" + SINGLE + "for report.yaml's)");
        }
    }

    /** The report of report.yaml's one centre. */
    public static ReportKey of(PeriodName period) {
        return new ReportKey(period, SINGLE);
    }

    /** Whether this is one listed centre's report (not report.yaml's single centre). */
    public boolean ofCentre() {
        return !centre.isEmpty();
    }

    /**
     * As messages name it, and as the command line does ("rerun --period {0}"): "2021-03", or
     * "2021-03 --centre xa-an-phu" for a centre's.
     */
    @Override
    public String toString() {
        return ofCentre() ? period + " --centre " + centre : period.toString();
    }
}

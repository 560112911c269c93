package vn.motcua.report.revision;

import vn.motcua.report.period.Period;

/**
 * One revision of a report, as {@code report_revision} holds it: its period with the cutoff and days it used, and
 * its centre ({@link ReportKey#SINGLE} for report.yaml's one centre).
 */
public record Revision(long id, Period period, int revision, RevisionStatus status, String reason, Long jobExecutionId,
                       String centre) {

    /** A revision of report.yaml's one centre. */
    public Revision(long id, Period period, int revision, RevisionStatus status, String reason, Long jobExecutionId) {
        this(id, period, revision, status, reason, jobExecutionId, ReportKey.SINGLE);
    }

    public boolean completed() {
        return status == RevisionStatus.COMPLETED;
    }

    /** Which report this is a revision of. */
    public ReportKey key() {
        return new ReportKey(period.named(), centre);
    }
}

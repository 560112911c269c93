package vn.motcua.report.revision;

import vn.motcua.report.period.Period;

/** One revision of a period's report, as {@code report_revision} holds it: its period with the cutoff and days it used. */
public record Revision(long id, Period period, int revision, RevisionStatus status, String reason, Long jobExecutionId) {

    public boolean completed() {
        return status == RevisionStatus.COMPLETED;
    }
}

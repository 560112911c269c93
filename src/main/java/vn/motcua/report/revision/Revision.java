package vn.motcua.report.revision;

import java.time.LocalDate;

/** One revision of a period's report, as {@code report_revision} holds it. */
public record Revision(long id, String period, int revision, String cutoff, LocalDate start, LocalDate end,
                       RevisionStatus status, String reason, Long jobExecutionId) {

    public boolean completed() {
        return status == RevisionStatus.COMPLETED;
    }
}

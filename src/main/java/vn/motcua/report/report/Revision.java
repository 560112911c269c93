package vn.motcua.report.report;

import java.time.LocalDate;

/** One revision of a period's report, as {@code report_revision} holds it. */
public record Revision(long id, String period, int revision, String cutoff, LocalDate start, LocalDate end,
                       String status, String reason, Long jobExecutionId) {

    public boolean completed() {
        return "COMPLETED".equals(status);
    }
}

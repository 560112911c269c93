package vn.motcua.report.revision;

/** Where a revision stands, as {@code report_revision.status} holds it. */
public enum RevisionStatus {
    /** Its job execution works on it, or was killed while it did. */
    RUNNING,
    /** Its job execution completed: a finished report. */
    COMPLETED,
    /** Its job execution failed or stopped; a restart resumes it. */
    FAILED
}

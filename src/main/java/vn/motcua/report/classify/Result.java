package vn.motcua.report.classify;

/** Where a dossier in scope stands at the period's end. */
public enum Result {
    /** Resolved before its due date. */
    EARLY(true),
    /** Resolved on its due date, with no due date, or withdrawn / returned. */
    ON_TIME(true),
    /** Resolved after its due date. */
    LATE(true),
    /** Pending at cutoff and not yet due (due on or after E, no due date, or paused at E). */
    NOT_YET_DUE(false),
    /** Pending at cutoff and past its due date. */
    OVERDUE(false);

    private final boolean resolved;

    Result(boolean resolved) {
        this.resolved = resolved;
    }

    public boolean resolved() {
        return resolved;
    }
}

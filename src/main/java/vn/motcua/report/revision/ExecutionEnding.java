package vn.motcua.report.revision;

/**
 * How an execution of the report job ended, as its exit code records it: the job names the failures that are
 * not faults of the program by their own codes ({@link #DATA_CHANGED}, {@link #REFUSED}) when it ends.
 */
public enum ExecutionEnding {

    /** It did not fail (completed, stopped, running), or it was recovered without a failure of its own. */
    NONE,
    /** An import changed the period's dossiers while it ran; the revision is made again with rerun. */
    DATA_CHANGED,
    /** A refusal of its data or configuration stopped it; its sentence was shown as it ran. */
    REFUSED,
    /** Anything else: an internal failure, whose details are in the log. */
    FAILED;

    /** The ending that an execution's recorded exit code and exit message say. */
    static ExecutionEnding of(String exitCode, String exitMessage) {
        if (DATA_CHANGED.name().equals(exitCode)) {
            return DATA_CHANGED;
        }
        if (REFUSED.name().equals(exitCode)) {
            return REFUSED;
        }
        return exitMessage == null || exitMessage.isBlank() ? NONE : FAILED;
    }
}

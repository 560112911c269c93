package vn.motcua.report.importing.store;

/** Where an import stands, as {@code import_batch.status} keeps it. */
public enum ImportStatus {
    /** Being read: nothing of it is stored yet. */
    STARTED,
    /** Its rows are stored (all of them, or with {@code --accept-partial} those that passed). */
    STORED,
    /** Nothing of it is stored: refused rows, a file that cannot be read, or dates whose order cannot be told. */
    REFUSED,
    /**
     * Nothing of it is stored: its process ended first (killed, out of memory, a power cut). Marked so by the next
     * command ({@link ImportRepository#markInterrupted}), or at once by its own when it failed unexpectedly.
     */
    INTERRUPTED
}

package vn.motcua.report.report;

/**
 * The command does not fit the period's state (already completed, nothing to restart, another process
 * is running it, a frozen revision): nothing was run or stored; the message says what to do instead.
 */
public class ReportStateException extends RuntimeException {
    public ReportStateException(String message) {
        super(message);
    }
}

package vn.motcua.report.revision;

import vn.motcua.report.system.Refusal;

/**
 * The command does not fit the period's state (already completed, nothing to restart, another process
 * is running it, a frozen revision): nothing was run or stored; the message (key {@code revision.*} or
 * {@code report.*}) says what to do instead.
 */
public class ReportStateException extends Refusal {
    public ReportStateException(String key, Object... arguments) {
        super(key, arguments);
    }
}

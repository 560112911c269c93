package vn.motcua.report.cli;

/** Exit codes scripts can rely on. */
public final class ExitCode {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** A job ran and failed (or a check failed); the message says which step and why. */
    public static final int FAILED = 1;
    /** Bad usage or bad input: nothing was run or stored; fix the command or the file and try again. */
    public static final int BAD_INPUT = 2;
    /** verify: every signature holds, but this database has no record of the file (a recipient's machine). */
    public static final int NOT_IN_THIS_DATABASE = 3;

    private ExitCode() {
    }
}

package vn.motcua.report.cli;

/** The command line is wrong (unknown command or option, missing value); exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}

package vn.motcua.report.system;

import java.util.Locale;

/**
 * Something outside the program failed under a command that was asked for rightly: the database stopped
 * answering, a disk filled up. Like a {@link Refusal} it carries a message key and its arguments, worded in
 * the user's language (what went wrong, where, and what to do), but the command ends with exit 1, not 2.
 * Library and Java exception texts never go into the arguments, only into the log (as the cause).
 */
public class Fault extends RuntimeException {

    private final String key;
    private final transient Object[] arguments;

    public Fault(Throwable cause, String key, Object... arguments) {
        super(key, cause);
        this.key = key;
        this.arguments = arguments.clone();
    }

    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** The fault behind an exception, if one is in its chain (Spring and Spring Batch wrap it). */
    public static Fault in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Fault f) {
                return f;
            }
        }
        return null;
    }

    /** The English wording, for the log. */
    @Override
    public String getMessage() {
        return Messages.of(Locale.ENGLISH).text(key, arguments);
    }
}

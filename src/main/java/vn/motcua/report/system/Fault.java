package vn.motcua.report.system;

/**
 * Something outside the program failed under a command that was asked for rightly: the database stopped
 * answering, a disk filled up. Worded like a {@link Refusal} (what went wrong, where, and what to do), but
 * the command ends with exit 1, not 2.
 */
public class Fault extends Worded {

    public Fault(Throwable cause, String key, Object... arguments) {
        super(cause, key, arguments);
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
}

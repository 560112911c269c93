package vn.motcua.report.system;

/**
 * Something the user asked for cannot be done as asked: nothing was run or stored, and the user reads
 * why and what to do, in the user's language (exit 2).
 */
public class Refusal extends Worded {

    public Refusal(String key, Object... arguments) {
        super(key, arguments);
    }

    public Refusal(Throwable cause, String key, Object... arguments) {
        super(cause, key, arguments);
    }
}

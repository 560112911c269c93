package vn.motcua.report.system;

import java.util.Locale;

/**
 * Something the user asked for cannot be done as asked: nothing was run or stored, and the user reads
 * why and what to do. It carries a message key of {@code messages.properties} (Vietnamese) /
 * {@code messages_en.properties} (English) and its arguments; the command line words it in the user's
 * language. Library and Java exception texts never go into the arguments, only into the log.
 * {@link #getMessage()} is the English wording, for the log.
 */
public class Refusal extends RuntimeException {

    private final String key;
    private final transient Object[] arguments;

    public Refusal(String key, Object... arguments) {
        super(key);
        this.key = key;
        this.arguments = arguments.clone();
    }

    public Refusal(Throwable cause, String key, Object... arguments) {
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

    @Override
    public String getMessage() {
        return Messages.of(Locale.ENGLISH).text(this);
    }
}

package vn.motcua.report.system;

import java.util.Locale;

/**
 * What went wrong, in the product's own words: a message key of {@code messages.properties} (Vietnamese) /
 * {@code messages_en.properties} (English) and its arguments, worded in the user's language when shown.
 * Library and Java exception texts never go into the arguments, only into the log (as the cause).
 * {@link #getMessage()} is the English wording, for the log.
 */
public abstract class Worded extends RuntimeException {

    private final String key;
    private final transient Object[] arguments;

    protected Worded(String key, Object... arguments) {
        super(key);
        this.key = key;
        this.arguments = arguments.clone();
    }

    protected Worded(Throwable cause, String key, Object... arguments) {
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

package vn.motcua.report.importing.source;

import vn.motcua.report.system.Refusal;

/**
 * A file that cannot be imported at all (missing, not a table, wrong headings); nothing was stored. Its
 * words are the import.* keys of messages.properties.
 */
public class ImportException extends Refusal {
    public ImportException(String key, Object... arguments) {
        super(key, arguments);
    }

    public ImportException(Throwable cause, String key, Object... arguments) {
        super(cause, key, arguments);
    }
}

package vn.motcua.report.dossier;

/** A file that cannot be imported at all (missing, not a table, wrong headings); nothing was stored. */
public class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}

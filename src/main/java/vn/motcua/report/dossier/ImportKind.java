package vn.motcua.report.dossier;

import java.util.List;

/** What differs between importing dossiers and importing transfers; the import job does the rest. */
public interface ImportKind {

    /** The kind named on the command line: "dossiers" (checked against the catalogue's field codes) or "transfers". */
    static ImportKind of(String name, java.util.Set<String> fieldCodes) {
        return switch (name) {
            case "dossiers" -> new DossierImport(fieldCodes);
            case "transfers" -> new TransferImport();
            default -> throw new ImportException("unknown import kind '" + name + "': expected dossiers or transfers");
        };
    }

    /** "dossiers" or "transfers", as on the command line and in {@code import_batch.kind}. */
    String name();

    /** The canonical headings, in the documented order. */
    List<String> columns();

    /** The headings a file must have. */
    List<String> required();

    /** Checks one row; returns its staging values in {@link #stagingColumns()} order, or its rejects. */
    CheckedRow check(CsvRow row);

    /** Staging table and its columns (after import_id and line). */
    String stagingTable();

    List<String> stagingColumns();

    /** Rejects for values that must be unique within a file (null when there is no such rule). */
    String duplicatesSql();

    /** Stores the staged rows of an import; returns {added, changed, unchanged}. */
    int[] store(org.springframework.jdbc.core.JdbcTemplate jdbc, long importId);
}

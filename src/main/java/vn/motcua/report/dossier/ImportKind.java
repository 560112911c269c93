package vn.motcua.report.dossier;

import java.util.List;

/** What differs between importing dossiers and importing transfers; the import job does the rest. */
public interface ImportKind {

    /**
     * The kind named on the command line: "dossiers" (checked against the catalogue: field code → name) or "transfers",
     * understanding the headings and labels of {@code mapping}.
     */
    static ImportKind of(String name, java.util.Map<String, String> fields, java.util.Map<String, String> fieldAliases,
                         java.util.Map<String, String> procedureFields, ImportMapping mapping) {
        return switch (name) {
            case "dossiers" -> new DossierImport(fields, fieldAliases, procedureFields, mapping);
            case "transfers" -> new TransferImport(mapping);
            default -> throw new ImportException("import.unknown-kind", name);
        };
    }

    /** "dossiers" or "transfers", as on the command line and in {@code import_batch.kind}. */
    String name();

    /** The canonical headings, in the documented order. */
    List<String> columns();

    /** The headings a file must have. */
    List<String> required();

    /** The canonical column of each heading a file may use, by {@link Names#key}. */
    java.util.Map<String, String> headings();

    /** The usual Vietnamese heading of a column, for messages; null when there is none. */
    default String vietnameseHeading(String column) {
        return ImportMapping.vietnameseHeading(name(), column);
    }

    /** Checks one row; returns its staging values in {@link #stagingColumns()} order, or its rejects. */
    CheckedRow check(CsvRow row);

    /** Staging table and its columns (after import_id and line). */
    String stagingTable();

    List<String> stagingColumns();

    /**
     * Rejects for values that must be unique within a file (null when there is no such rule); parameters: the
     * column's heading in the file, the import id (twice: staged rows, codes of refused rows).
     */
    String duplicatesSql();

    /** Stores the staged rows of an import; returns {added, changed, unchanged}. */
    int[] store(org.springframework.jdbc.core.JdbcTemplate jdbc, long importId);
}

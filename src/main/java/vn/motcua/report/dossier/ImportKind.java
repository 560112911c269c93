package vn.motcua.report.dossier;

import java.util.List;

/** What differs between importing dossiers and importing transfers; the import job does the rest. */
public interface ImportKind {

    /**
     * The kind named on the command line: "dossiers" (checked against the catalogue: field code → name) or "transfers",
     * understanding the headings and labels of {@code mapping}.
     */
    static ImportKind of(String name, java.util.Map<String, String> fields, ImportMapping mapping) {
        return of(name, fields, java.util.Map.of(), java.util.Map.of(), mapping, new Dates(java.util.Map.of()));
    }

    /**
     * As {@link #of(String, java.util.Map, ImportMapping)}, with the catalogue's other spellings (alias → field code),
     * its procedures (→ field code), and reading dates with {@code dates}.
     */
    static ImportKind of(String name, java.util.Map<String, String> fields, java.util.Map<String, String> fieldAliases,
                         java.util.Map<String, String> procedureFields, ImportMapping mapping, Dates dates) {
        return switch (name) {
            case "dossiers" -> new DossierImport(fields, fieldAliases, procedureFields, mapping, dates);
            case "transfers" -> new TransferImport(mapping, dates);
            default -> throw new ImportException("import.unknown-kind", name);
        };
    }

    /** "dossiers" or "transfers", as on the command line and in {@code import_batch.kind}. */
    String name();

    /** The canonical headings, in the documented order. */
    List<String> columns();

    /** The headings a file must have. */
    List<String> required();

    /** The required columns, or alternatives, that a file's headings lack, described for the message; empty when none. */
    default List<String> missing(java.util.Set<String> found) {
        return required().stream().filter(c -> !found.contains(c)).map(c -> HeadingRow.describe(c, this)).toList();
    }

    /**
     * When a row's only text ("LĨNH VỰC ĐẤT ĐAI (19 hồ sơ)") groups the rows below it, the value it gives them
     * (the field's name); null when it is not such a row.
     */
    default String groupValue(String text) {
        return null;
    }

    /** The column a group row's value goes to, when a row leaves it empty. */
    default String groupColumn() {
        return null;
    }

    /** The date columns: a footer row has no date in them. */
    List<String> dateColumns();

    /** The canonical column of each heading a file may use, by {@link Names#key}. */
    java.util.Map<String, String> headings();

    /** The usual Vietnamese heading of a column, for messages; null when there is none. */
    default String vietnameseHeading(String column) {
        return ImportMapping.vietnameseHeading(name(), column);
    }

    /** Checks one row; returns its staging values in {@link #stagingColumns()} order, or its rejects. */
    CheckedRow check(CsvRow row);

    /**
     * Staging table and its columns (after import_id and line). Each import stages in a temporary table of this name
     * (shaped as the permanent one), in its {@link ImportTransaction}.
     */
    String stagingTable();

    List<String> stagingColumns();

    /**
     * Rejects for values that must be unique within a file (null when there is no such rule); parameters: the
     * column's heading in the file, the import id (twice: staged rows, codes of refused rows).
     */
    String duplicatesSql();

    /** The catalogue's field codes that the rows checked so far name (and that must still exist when they are stored). */
    default java.util.Set<String> fieldsUsed() {
        return java.util.Set.of();
    }

    /** How this import reads dates, and what its date columns showed so far. */
    Dates dates();

    /** Staged rows stored but counted in no report ("CODE (label, line)"), the first {@code limit}. */
    default List<String> notCounted(org.springframework.jdbc.core.JdbcTemplate jdbc, long importId, int limit) {
        return List.of();
    }

    /** Whether {@link #duplicatesSql} can find anything: a quick hash count, so that a clean file skips the sort. */
    default boolean hasDuplicates(org.springframework.jdbc.core.JdbcTemplate jdbc, long importId) {
        return true;
    }

    /** Stores the staged rows of an import; returns {added, changed, unchanged}. */
    int[] store(org.springframework.jdbc.core.JdbcTemplate jdbc, long importId);

    /**
     * When {@link #storesWhileReading}: the statement that stores the staged rows from a line on (its parameter) in
     * their final table while the file is still read. It fails on a unique value stored already, unless
     * {@code lookUp}: then it stores only the rows whose unique value is not stored yet, and fails on one repeated in
     * the file.
     */
    default String storeChunkSql(boolean lookUp) {
        throw new UnsupportedOperationException(name() + " stores only after reading");
    }

    /** Whether {@link #storeChunkSql} stores while reading. */
    default boolean storesWhileReading() {
        return false;
    }

    /**
     * After every chunk was stored by {@link #storeChunkSql} ({@code stored} rows of the {@code staged} ones): stores
     * the rest (values stored before: changed ones updated) and returns {added, changed, unchanged}; or returns null,
     * having stored nothing more, when a unique value repeats among the rest.
     */
    default int[] finishStoring(org.springframework.jdbc.core.JdbcTemplate jdbc, long importId, long staged,
                                long stored) {
        throw new UnsupportedOperationException(name() + " stores only after reading");
    }

    /** Removes what {@link #storeChunkSql} stored of an import (in its transaction, before it commits). */
    default void undoStoring(org.springframework.jdbc.core.JdbcTemplate jdbc, long importId) {
    }
}

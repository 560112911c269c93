package vn.motcua.report.importing.store;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.report.importing.source.ImportException;

/**
 * What storing differs by between the kinds of import: the staging table, the values that must be unique within a
 * file, and the one merge of the staged rows into the final table.
 */
interface Merge {

    static Merge of(String kind) {
        return switch (kind) {
            case "dossiers" -> new DossierMerge();
            case "transfers" -> new TransferMerge();
            default -> throw new ImportException("import.unknown-kind", kind);
        };
    }

    /**
     * The staging table. Each import stages in a temporary table of this name, shaped as the permanent one (which
     * holds no rows), in its own transaction: gone with it whatever happens, seen by no other import.
     */
    String stagingTable();

    /**
     * The final table a file's rows may be copied into straight while it is read, when none of its values is stored
     * yet and none repeats (a first import: the unique key tells otherwise); null when the kind always stages.
     */
    default String directTable() {
        return null;
    }

    /**
     * When every staged row is new: stores them all with one plain INSERT, the cheapest way, and returns
     * {added, changed, unchanged}; or returns null, having stored nothing, when a value stored before or repeated in
     * the file stands in the way (or the kind has no such shortcut).
     */
    default int[] storeAllNew(JdbcTemplate jdbc, long importId) {
        return null;
    }

    /** Whether a value that must be unique within a file repeats (among staged and refused rows): a quick hash count. */
    default boolean hasRepeats(JdbcTemplate jdbc, long importId) {
        return false;
    }

    /**
     * Refuses every line repeating a unique value of a line before it, naming the column as the file heads it.
     * The codes of refused rows count: a code of a refused line repeated later is still a repeat.
     */
    default void refuseRepeats(JdbcTemplate jdbc, long importId, String heading) {
    }

    /** Stores the staged rows (new ones added, changed ones updated, the rest left); returns {added, changed, unchanged}. */
    int[] store(JdbcTemplate jdbc, long importId);

    /** Staged rows stored but counted in no report ("CODE (label, line)"), the first {@code limit}. */
    default List<String> notCounted(JdbcTemplate jdbc, long importId, int limit) {
        return List.of();
    }

    /** How many staged rows are stored but counted in no report. */
    default int notCountedCount(JdbcTemplate jdbc, long importId) {
        return 0;
    }
}

package vn.motcua.report.importing.source;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What reading a table needs to know of the rows it should hold: the columns and the headings that name them,
 * which columns a file must have, which hold dates, and how a group row over some rows names a value of theirs.
 * Each kind of import gives its own; the reader knows nothing else of it.
 */
public interface TableShape {

    /** "dossiers" or "transfers", as on the command line. */
    String name();

    /** The canonical headings, in the documented order. */
    List<String> columns();

    /** The headings a file must have. */
    List<String> required();

    /** The required columns, or alternatives, that a file's headings lack, described for the message; empty when none. */
    default List<String> missing(Set<String> found) {
        return required().stream().filter(c -> !found.contains(c)).map(c -> HeadingRow.describe(c, this)).toList();
    }

    /** The date columns: a footer row has no date in them. */
    List<String> dateColumns();

    /** The canonical column of each heading a file may use, by {@link Names#key}. */
    Map<String, String> headings();

    /** The usual Vietnamese heading of a column, for messages; null when there is none. */
    default String vietnameseHeading(String column) {
        return null;
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
}

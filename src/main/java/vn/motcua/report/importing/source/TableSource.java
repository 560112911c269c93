package vn.motcua.report.importing.source;

/**
 * One table of an import file, read row by row: a CSV file, or one sheet of a workbook. Each format has its
 * own; what rows mean (heading, data, footer) is decided once, by {@link TableReader}.
 */
interface TableSource extends AutoCloseable {

    /** The next row, or null at the end. Cells a merged cell covers hold the merged cell's text. */
    SheetRow next();

    /** Where the rows come from, for messages: the file, and the sheet of a workbook. */
    String where();

    /** How a row is named in messages: "line" for text, "row" for a sheet. */
    default String rowWord() {
        return "row";
    }

    /** The share of the file read, 0..1, or a negative number when unknown. */
    default double fraction() {
        return -1;
    }

    /** Whether rows carry every value the file has (CSV): then each row's count is checked against the heading. */
    default boolean countsValues() {
        return false;
    }

    @Override
    void close();
}

package vn.motcua.report.importing.source;

/**
 * The most an import reads, so that a broken or hostile file (one value of 200 MB, a CSV without line ends, a small
 * .xlsx whose sheet unpacks to gigabytes) is refused in one sentence, with nothing stored, instead of filling the
 * memory. A real export's cells hold a code, a date, a name: far below these. Lengths are checked while reading,
 * before a long value is ever built.
 */
final class ImportLimits {

    /** A value (a CSV value, a workbook's cell), in characters: 1 MB. */
    static final int VALUE_CHARS = 1 << 20;

    /** A row (a CSV record, or a workbook row's cells together), in characters: 4 MB. */
    static final int ROW_CHARS = 4 << 20;

    /** Values in a CSV record: Excel's widest row (a CSV saved from a sheet whose used range reaches its last column). */
    static final int ROW_VALUES = 16_384;

    /** A workbook's sheet XML unpacked (.xlsx sheet, .ods content.xml), in bytes: 4 GB, over a million rows. */
    static final long SHEET_BYTES = 4L << 30;

    /** Any other part of a workbook unpacked (its shared strings, held in memory while reading, styles, ...). */
    static final long PART_BYTES = 64L << 20;

    /** How many times its packed size a part may unpack to (as Apache POI's ZipSecureFile: 1 to 100)... */
    static final int RATIO = 100;

    /** ...once it unpacked more than this: small parts of repeated text pack well and mean no harm. */
    static final long RATIO_GRACE = 16L << 20;

    private ImportLimits() {
    }

    /** A size in whole MB, for messages. */
    static long mb(long bytes) {
        return bytes >> 20;
    }

    /**
     * A value, row or line over its limit, met while reading a table: the reader that knows the headings words the
     * refusal ({@link TableReader}).
     */
    static final class Exceeded extends RuntimeException {

        enum What { VALUE, LINE, VALUES, ROW }

        private final What what;
        private final long line;
        private final int column;

        /** @param column the value's position in its row (from 0), or -1 */
        Exceeded(What what, long line, int column) {
            super(what + " over its limit at line " + line + (column < 0 ? "" : ", value " + (column + 1)), null, false,
                    false);
            this.what = what;
            this.line = line;
            this.column = column;
        }

        What what() {
            return what;
        }

        long line() {
            return line;
        }

        int column() {
            return column;
        }
    }
}

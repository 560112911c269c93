package vn.motcua.report.importing.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLStreamException;

/**
 * The XML parts of a zipped workbook (.xlsx, .ods), checked against {@link ImportLimits} before any XML reader parses
 * them: each part is unpacked and read byte by byte, without parsing, so nothing long is ever built. A sheet's part
 * may unpack to {@link ImportLimits#SHEET_BYTES}, any other (shared strings, styles) to
 * {@link ImportLimits#PART_BYTES}, and none to more than {@link ImportLimits#RATIO} times its packed size (a zip bomb
 * packs far more). No cell's text (inline, or its shared string) may be longer than {@link ImportLimits#VALUE_CHARS},
 * nor a row's than {@link ImportLimits#ROW_CHARS} (fastexcel builds a cell's text whole), nor a tag than a value (the
 * XML readers build an attribute whole). A cell is named by its sheet and reference ("B3").
 */
final class WorkbookParts {

    /** Bytes read from a part at a time. */
    private static final int CHUNK = 1 << 16;

    private WorkbookParts() {
    }

    /**
     * The parts fastexcel and {@link XlsxSource} read, found as they find them, each checked before it is parsed:
     * {@code [Content_Types].xml} (which names the workbook, its shared strings and styles), the workbook and its
     * relationships (which name the sheets), the shared strings, the styles, the sheets. Other parts are never
     * unpacked. A zip with two entries of one name (whatever the case) is refused: the readers might take either.
     *
     * @param unreadable the refusal when the file is not a zip that can be read
     * @throws ImportException naming the cell, row or part and the limit, when a part goes over one
     */
    static void checkXlsx(Path file, ImportException unreadable) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (ZipEntry entry : entries(zip)) {
                if (!names.add(entry.getName().toLowerCase(java.util.Locale.ROOT))) {
                    throw unreadable;
                }
            }
            Totals totals = new Totals(file);
            scan(zip, file, XlsxSource.CONTENT_TYPES, Kind.OTHER, totals);
            XlsxSource.Parts parts;
            Map<String, String> sheetOfPart = new HashMap<>();
            try {
                parts = XlsxSource.parts(zip);
                scan(zip, file, parts.workbook(), Kind.OTHER, totals);
                scan(zip, file, parts.relationships(), Kind.OTHER, totals);
                XlsxSource.sheetParts(zip, parts).forEach((name, part) -> sheetOfPart.putIfAbsent(part, name));
            } catch (XMLStreamException e) {
                throw unreadable;
            }
            Scan strings = scan(zip, file, parts.sharedStrings(), Kind.SHARED_STRINGS, totals);
            int longString = strings == null ? -1 : strings.longString;
            scan(zip, file, parts.styles(), Kind.OTHER, totals);
            for (Map.Entry<String, String> sheet : sheetOfPart.entrySet()) {
                ZipEntry entry = sheet.getKey() == null ? null : XlsxSource.entry(zip, sheet.getKey());
                if (entry != null) {
                    Scan scan = new Scan(file, entry.getName(), Kind.SHEET, totals);
                    scan.sheet = sheet.getValue();
                    scan.longString = longString;
                    scan.read(zip, entry);
                }
            }
            if (longString >= 0) {
                // No cell uses it, yet the reader would read it (shared strings are read up to the last one used).
                throw new ImportException("import.limit.shared-string", file.toString(), longString + 1L,
                        parts.sharedStrings(), ImportLimits.mb(ImportLimits.VALUE_CHARS));
            }
        } catch (ImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A damaged zip or XML: the reader's own refusal, the details in the log.
            throw new ImportException(e, unreadable.key(), unreadable.arguments());
        }
    }

    /** Checks a part when the zip has it; the scan, or null. */
    private static Scan scan(ZipFile zip, Path file, String part, Kind kind, Totals totals) throws IOException {
        ZipEntry entry = part == null ? null : XlsxSource.entry(zip, part);
        if (entry == null) {
            return null;
        }
        Scan scan = new Scan(file, entry.getName(), kind, totals);
        scan.read(zip, entry);
        return scan;
    }

    /**
     * Its {@code content.xml}, all that {@link OdsSource} reads of it.
     *
     * @param unreadable the refusal when the file is not a zip that can be read
     * @throws ImportException naming the cell, row or part and the limit, when it goes over one
     */
    static void checkOds(Path file, ImportException unreadable) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry content = zip.getEntry("content.xml");
            if (content != null) {
                new Scan(file, content.getName(), Kind.CONTENT, new Totals(file)).read(zip, content);
            }
        } catch (ImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A damaged zip or XML: the reader's own refusal, the details in the log.
            throw new ImportException(e, unreadable.key(), unreadable.arguments());
        }
    }

    private static List<ZipEntry> entries(ZipFile zip) {
        List<ZipEntry> all = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (!entry.isDirectory()) {
                all.add(entry);
            }
        }
        return all;
    }

    /** What a part is, for its size limit and what is measured in it. */
    private enum Kind {
        /** An .xlsx sheet: its cells and rows measured, its cells' shared strings looked up. */
        SHEET,
        /** An .xlsx's shared strings: each measured, the first too long remembered. */
        SHARED_STRINGS,
        /** An .ods's content.xml: every sheet, its cells and rows measured. */
        CONTENT,
        OTHER
    }

    /** What all the parts of one file unpacked to together, against the file's size. */
    private static final class Totals {
        private final long packed;
        private long unpacked;

        Totals(Path file) throws IOException {
            packed = Math.max(1, Files.size(file));
        }
    }

    /** Stops reading a part: what was looked for in it is found. */
    private static final class Found extends RuntimeException {
        Found() {
            super(null, null, false, false);
        }
    }

    /** One part read byte by byte: markup told from text, and lengths counted. */
    private static final class Scan {

        private enum State { TEXT, TAG, QUOTED, COMMENT, CDATA }

        private static final byte[] R = bytes("r");
        private static final byte[] T = bytes("t");
        private static final byte[] NAME = bytes("name");
        private static final byte[] SI = bytes("si");
        private static final byte[] ROW = bytes("row");
        private static final byte[] C = bytes("c");
        private static final byte[] V = bytes("v");
        private static final byte[] TABLE = bytes("table");
        private static final byte[] TABLE_ROW = bytes("table-row");
        private static final byte[] TABLE_CELL = bytes("table-cell");
        private static final byte[] COVERED_TABLE_CELL = bytes("covered-table-cell");
        private static final byte[] ROWS_REPEATED = bytes("number-rows-repeated");
        private static final byte[] COLUMNS_REPEATED = bytes("number-columns-repeated");

        private final Path file;
        private final String part;
        private final Kind kind;
        private final Totals totals;
        private final long limit;
        /** The sheet's name (an .xlsx sheet part; in an .ods, the table being read). */
        String sheet;
        /** The shared string too long to read, or -1: found in the shared strings, looked for in the sheets. */
        int longString = -1;

        private State state = State.TEXT;
        private byte quote;
        private final byte[] tag = new byte[512];
        private int tagKept;
        private long tagLength;
        private int valueStart;
        private int valueEnd;
        private int nameStart;
        private int nameEnd;
        /** The last two bytes of a comment or CDATA section, to see its end. */
        private int last;
        private int beforeLast;

        private long unpacked;
        private long packed;

        /** The cell being read: its row and column from 1, and the next ones (.ods repeats rows and cells). */
        private long row;
        private long column;
        private long nextRow = 1;
        private long nextColumn = 1;
        private boolean inCell;
        private boolean sharedCell;
        private boolean inValue;
        private long valueIndex;
        private long cellChars;
        private long rowChars;
        private int stringIndex = -1;

        Scan(Path file, String part, Kind kind, Totals totals) {
            this.file = file;
            this.part = part;
            this.kind = kind;
            this.totals = totals;
            this.limit = kind == Kind.SHEET || kind == Kind.CONTENT ? ImportLimits.SHEET_BYTES : ImportLimits.PART_BYTES;
        }

        private static byte[] bytes(String s) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }

        void read(ZipFile zip, ZipEntry entry) throws IOException {
            packed = Math.max(1, entry.getCompressedSize());
            byte[] buffer = new byte[CHUNK];
            try (InputStream in = zip.getInputStream(entry)) {
                int n = in.readNBytes(buffer, 0, 8);
                // Only XML is parsed by the readers: any other part (a picture) is left packed.
                if (kind == Kind.OTHER && !looksLikeXml(buffer, n)) {
                    return;
                }
                bytes(buffer, n);
                while ((n = in.read(buffer)) > 0) {
                    bytes(buffer, n);
                }
            } catch (Found found) {
                // the rest of the part is not needed
            }
        }

        /** Starts as XML does (a byte order mark included): the readers would parse it if it were named as such. */
        private static boolean looksLikeXml(byte[] head, int n) {
            String start = new String(head, 0, n, StandardCharsets.ISO_8859_1).replace("\u00EF\u00BB\u00BF", "").strip();
            return start.isEmpty() || start.startsWith("<") || start.startsWith("\u00FF\u00FE")
                    || start.startsWith("\u00FE\u00FF");
        }

        private void bytes(byte[] b, int n) {
            unpacked += n;
            totals.unpacked += n;
            if (unpacked > limit) {
                throw new ImportException("import.limit.part", file.toString(), part, ImportLimits.mb(limit));
            }
            if (totals.unpacked > ImportLimits.SHEET_BYTES) {
                throw new ImportException("import.limit.unpacked", file.toString(), ImportLimits.mb(ImportLimits.SHEET_BYTES));
            }
            if (unpacked > ImportLimits.RATIO_GRACE && unpacked / packed > ImportLimits.RATIO
                    || totals.unpacked > ImportLimits.RATIO_GRACE && totals.unpacked / totals.packed > ImportLimits.RATIO) {
                throw new ImportException("import.limit.ratio", file.toString(), part, ImportLimits.RATIO);
            }
            int i = 0;
            while (i < n) {
                if (state == State.TEXT) {
                    // Text runs up to the next tag, counted at once: most of a sheet's bytes.
                    int start = i;
                    while (i < n && b[i] != '<') {
                        i++;
                    }
                    text(b, start, i);
                    if (i < n) {
                        state = State.TAG;
                        tagKept = 0;
                        tagLength = 0;
                        i++;
                    }
                } else {
                    next(b[i++]);
                }
            }
        }

        private void next(byte b) {
            switch (state) {
                case TEXT -> throw new IllegalStateException("text is read by runs");
                case TAG, QUOTED -> tagByte(b);
                case COMMENT -> {
                    markup();
                    if (b == '>' && last == '-' && beforeLast == '-') {
                        state = State.TEXT;
                    }
                    shift(b);
                }
                case CDATA -> {
                    markup();
                    if (b == '>' && last == ']' && beforeLast == ']') {
                        state = State.TEXT;
                    } else {
                        text(new byte[] {b}, 0, 1);
                    }
                    shift(b);
                }
            }
        }

        private void shift(byte b) {
            beforeLast = last;
            last = b;
        }

        private void markup() {
            if (++tagLength > ImportLimits.VALUE_CHARS) {
                throw new ImportException("import.limit.tag", file.toString(), part, ImportLimits.mb(ImportLimits.VALUE_CHARS));
            }
        }

        private void tagByte(byte b) {
            markup();
            if (tagKept < tag.length) {
                tag[tagKept++] = b;
            }
            if (state == State.QUOTED) {
                if (b == quote) {
                    state = State.TAG;
                }
                return;
            }
            if (tagLength == 3 && startsWith("!--")) {
                state = State.COMMENT;
                last = 0;
                beforeLast = 0;
            } else if (tagLength == 8 && startsWith("![CDATA[")) {
                state = State.CDATA;
                last = 0;
                beforeLast = 0;
            } else if (b == '"' || b == '\'') {
                state = State.QUOTED;
                quote = b;
            } else if (b == '>') {
                state = State.TEXT;
                element();
            }
        }

        private boolean startsWith(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (i >= tagKept || tag[i] != s.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Text: characters of the cell, shared string or row it is in (UTF-8: lead bytes only). */
        private void text(byte[] b, int from, int to) {
            if (kind == Kind.OTHER || from == to) {
                return;
            }
            int chars = 0;
            for (int i = from; i < to; i++) {
                if ((b[i] & 0xC0) != 0x80) {
                    chars++;
                }
            }
            if (kind == Kind.SHARED_STRINGS) {
                cellChars += chars;
                if (cellChars > ImportLimits.VALUE_CHARS) {
                    longString = stringIndex;
                    throw new Found();
                }
                return;
            }
            if (inCell) {
                cellChars += chars;
                if (cellChars > ImportLimits.VALUE_CHARS) {
                    throw new ImportException("import.limit.cell", file.toString(), sheet, reference(),
                            ImportLimits.mb(ImportLimits.VALUE_CHARS));
                }
            }
            rowChars += chars;
            if (rowChars > ImportLimits.ROW_CHARS) {
                throw new ImportException("import.limit.sheet-row", file.toString(), sheet, row,
                        ImportLimits.mb(ImportLimits.ROW_CHARS));
            }
            for (int i = from; inValue && i < to; i++) {
                if (b[i] >= '0' && b[i] <= '9' && valueIndex <= Integer.MAX_VALUE) {
                    valueIndex = valueIndex * 10 + (b[i] - '0');
                }
            }
        }

        /** An element's tag ended: what it starts or ends, for the counts. */
        private void element() {
            if (kind == Kind.OTHER || tagKept == 0) {
                return;
            }
            boolean end = tag[0] == '/';
            boolean empty = tagKept >= 2 && tag[tagKept - 2] == '/';
            localName(end ? 1 : 0);
            switch (kind) {
                case SHARED_STRINGS -> {
                    if (!end && named(SI)) {
                        stringIndex++;
                        cellChars = 0;
                    }
                }
                case SHEET -> xlsxElement(end, empty);
                case CONTENT -> odsElement(end, empty);
                default -> { }
            }
        }

        private void xlsxElement(boolean end, boolean empty) {
            if (named(ROW)) {
                if (!end) {
                    long r = attribute(R) ? digits(valueStart, valueEnd) : -1;
                    row = r > 0 ? r : row + 1;
                    column = 0;
                    rowChars = 0;
                }
            } else if (named(C)) {
                if (!end) {
                    cellAt();
                    cellChars = 0;
                    sharedCell = attribute(T) && valueEnd - valueStart == 1 && tag[valueStart] == 's';
                }
                inCell = !end && !empty;
                inValue = false;
            } else if (named(V)) {
                if (!end && !empty && inCell && sharedCell && longString >= 0) {
                    inValue = true;
                    valueIndex = 0;
                } else if (end && inValue) {
                    inValue = false;
                    if (valueIndex == longString) {
                        throw new ImportException("import.limit.cell", file.toString(), sheet, reference(),
                                ImportLimits.mb(ImportLimits.VALUE_CHARS));
                    }
                }
            }
        }

        /** An .ods table, row or cell: their positions counted, repeated ones included, as {@link OdsSource} does. */
        private void odsElement(boolean end, boolean empty) {
            if (named(TABLE)) {
                if (!end) {
                    sheet = attribute(NAME) ? new String(tag, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8) : "";
                    nextRow = 1;
                }
            } else if (named(TABLE_ROW)) {
                if (!end) {
                    row = nextRow;
                    nextRow = row + repeated(ROWS_REPEATED);
                    nextColumn = 1;
                    rowChars = 0;
                }
            } else if (named(TABLE_CELL) || named(COVERED_TABLE_CELL)) {
                if (!end) {
                    column = nextColumn;
                    nextColumn = column + repeated(COLUMNS_REPEATED);
                    cellChars = 0;
                }
                inCell = !end && !empty;
            }
        }

        private long repeated(byte[] attribute) {
            long n = attribute(attribute) ? digits(valueStart, valueEnd) : 1;
            return Math.max(1, n);
        }

        /** The cell's position from its reference ("B3"), or the one after the last when it has none. */
        private void cellAt() {
            if (!attribute(R)) {
                column++;
                return;
            }
            int i = valueStart;
            long letters = 0;
            while (i < valueEnd && tag[i] >= 'A' && tag[i] <= 'Z' && letters < 1 << 20) {
                letters = letters * 26 + (tag[i++] - 'A' + 1);
            }
            long r = digits(i, valueEnd);
            column = letters > 0 ? letters : column + 1;
            if (r > 0) {
                row = r;
            }
        }

        /** A whole number written in the tag's bytes, or -1 when there is none (or it is absurdly large). */
        private long digits(int from, int to) {
            long n = 0;
            for (int i = from; i < to; i++) {
                if (tag[i] < '0' || tag[i] > '9' || n > Integer.MAX_VALUE) {
                    return -1;
                }
                n = n * 10 + (tag[i] - '0');
            }
            return to > from ? n : -1;
        }

        /** "B3": the cell being read. */
        private String reference() {
            StringBuilder letters = new StringBuilder();
            for (long n = column; n > 0; n = (n - 1) / 26) {
                letters.insert(0, (char) ('A' + (n - 1) % 26));
            }
            return letters.toString() + row;
        }

        private static boolean space(byte b) {
            return b == ' ' || b == '\t' || b == '\n' || b == '\r';
        }

        /**
         * Finds an attribute, whatever its prefix, in the tag's first bytes: true, with its value between
         * {@link #valueStart} and {@link #valueEnd}, when it is there.
         */
        private boolean attribute(byte[] name) {
            for (int i = 1; i + name.length < tagKept; i++) {
                boolean at = space(tag[i - 1]) || tag[i - 1] == ':';
                for (int k = 0; at && k < name.length; k++) {
                    at = tag[i + k] == name[k];
                }
                if (!at) {
                    continue;
                }
                int j = i + name.length;
                while (j < tagKept && space(tag[j])) {
                    j++;
                }
                if (j >= tagKept || tag[j] != '=') {
                    continue;
                }
                j++;
                while (j < tagKept && space(tag[j])) {
                    j++;
                }
                if (j >= tagKept || (tag[j] != '"' && tag[j] != '\'')) {
                    continue;
                }
                int end = j + 1;
                while (end < tagKept && tag[end] != tag[j]) {
                    end++;
                }
                valueStart = j + 1;
                valueEnd = end;
                return true;
            }
            return false;
        }

        /** Finds the element's name without its prefix, between {@link #nameStart} and {@link #nameEnd}. */
        private void localName(int from) {
            int end = from;
            while (end < tagKept && !space(tag[end]) && tag[end] != '/' && tag[end] != '>') {
                end++;
            }
            nameStart = from;
            for (int i = from; i < end; i++) {
                if (tag[i] == ':') {
                    nameStart = i + 1;
                }
            }
            nameEnd = end;
        }

        private boolean named(byte[] name) {
            if (nameEnd - nameStart != name.length) {
                return false;
            }
            for (int i = 0; i < name.length; i++) {
                if (tag[nameStart + i] != name[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}

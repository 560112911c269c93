package vn.motcua.report.importing.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One sheet of an OpenDocument spreadsheet (.ods, LibreOffice's own format), streamed: the sheet's XML
 * ({@code content.xml}) is read element by element with the JDK's StAX parser, never loaded whole. The Java
 * libraries for .ods (ODF Toolkit, SODS, jOpenDocument) build the whole document in memory, so this small reader
 * is the one that keeps a large sheet within bounded memory. Dates come as ISO dates, numbers as plain digits;
 * merged cells (spans) fill every cell they cover; runs of repeated blank rows are read as one.
 */
final class OdsSource implements TableSource {

    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    private final Path file;
    private final String sheetName;
    private final ZipFile zip;
    private final InputStream in;
    private final XMLStreamReader x;
    private final MergedCells merged = new MergedCells(List.of());
    /** Rows read so far (from 0), repeated ones counted. */
    private int row;
    /** A non-blank row repeated: given again this many more times. */
    private int repeat;
    private List<String> repeated;
    private boolean ended;

    private OdsSource(Path file, String sheetName) throws IOException, XMLStreamException {
        this.file = file;
        this.sheetName = sheetName;
        this.zip = new ZipFile(file.toFile());
        ZipEntry content = zip.getEntry("content.xml");
        if (content == null) {
            zip.close();
            throw new IOException("no content.xml");
        }
        this.in = zip.getInputStream(content);
        this.x = factory().createXMLStreamReader(in);
        while (x.hasNext()) {
            if (x.next() == XMLStreamConstants.START_ELEMENT && isTable(x)
                    && sheetName.equals(x.getAttributeValue(TABLE, "name"))) {
                return;
            }
        }
        ended = true;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    private static boolean isTable(XMLStreamReader x) {
        return x.getLocalName().equals("table") && TABLE.equals(x.getNamespaceURI());
    }

    /** The spreadsheet's sheet names, in order (one pass over its XML, checked first: {@link WorkbookParts}). */
    static List<String> sheets(Path file) {
        WorkbookParts.checkOds(file, unreadable(file, null));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry content = zip.getEntry("content.xml");
            if (content == null) {
                throw unreadable(file, null);
            }
            List<String> names = new ArrayList<>();
            try (InputStream in = zip.getInputStream(content)) {
                XMLStreamReader x = factory().createXMLStreamReader(in);
                while (x.hasNext()) {
                    if (x.next() == XMLStreamConstants.START_ELEMENT && isTable(x)) {
                        names.add(x.getAttributeValue(TABLE, "name"));
                    }
                }
            }
            return names;
        } catch (IOException | XMLStreamException e) {
            throw unreadable(file, e);
        }
    }

    static OdsSource open(Path file, String sheetName) {
        try {
            return new OdsSource(file, sheetName);
        } catch (IOException | XMLStreamException e) {
            throw unreadable(file, e);
        }
    }

    private static ImportException unreadable(Path file, Exception e) {
        return new ImportException(e, "import.not-ods", file.toString());
    }

    @Override
    public SheetRow next() {
        if (repeat > 0) {
            repeat--;
            row++;
            List<String> cells = new ArrayList<>(repeated);
            merged.fill(row - 1, cells);
            return new SheetRow(row, cells);
        }
        try {
            while (!ended && x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.END_ELEMENT && isTable(x)) {
                    ended = true;
                } else if (event == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("table-row")
                        && TABLE.equals(x.getNamespaceURI())) {
                    int times = number(x.getAttributeValue(TABLE, "number-rows-repeated"));
                    List<String> cells = readRow();
                    row++;
                    SheetRow result = new SheetRow(row, cells);
                    boolean blank = result.blank();
                    if (times > 1 && !blank) {
                        repeat = Math.min(times, 100_000) - 1;
                        repeated = new ArrayList<>(cells);
                    } else if (times > 1) {
                        row += times - 1;   // a run of blank rows (often to the sheet's last row) is read as one
                    }
                    merged.fill(row - 1 - (blank ? times - 1 : 0), cells);
                    return result;
                }
            }
            return null;
        } catch (ImportLimits.Exceeded e) {
            throw e;
        } catch (XMLStreamException | RuntimeException e) {
            throw new ImportException(e, "import.ods-unreadable-after", file.toString(), row);
        }
    }

    /** The cells of the row whose start the reader is on; leaves it on the row's end. */
    private List<String> readRow() throws XMLStreamException {
        List<String> cells = new ArrayList<>();
        int blanks = 0;   // blank cells not added yet: only added when a value follows them
        long length = 0;  // the row's text, repeated cells counted each time
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("table-row")) {
                return cells;
            }
            if (event != XMLStreamConstants.START_ELEMENT || !TABLE.equals(x.getNamespaceURI())) {
                continue;
            }
            boolean covered = x.getLocalName().equals("covered-table-cell");
            if (!covered && !x.getLocalName().equals("table-cell")) {
                continue;
            }
            int times = number(x.getAttributeValue(TABLE, "number-columns-repeated"));
            int columns = number(x.getAttributeValue(TABLE, "number-columns-spanned"));
            int rows = number(x.getAttributeValue(TABLE, "number-rows-spanned"));
            String value = covered ? "" : value(cells.size() + blanks);
            if (value.isEmpty()) {
                blanks += times;
                continue;
            }
            for (; blanks > 0 && cells.size() < TableReader.MAX_COLUMNS; blanks--) {
                cells.add("");
            }
            blanks = 0;
            length += (long) value.length() * Math.min(times, TableReader.MAX_COLUMNS);
            if (length > ImportLimits.ROW_CHARS) {
                throw new ImportLimits.Exceeded(ImportLimits.Exceeded.What.ROW, row + 1L, -1);
            }
            for (int i = 0; i < Math.min(times, TableReader.MAX_COLUMNS); i++) {
                if (columns > 1 || rows > 1) {
                    int c = cells.size();
                    merged.start(new MergedCells.Range(row, row + rows - 1, c,
                            c + Math.min(columns, TableReader.MAX_COLUMNS) - 1), value);
                }
                cells.add(value);
            }
        }
        return cells;
    }

    /**
     * The value of the cell whose start the reader is on, as text; leaves it on the cell's end. Its length is checked
     * as it grows (the XML reader gives long text in pieces): a cell over {@link ImportLimits#VALUE_CHARS} is refused.
     *
     * @param column the cell's column, from 0, for the refusal
     */
    private String value(int column) throws XMLStreamException {
        String type = x.getAttributeValue(OFFICE, "value-type");
        String typed = switch (type == null ? "" : type) {
            case "float", "percentage", "currency" -> plain(x.getAttributeValue(OFFICE, "value"));
            case "date" -> x.getAttributeValue(OFFICE, "date-value");
            case "boolean" -> x.getAttributeValue(OFFICE, "boolean-value");
            default -> null;
        };
        StringBuilder text = new StringBuilder();
        int depth = 1;
        int paragraphs = 0;
        while (depth > 0 && x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (TEXT.equals(x.getNamespaceURI())) {
                    switch (x.getLocalName()) {
                        case "p" -> {
                            if (paragraphs++ > 0) {
                                text.append('\n');
                            }
                        }
                        case "s" -> text.append(" ".repeat(Math.min(number(x.getAttributeValue(TEXT, "c")), 1000)));
                        case "tab" -> text.append('\t');
                        case "line-break" -> text.append('\n');
                        default -> { }
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
            }
            if (text.length() > ImportLimits.VALUE_CHARS) {
                throw new ImportLimits.Exceeded(ImportLimits.Exceeded.What.VALUE, row + 1L, column);
            }
        }
        return typed != null ? typed : text.toString();
    }

    private static String plain(String number) {
        if (number == null) {
            return null;
        }
        try {
            return new java.math.BigDecimal(number).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return number;
        }
    }

    private static int number(String attribute) {
        if (attribute == null) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(attribute));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public String where() {
        return file + " sheet \"" + sheetName + "\"";
    }

    @Override
    public void close() {
        try {
            x.close();
            in.close();
            zip.close();
        } catch (IOException | XMLStreamException e) {
            // nothing to keep: the file was only read
        }
    }
}

package vn.motcua.report.importing.source;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * One sheet of an Excel .xlsx workbook, streamed (fastexcel reads the sheet's XML as it goes). Cells that are real
 * dates (a number with a date format) become ISO dates, other numbers plain digits ("12345", not "12345.0"), so
 * the same checks apply as for CSV. The sheet's merged cells are listed after its rows in the file, so they are
 * read first by a quick pass over the sheet's XML that keeps only them.
 */
final class XlsxSource implements TableSource {

    private final Path file;
    private final ReadableWorkbook workbook;
    private final String sheetName;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final MergedCells merged;
    private long lastRow;

    private XlsxSource(Path file, ReadableWorkbook workbook, Sheet sheet, List<MergedCells.Range> ranges) throws IOException {
        this.file = file;
        this.workbook = workbook;
        this.sheetName = sheet.getName();
        this.merged = new MergedCells(ranges);
        this.stream = sheet.openStream();
        this.rows = stream.iterator();
    }

    /** The workbook's sheet names, in order; its parts checked first ({@link WorkbookParts}). */
    static List<String> sheets(Path file) {
        WorkbookParts.checkXlsx(file, unreadable(file, null));
        try (ReadableWorkbook workbook = open(file)) {
            return workbook.getSheets().map(Sheet::getName).toList();
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    static XlsxSource open(Path file, String sheetName) {
        ReadableWorkbook workbook = null;
        try {
            workbook = open(file);
            Sheet sheet = workbook.findSheet(sheetName).orElseThrow();
            return new XlsxSource(file, workbook, sheet, mergedCells(file, sheet.getName()));
        } catch (IOException | RuntimeException e) {
            closeQuietly(workbook);
            throw unreadable(file, e);
        }
    }

    private static ReadableWorkbook open(Path file) throws IOException {
        try {
            return new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        } catch (RuntimeException e) {
            throw new IOException(e);
        }
    }

    private static ImportException unreadable(Path file, Exception e) {
        return new ImportException(e, "import.not-xlsx", file.toString());
    }

    @Override
    public SheetRow next() {
        Row row;
        try {
            if (!rows.hasNext()) {
                return null;
            }
            row = rows.next();
        } catch (RuntimeException e) {
            throw new ImportException(e, "import.xlsx-unreadable-after", file.toString(), lastRow);
        }
        lastRow = row.getRowNum();
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int c = 0; c < row.getCellCount(); c++) {
            cells.add(text(row.getCell(c)));
        }
        merged.fill(row.getRowNum() - 1, cells);
        return new SheetRow(row.getRowNum(), cells);
    }

    @Override
    public String where() {
        return file + " sheet \"" + sheetName + "\"";
    }

    /** A cell's value as text, as the checks expect it. */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> number(cell, cell.asNumber());
            case STRING -> cell.asString();
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case FORMULA -> {
                String raw = cell.getRawValue();
                try {
                    yield raw == null ? "" : number(cell, new BigDecimal(raw));
                } catch (NumberFormatException e) {
                    yield raw;
                }
            }
            case ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue();
            case EMPTY -> "";
        };
    }

    private static String number(Cell cell, BigDecimal n) {
        if (n == null) {
            return "";
        }
        if (isDate(cell)) {
            String date = ExcelDates.text(n);
            if (date != null) {
                return date;
            }
        }
        return n.stripTrailingZeros().toPlainString();
    }

    /** Excel has no date type: a date is a number (days since 1899-12-30) shown with a date format. */
    static boolean isDate(Cell cell) {
        Integer id = cell.getDataFormatId();
        return id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) || isDateFormat(cell.getDataFormatString());
    }

    static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        String f = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").replaceAll("\\\\.", "")
                .toLowerCase(Locale.ROOT);
        return f.contains("y") || f.contains("d");
    }

    /** The merged ranges of a sheet: its part found through the workbook's relationships, then its mergeCell elements. */
    private static List<MergedCells.Range> mergedCells(Path file, String sheetName) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String part = sheetParts(zip, parts(zip)).get(sheetName);
            if (part == null) {
                return List.of();
            }
            List<MergedCells.Range> ranges = new ArrayList<>();
            each(zip, part, "mergeCell", x -> {
                MergedCells.Range r = range(x.getAttributeValue(null, "ref"));
                if (r != null) {
                    ranges.add(r);
                }
            });
            return ranges;
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    static final String CONTENT_TYPES = "[Content_Types].xml";

    /**
     * The parts of an .xlsx that are read, named as fastexcel finds them: its workbook, shared strings and styles as
     * {@code [Content_Types].xml} names them (the workbook {@code xl/workbook.xml} when it does not), the workbook's
     * relationships beside it. Names without a leading slash; null when absent.
     */
    record Parts(String workbook, String sharedStrings, String styles) {

        /** "xl/_rels/workbook.xml.rels" for "xl/workbook.xml". */
        String relationships() {
            int slash = workbook.lastIndexOf('/');
            return workbook.substring(0, slash + 1) + "_rels/" + workbook.substring(slash + 1) + ".rels";
        }

        /** A relationship's target of the workbook as a name in the zip. */
        String target(String target) {
            return target.startsWith("/") ? target.substring(1) : workbook.substring(0, workbook.lastIndexOf('/') + 1) + target;
        }
    }

    static Parts parts(ZipFile zip) throws IOException, XMLStreamException {
        String[] named = new String[3];
        each(zip, CONTENT_TYPES, "Override", x -> {
            String type = x.getAttributeValue(null, "ContentType");
            String name = x.getAttributeValue(null, "PartName");
            if (type == null || name == null) {
                return;
            }
            String part = name.startsWith("/") ? name.substring(1) : name;
            switch (type) {
                case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                     "application/vnd.ms-excel.sheet.macroEnabled.main+xml" -> named[0] = part;
                case "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml" -> named[1] = part;
                case "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml" -> named[2] = part;
                default -> { }
            }
        });
        return new Parts(named[0] != null ? named[0] : "xl/workbook.xml", named[1], named[2]);
    }

    /** Each sheet's part in the zip, by the sheet's name, in the workbook's order (its workbook part and relationships). */
    static Map<String, String> sheetParts(ZipFile zip, Parts parts) throws IOException, XMLStreamException {
        Map<String, String> idByName = new java.util.LinkedHashMap<>();
        each(zip, parts.workbook(), "sheet", x -> idByName.put(x.getAttributeValue(null, "name"), attribute(x, "id")));
        Map<String, String> targetById = new HashMap<>();
        each(zip, parts.relationships(), "Relationship",
                x -> targetById.put(x.getAttributeValue(null, "Id"), x.getAttributeValue(null, "Target")));
        Map<String, String> sheets = new java.util.LinkedHashMap<>();
        idByName.forEach((name, id) -> {
            String target = targetById.get(id);
            if (target != null) {
                sheets.put(name, parts.target(target));
            }
        });
        return sheets;
    }

    /** A part by its name whatever the case of its letters, as fastexcel finds it; null when there is none. */
    static ZipEntry entry(ZipFile zip, String part) {
        ZipEntry entry = zip.getEntry(part);
        if (entry != null) {
            return entry;
        }
        for (java.util.Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry candidate = e.nextElement();
            if (candidate.getName().equalsIgnoreCase(part)) {
                return candidate;
            }
        }
        return null;
    }

    /** An attribute by its local name, whatever its namespace prefix (r:id). */
    private static String attribute(XMLStreamReader x, String localName) {
        for (int i = 0; i < x.getAttributeCount(); i++) {
            if (x.getAttributeLocalName(i).equals(localName)) {
                return x.getAttributeValue(i);
            }
        }
        return null;
    }

    private interface Element {
        void accept(XMLStreamReader x);
    }

    private static void each(ZipFile zip, String part, String element, Element each) throws IOException, XMLStreamException {
        ZipEntry entry = entry(zip, part);
        if (entry == null) {
            return;
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader x = factory.createXMLStreamReader(in);
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals(element)) {
                    each.accept(x);
                }
            }
            x.close();
        }
    }

    /** "B5:B9" as rows and columns from 0; null when not such a range. */
    static MergedCells.Range range(String ref) {
        if (ref == null || ref.indexOf(':') < 0) {
            return null;
        }
        String[] ends = ref.split(":");
        int[] a = cell(ends[0]);
        int[] b = cell(ends[1]);
        if (a == null || b == null) {
            return null;
        }
        return new MergedCells.Range(a[0], b[0], a[1], Math.min(b[1], a[1] + TableReader.MAX_COLUMNS));
    }

    private static int[] cell(String ref) {
        int col = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
        }
        try {
            return i == 0 ? null : new int[] {Integer.parseInt(ref.substring(i)) - 1, col - 1};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void closeQuietly(ReadableWorkbook workbook) {
        try {
            if (workbook != null) {
                workbook.close();
            }
        } catch (IOException e) {
            // nothing to keep: the file was only read
        }
    }

    @Override
    public void close() {
        stream.close();
        closeQuietly(workbook);
    }
}

package vn.motcua.report.dossier;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the rows of an Excel .xlsx workbook, streamed (fastexcel reads the sheet's XML as it goes): the first
 * sheet, or the one named. Line numbers are the sheet's row numbers. Cells that are real dates (a number with a
 * date format) become ISO dates, other numbers plain digits ("12345", not "12345.0"), so the same checks apply
 * as for CSV.
 */
public class XlsxRowReader implements ItemStreamReader<CsvRow> {

    private final java.nio.file.Path file;
    private final String sheetName;
    private final ImportKind kind;
    private final ImportProgress progress;

    private ReadableWorkbook workbook;
    private Stream<Row> stream;
    private Iterator<Row> rows;
    private HeadingRow headings;
    private long lastRow;
    private long rowsRead;

    /** @param sheetName the sheet to read, or null for the first */
    public XlsxRowReader(java.nio.file.Path file, String sheetName, ImportKind kind, ImportProgress progress) {
        this.file = file;
        this.sheetName = sheetName;
        this.kind = kind;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext context) {
        ImportFile.of(file);
        Sheet sheet;
        try {
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
            if (sheetName == null) {
                sheet = workbook.getFirstSheet();
            } else {
                sheet = workbook.findSheet(sheetName).orElseThrow(() -> new ImportException("import.no-such-sheet",
                        file.toString(), sheetName, String.join(", ", workbook.getSheets().map(Sheet::getName).toList())));
            }
            stream = sheet.openStream();
            rows = stream.iterator();
        } catch (ImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportException(e, "import.not-xlsx", file.toString());
        }
        String where = file + " sheet \"" + sheet.getName() + "\"";
        headings = HeadingRow.find(() -> nextCandidate(where), kind,
                new ImportException("import.empty-sheet", where, String.join(", ", kind.columns())));
        headings.saveTo(context);
        progress.started();
    }

    /** @param sheet the file and sheet, for messages */
    private HeadingRow.Candidate nextCandidate(String sheet) {
        if (!hasNext()) {
            return null;
        }
        Row row = next();
        List<String> values = new ArrayList<>();
        for (int c = 0; c < row.getCellCount(); c++) {
            values.add(text(row.getCell(c)));
        }
        return new HeadingRow.Candidate(values, sheet + " row " + row.getRowNum());
    }

    @Override
    public CsvRow read() {
        while (hasNext()) {
            Row row = next();
            Map<String, String> values = new LinkedHashMap<>();
            boolean blank = true;
            for (int c = 0; c < row.getCellCount(); c++) {
                String column = headings.column(c);
                if (column != null) {
                    String v = text(row.getCell(c));
                    blank &= v.isBlank();
                    values.put(column, v);
                }
            }
            if (blank) {
                continue;
            }
            rowsRead++;
            progress.read(rowsRead, -1);
            return new CsvRow(row.getRowNum(), values, headings.written());
        }
        return null;
    }

    private boolean hasNext() {
        try {
            return rows.hasNext();
        } catch (RuntimeException e) {
            throw new ImportException(e, "import.xlsx-unreadable-after", file.toString(), lastRow);
        }
    }

    private Row next() {
        Row row = rows.next();
        lastRow = row.getRowNum();
        return row;
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
            try {
                LocalDateTime t = LocalDateTime.of(1899, 12, 30, 0, 0)
                        .plusSeconds(n.multiply(BigDecimal.valueOf(86_400)).setScale(0, java.math.RoundingMode.HALF_UP)
                                .longValueExact());
                if (t.getYear() >= 1900 && t.getYear() <= 9999) {
                    return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
                }
            } catch (ArithmeticException | java.time.DateTimeException e) {
                // not a date after all: kept as a number, which the date check refuses
            }
        }
        return n.stripTrailingZeros().toPlainString();
    }

    /** Excel has no date type: a date is a number (days since 1899-12-30) shown with a date format. */
    private static boolean isDate(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        String f = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").replaceAll("\\\\.", "")
                .toLowerCase(java.util.Locale.ROOT);
        return f.contains("y") || f.contains("d");
    }

    @Override
    public void close() {
        try {
            if (stream != null) {
                stream.close();
            }
            if (workbook != null) {
                workbook.close();
            }
        } catch (IOException e) {
            // nothing to keep: the file was only read
        }
    }
}

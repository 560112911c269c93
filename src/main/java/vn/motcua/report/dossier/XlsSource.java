package vn.motcua.report.dossier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * One sheet of an old Excel .xls (BIFF8) workbook, the default export of many government systems, read with Apache
 * POI (HSSF). The workbook is loaded whole: BIFF8 holds at most 65,536 rows a sheet, so its memory stays bounded
 * (tens of MB), and POI's merged regions come with it. Cells read as in {@link XlsxSource}.
 */
final class XlsSource implements TableSource {

    private final Path file;
    private final HSSFWorkbook workbook;
    private final Sheet sheet;
    private final MergedCells merged;
    private int next;

    private XlsSource(Path file, HSSFWorkbook workbook, Sheet sheet) {
        this.file = file;
        this.workbook = workbook;
        this.sheet = sheet;
        List<MergedCells.Range> ranges = new ArrayList<>();
        for (CellRangeAddress r : sheet.getMergedRegions()) {
            ranges.add(new MergedCells.Range(r.getFirstRow(), r.getLastRow(), r.getFirstColumn(),
                    Math.min(r.getLastColumn(), r.getFirstColumn() + TableReader.MAX_COLUMNS)));
        }
        this.merged = new MergedCells(ranges);
        this.next = sheet.getFirstRowNum();
    }

    static List<String> sheets(Path file) {
        try (HSSFWorkbook workbook = load(file)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                names.add(workbook.getSheetName(i));
            }
            return names;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    static XlsSource open(Path file, String sheetName) {
        HSSFWorkbook workbook = load(file);
        return new XlsSource(file, workbook, workbook.getSheet(sheetName));
    }

    private static HSSFWorkbook load(Path file) {
        try {
            POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
            return new HSSFWorkbook(fs.getRoot(), true);
        } catch (org.apache.poi.EncryptedDocumentException e) {
            throw new ImportException(e, "import.xls-protected", file.toString());
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, e);
        }
    }

    private static ImportException unreadable(Path file, Exception e) {
        return new ImportException(e, "import.not-xls", file.toString());
    }

    @Override
    public SheetRow next() {
        while (next <= sheet.getLastRowNum()) {
            Row row = sheet.getRow(next++);
            if (row == null) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                cells.add(text(row.getCell(c)));
            }
            merged.fill(row.getRowNum(), cells);
            return new SheetRow(row.getRowNum() + 1L, cells);
        }
        return null;
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                java.math.BigDecimal n = java.math.BigDecimal.valueOf(cell.getNumericCellValue());
                String date = DateUtil.isCellDateFormatted(cell) ? XlsxSource.serialDate(n) : null;
                yield date != null ? date : n.stripTrailingZeros().toPlainString();
            }
            case STRING -> cell.getRichStringCellValue().getString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    @Override
    public String where() {
        return file + " sheet \"" + sheet.getSheetName() + "\"";
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            // nothing to keep: the file was only read
        }
    }
}

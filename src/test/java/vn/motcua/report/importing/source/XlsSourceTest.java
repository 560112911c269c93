package vn.motcua.report.importing.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An .xls read as a stream of its records: text, numbers, dates (by their format), formulas' cached results,
 * booleans, blank styled cells (written as one record for many), merged cells, and the sheet asked for among others;
 * and, as every workbook reader, the workbook LibreOffice saved as Excel 97 ({@link LibreOfficeFiles}).
 */
class XlsSourceTest extends WorkbookSourceCases {

    @Override
    Path file() {
        return LibreOfficeFiles.file("xls");
    }

    @Override
    List<String> sheets(Path file) {
        return XlsSource.sheets(file);
    }

    @Override
    TableSource open(Path file, String sheet) {
        return XlsSource.open(file, sheet);
    }

    @TempDir
    Path tmp;

    @Test
    void everyKindOfCell_isReadAsTheWorkbookShowsIt() throws Exception {
        Path file = tmp.resolve("kinds.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet first = wb.createSheet("Tổng hợp");
            first.createRow(0).createCell(0).setCellValue("không đọc");
            Sheet s = wb.createSheet("Danh sách");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            CellStyle border = wb.createCellStyle();
            border.setBorderBottom(BorderStyle.THIN);
            Row r0 = s.createRow(0);
            r0.createCell(0).setCellValue("Mã hồ sơ");
            r0.createCell(1).setCellValue("Lĩnh vực");
            Row r2 = s.createRow(2);
            r2.createCell(0).setCellValue(100234);
            r2.createCell(1).setCellValue("Đất đai");
            r2.createCell(2).setCellValue(LocalDateTime.of(2021, 2, 3, 8, 15));
            r2.getCell(2).setCellStyle(date);
            r2.createCell(3).setCellValue(2.5);
            r2.createCell(4).setCellFormula("\"A\"&\"B\"");
            r2.createCell(5).setCellFormula("1+1");
            r2.createCell(6).setCellValue(true);
            for (int c = 7; c < 40; c++) {
                r2.createCell(c).setCellStyle(border);
            }
            Row r3 = s.createRow(3);
            r3.createCell(0).setCellValue("H2");
            for (int c = 1; c < 6; c++) {
                r3.createCell(c).setCellStyle(border);
            }
            s.createRow(4).createCell(0).setCellValue("H3");
            s.addMergedRegion(new CellRangeAddress(2, 4, 1, 1));
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }

        assertThat(XlsSource.sheets(file)).containsExactly("Tổng hợp", "Danh sách");
        List<SheetRow> rows = new ArrayList<>();
        try (XlsSource source = XlsSource.open(file, "Danh sách")) {
            for (SheetRow row; (row = source.next()) != null; ) {
                rows.add(row);
            }
        }
        assertThat(rows).extracting(SheetRow::line).containsExactly(1L, 3L, 4L, 5L);
        assertThat(rows.get(0).cells()).containsExactly("Mã hồ sơ", "Lĩnh vực");
        assertThat(rows.get(1).cells().subList(0, 7))
                .containsExactly("100234", "Đất đai", "2021-02-03T08:15", "2.5", "AB", "2", "true");
        assertThat(rows.get(1).cells()).hasSize(40);
        assertThat(rows.get(1).cells().subList(7, 40)).containsOnly("");
        // The field merged down over rows 3-5 names each.
        assertThat(rows.get(2).cells()).containsExactly("H2", "Đất đai", "", "", "", "");
        assertThat(rows.get(3).cells()).containsExactly("H3", "Đất đai");
    }

    /**
     * Encrypted with Excel's default password (what "protect workbook" without an opening password does) it reads as
     * Excel opens it; with a password of its own it is refused saying so.
     */
    @Test
    void aProtectedWorkbook_isReadWithExcelsDefaultPassword_andRefusedWithAnother() throws Exception {
        Path open = tmp.resolve("default.xls");
        Path locked = tmp.resolve("locked.xls");
        for (Path file : List.of(open, locked)) {
            org.apache.poi.hssf.record.crypto.Biff8EncryptionKey.setCurrentUserPassword(
                    file == open ? "VelvetSweatshop" : "mật-khẩu");
            try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
                wb.createSheet("Danh sách").createRow(0).createCell(0).setCellValue("Mã hồ sơ");
                wb.write(out);
            } finally {
                org.apache.poi.hssf.record.crypto.Biff8EncryptionKey.setCurrentUserPassword(null);
            }
        }
        try (XlsSource source = XlsSource.open(open, "Danh sách")) {
            assertThat(source.next().cells()).containsExactly("Mã hồ sơ");
        }
        ImportException refused = org.assertj.core.api.Assertions.catchThrowableOfType(ImportException.class,
                () -> XlsSource.sheets(locked));
        assertThat(refused.key()).isEqualTo("import.xls-protected");
    }
}

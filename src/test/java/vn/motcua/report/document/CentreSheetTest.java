package vn.motcua.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.report.revision.CentreTable;
import vn.motcua.report.revision.ProvinceCentres;

/**
 * The workbook's sheet by centre, read back with fastexcel's reader (not the writer) and the sheet's own XML
 * for the merged label cells: the same grouped rows and subtotals as the PDF, numbers as numbers.
 */
class CentreSheetTest {

    @TempDir
    Path tmp;

    @Test
    void theSheetByCentre_hasTheGroupRowsSubtotalsAndTotal_asNumbers() throws Exception {
        byte[] xlsx = workbook(Consolidations.data(ProvinceCentres.table()));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheets().map(Sheet::getName)).containsExactly(ReportWorkbook.SEED_SHEET,
                    ReportWorkbook.NATIONAL_SHEET, ReportWorkbook.UNIT_SHEET, ReportWorkbook.CENTRE_SHEET,
                    ReportWorkbook.LATE_SHEET, ReportWorkbook.OVERDUE_SHEET);
            List<Row> rows = wb.findSheet(ReportWorkbook.CENTRE_SHEET).orElseThrow().read();
            assertThat(cell(rows, 1, 0)).isEqualTo(CentreAppendix.TITLE);
            assertThat(cell(rows, 4, 1)).isEqualTo("Nơi tiếp nhận hồ sơ");
            assertThat(cell(rows, 4, 11)).isEqualTo("Tỷ lệ đúng hạn [(7)+(10)]/(3)");
            assertThat(cell(rows, 7, 11)).isEqualTo("(12)");

            // From row 9 (index 8): label cells, nine figures, the indicator as a fraction.
            List<String> labels = new ArrayList<>();
            for (int r = 8; r < 8 + 15; r++) {
                labels.add(cell(rows, r, 0) + "|" + cell(rows, r, 1));
            }
            assertThat(labels).containsExactly("I|Cấp tỉnh", "1|" + ProvinceCentres.PROVINCE_NAME,
                    "2|" + ProvinceCentres.BRANCH_NAME, "Cộng cấp tỉnh|", "II|Cấp xã",
                    "3|Trung tâm Phục vụ hành chính công xã An Phú", "4|Trung tâm Phục vụ hành chính công xã Bình Mỹ",
                    "5|Trung tâm Phục vụ hành chính công phường Đông Hải", "6|Trung tâm Phục vụ hành chính công xã Vĩnh An",
                    "Cộng cấp xã|", "III|Nơi tiếp nhận khác", "7|" + ProvinceCentres.UNLISTED_NAME,
                    "8|Chưa xác định nơi tiếp nhận", "Tổng cộng|", "|");
            assertThat(row(rows, 9).getCellAsNumber(0)).as("a centre's number is a number").contains(BigDecimal.ONE);
            assertThat(figures(row(rows, 9))).containsExactly(100, 10, 90, 75, 70, 5, 25, 20, 5);
            assertThat(figures(row(rows, 11))).as("Cộng cấp tỉnh").containsExactly(120, 12, 108, 92, 85, 7, 28, 22, 6);
            assertThat(figures(row(rows, 17))).as("Cộng cấp xã").containsExactly(46, 4, 42, 36, 32, 4, 10, 8, 2);
            assertThat(figures(row(rows, 21))).as("Tổng cộng").containsExactly(173, 17, 156, 133, 120, 13, 40, 31, 9);
            assertThat(indicator(row(rows, 11))).isCloseTo(107.0 / 120, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(indicator(row(rows, 17))).isCloseTo(40.0 / 46, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(indicator(row(rows, 21))).isCloseTo(151.0 / 173, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(row(rows, 16).getCellText(11)).as("Vĩnh An had no dossier").isEmpty();
            assertThat(row(rows, 8).getCellText(2)).as("a group row has no figures").isEmpty();

            // The lists, in the order of the table by centre, name each dossier's receiving centre in a last column:
            // 5 late at the province's centre, 2 at the branch, 1 at An Phú, 3 at Đông Hải, 1 at Tân Lập, 1 with none.
            List<Row> late = wb.findSheet(ReportWorkbook.LATE_SHEET).orElseThrow().read();
            assertThat(cell(late, 4, 9)).isEqualTo(ReportWorkbook.CENTRE_HEADING);
            List<String> centreOf = new ArrayList<>();
            for (int r = 5; r < 5 + 13; r++) {
                centreOf.add(cell(late, r, 1) + "|" + cell(late, r, 9));
            }
            assertThat(centreOf).startsWith("TH-1|" + ProvinceCentres.PROVINCE_NAME)
                    .contains("TH-6|" + ProvinceCentres.BRANCH_NAME, "TH-12|" + ProvinceCentres.UNLISTED_NAME)
                    .endsWith("TH-13|Chưa xác định nơi tiếp nhận");
            List<Row> overdue = wb.findSheet(ReportWorkbook.OVERDUE_SHEET).orElseThrow().read();
            assertThat(cell(overdue, 4, 8)).isEqualTo(ReportWorkbook.CENTRE_HEADING);
            assertThat(cell(overdue, 5, 8)).isEqualTo(ProvinceCentres.PROVINCE_NAME);
        }
        String sheet = entry(xlsx, "xl/worksheets/sheet4.xml");
        assertThat(merges(sheet)).contains("A5:A7", "B5:B7", "C5:E5", "F5:K5", "L5:L7", "A12:B12", "A18:B18", "A22:B22")
                .doesNotContain("A10:B10");
        assertThat(numberFormat(xlsx, sheet, "L12")).as("Cộng cấp tỉnh's indicator is shown as a percentage")
                .isEqualTo("0.0%");
        assertThat(numberFormat(xlsx, sheet, "L15")).as("so is a centre's").isEqualTo("0.0%");
    }

    @Test
    void theSheetByCentre_asLibreOfficeShowsIt() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/soffice")),
                "LibreOffice (Debian package libreoffice-calc) is not installed: the workbook is not opened in it");
        Path xlsx = Files.write(tmp.resolve("bao-cao.xlsx"), workbook(Consolidations.data(ProvinceCentres.table())));
        Path out = tmp.resolve("lo");
        // Sheet 4 as shown (formatted, in US English), UTF-8.
        Process p = new ProcessBuilder("soffice", "-env:UserInstallation=file://" + tmp.resolve("lo-profile"),
                "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,4",
                "--outdir", out.toString(), xlsx.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(said).isZero();
        Path csv = out.resolve("bao-cao-" + ReportWorkbook.CENTRE_SHEET + ".csv");
        assertThat(csv).as(said).exists();
        assertThat(Files.readAllLines(csv)).containsSubsequence("I,Cấp tỉnh,,,,,,,,,,",
                "Cộng cấp tỉnh,,120,12,108,92,85,7,28,22,6,89.2%", "II,Cấp xã,,,,,,,,,,",
                "6,Trung tâm Phục vụ hành chính công xã Vĩnh An,0,0,0,0,0,0,0,0,0,",
                "Cộng cấp xã,,46,4,42,36,32,4,10,8,2,87.0%",
                "Tổng cộng,,173,17,156,133,120,13,40,31,9,87.3%");
    }

    @Test
    void aSingleCentre_hasNoSheetByCentre() throws Exception {
        for (CentreTable none : new CentreTable[] {null, CentreTable.EMPTY}) {
            byte[] xlsx = workbook(Consolidations.data(ProvinceCentres.table()).withCentres(none));
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
                assertThat(wb.getSheets().map(Sheet::getName)).containsExactly(ReportWorkbook.SEED_SHEET,
                        ReportWorkbook.NATIONAL_SHEET, ReportWorkbook.UNIT_SHEET, ReportWorkbook.LATE_SHEET,
                        ReportWorkbook.OVERDUE_SHEET);
                List<Row> late = wb.findSheet(ReportWorkbook.LATE_SHEET).orElseThrow().read();
                assertThat(cell(late, 4, 8)).isEqualTo(ReportWorkbook.LATE_HEADINGS[8]);
                assertThat(cell(late, 4, 9)).as("no centre column").isEmpty();
            }
        }
    }

    private static byte[] workbook(ReportDocumentData data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWorkbook.write(data, out);
        return out.toByteArray();
    }

    /** The row at a 0-based index of the sheet, or null (the reader leaves out blank rows). */
    private static Row row(List<Row> rows, int index) {
        return rows.stream().filter(r -> r.getRowNum() == index + 1).findFirst().orElse(null);
    }

    private static String cell(List<Row> rows, int index, int column) {
        Row r = row(rows, index);
        return r == null || column >= r.getCellCount() ? "" : r.getCellText(column);
    }

    private static long[] figures(Row row) {
        long[] result = new long[9];
        for (int i = 0; i < 9; i++) {
            result[i] = row.getCellAsNumber(2 + i).orElseThrow().longValueExact();
        }
        return result;
    }

    private static double indicator(Row row) {
        return row.getCellAsNumber(11).orElseThrow().doubleValue();
    }

    /** The number format of a cell, through its style in styles.xml. */
    private String numberFormat(byte[] xlsx, String sheetXml, String ref) throws IOException {
        Matcher cell = Pattern.compile("<c r=\"" + ref + "\" s=\"(\\d+)\"").matcher(sheetXml);
        assertThat(cell.find()).as("cell %s has a style", ref).isTrue();
        String styles = entry(xlsx, "xl/styles.xml");
        String xfs = styles.substring(styles.indexOf("<cellXfs"), styles.indexOf("</cellXfs>"));
        Matcher xf = Pattern.compile("<xf [^>]*numFmtId=\"(\\d+)\"").matcher(xfs);
        for (int i = 0; i <= Integer.parseInt(cell.group(1)); i++) {
            assertThat(xf.find()).isTrue();
        }
        Matcher format = Pattern.compile("<numFmt numFmtId=\"" + xf.group(1) + "\" formatCode=\"([^\"]*)\"").matcher(styles);
        return format.find() ? format.group(1) : "built-in " + xf.group(1);
    }

    private static List<String> merges(String sheetXml) {
        List<String> refs = new ArrayList<>();
        Matcher m = Pattern.compile("<mergeCell ref=\"([A-Z]+\\d+:[A-Z]+\\d+)\"").matcher(sheetXml);
        while (m.find()) {
            refs.add(m.group(1));
        }
        return refs;
    }

    /** A part of the workbook, read with {@link ZipFile} (the streamed entries have their sizes after them). */
    private String entry(byte[] xlsx, String name) throws IOException {
        Path file = Files.write(tmp.resolve("workbook.xlsx"), xlsx);
        try (ZipFile z = new ZipFile(file.toFile())) {
            ZipEntry e = z.getEntry(name);
            assertThat(e).as("the workbook has " + name).isNotNull();
            try (InputStream in = z.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}

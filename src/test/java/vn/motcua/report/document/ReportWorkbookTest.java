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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.config.PeriodTexts;
import vn.motcua.report.config.ReportSettings;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.revision.TableColumn;
import vn.motcua.report.period.PeriodName;

/**
 * The workbook beside the PDF, read back with fastexcel's reader (not the writer) and with the sheets' own
 * XML for the merged headings.
 */
class ReportWorkbookTest extends DatabaseTest {

    @Autowired
    RevisionRepository revisions;

    @Autowired
    JobsFolder jobs;

    @Test
    void demo_workbookHasTheFormsAndTheCompleteLists() throws Exception {
        Run run = cli("demo", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path xlsx = tmp.resolve("2021-02/bao-cao-2021-02-r1.xlsx");
        assertThat(run.out()).contains("Wrote " + xlsx);
        ReportTable table = revisions.table(revisions.find(PeriodName.parse("2021-02"), 1).orElseThrow());

        try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
            assertThat(wb.getSheets().map(Sheet::getName)).containsExactly(ReportWorkbook.SEED_SHEET,
                    ReportWorkbook.NATIONAL_SHEET, ReportWorkbook.UNIT_SHEET, ReportWorkbook.LATE_SHEET, ReportWorkbook.OVERDUE_SHEET);

            // The seed form: headings, one row per field with the job's numbers (as numbers), "Tổng cộng".
            List<Row> seed = rows(wb, ReportWorkbook.SEED_SHEET);
            assertThat(text(seed, 1, 0)).isEqualTo("Tình hình tiếp nhận, giải quyết");
            assertThat(text(seed, 2, 0)).isEqualTo("Kỳ báo cáo tháng 02/2021, từ ngày 26/01/2021 đến ngày 25/02/2021");
            assertThat(text(seed, 4, 2)).isEqualTo("Hồ sơ nhận giải quyết");
            assertThat(text(seed, 4, 5)).isEqualTo("Kết quả giải quyết");
            assertThat(text(seed, 6, 6)).isEqualTo("Trả đúng thời hạn");
            assertThat(text(seed, 7, 11)).isEqualTo("(12)");
            for (int i = 0; i < 18; i++) {
                Row row = seed.get(8 + i);
                assertThat(number(row, 0)).isEqualTo(i + 1);
                assertThat(row.getCellText(1)).isEqualTo(table.rows().get(i).name());
                assertThat(numbers(row, 2, 9)).as("row %d", i + 1)
                        .containsExactly(TableColumn.inTable(table.rows().get(i).counts()));
            }
            Row seedTotal = seed.get(26);
            assertThat(seedTotal.getCellText(0)).isEqualTo("Tổng cộng");
            assertThat(numbers(seedTotal, 2, 9)).containsExactly(497, 48, 449, 467, 459, 8, 30, 29, 1);
            assertThat(seed).hasSize(27);

            // Biểu 06: 13 columns.
            List<Row> national = rows(wb, ReportWorkbook.NATIONAL_SHEET);
            assertThat(text(national, 1, 0)).startsWith("Biểu số 06");
            assertThat(text(national, 6, 3)).isEqualTo("Số mới tiếp nhận trực tuyến");
            assertThat(text(national, 7, 12)).isEqualTo("(13)");
            Row nationalTotal = national.get(26);
            assertThat(nationalTotal.getCellText(0)).isEqualTo("Tổng cộng");
            assertThat(numbers(nationalTotal, 2, 11)).containsExactly(497, 72, 377, 48, 467, 403, 56, 8, 30, 29, 1);
            assertThat(numbers(national.get(9), 2, 11)).as("Đất đai")
                    .containsExactly(NationalFormAppendix.columns(table.rows().get(1).counts()));

            // The lists: every late and overdue dossier, dates as dates, days late as numbers.
            List<Row> late = rows(wb, ReportWorkbook.LATE_SHEET);
            assertThat(text(late, 4, 1)).isEqualTo("Mã hồ sơ");
            List<Row> lateRows = late.subList(5, late.size());
            assertThat(lateRows).hasSize(8);
            List<String> lateCodes = jdbc.queryForList("""
                    SELECT d.code FROM report_dossier rd JOIN dossier d ON d.id = rd.dossier_id
                     WHERE rd.result = 'LATE' ORDER BY 1""", String.class);
            assertThat(lateRows.stream().map(r -> r.getCellText(1)).sorted()).containsExactlyElementsOf(lateCodes);
            for (Row r : lateRows) {
                LocalDate due = r.getCellAsDate(4).orElseThrow().toLocalDate();
                LocalDate finished = r.getCellAsDate(5).orElseThrow().toLocalDate();
                assertThat(number(r, 6)).as("days late of %s", r.getCellText(1))
                        .isEqualTo(finished.toEpochDay() - due.toEpochDay()).isPositive();
            }
            assertThat(lateRows.stream().filter(r -> r.getCell(7).getType() == CellType.NUMBER)).as("one apology letter").hasSize(1);
            List<Row> overdue = rows(wb, ReportWorkbook.OVERDUE_SHEET);
            assertThat(overdue.subList(5, overdue.size())).hasSize(1);
            Row o = overdue.get(5);
            assertThat(number(o, 5)).isEqualTo(LocalDate.of(2021, 2, 25).toEpochDay()
                    - o.getCellAsDate(4).orElseThrow().toLocalDate().toEpochDay());
            assertThat(o.getCellText(6)).isEqualTo("Chưa có");
        }

        // The two-level headings are merged cells, as in the PDF.
        String sheet1 = entry(xlsx, "xl/worksheets/sheet1.xml");
        assertThat(merges(sheet1)).contains("A5:A7", "B5:B7", "C5:E5", "F5:K5", "L5:L7", "C6:C7", "D6:E6", "F6:H6",
                "I6:K6", "A27:B27");
        String sheet2 = entry(xlsx, "xl/worksheets/sheet2.xml");
        assertThat(merges(sheet2)).contains("C5:F5", "G5:M5", "D6:F6", "G6:J6", "K6:M6", "A27:B27");
    }

    @Test
    void demo_workbookOpensInLibreOffice() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/soffice")),
                "LibreOffice (Debian package libreoffice-calc) is not installed: the workbook is not opened in it");
        Run run = cli("demo", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path xlsx = tmp.resolve("2021-02/bao-cao-2021-02-r1.xlsx");
        Path out = tmp.resolve("lo");
        Process p = new ProcessBuilder("soffice", "-env:UserInstallation=file://" + tmp.resolve("lo-profile"),
                "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
                "--outdir", out.toString(), xlsx.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(said).isZero();
        // Sheet 2 (Biểu 06) as LibreOffice computes and shows it.
        Path csv = out.resolve("bao-cao-2021-02-r1-" + ReportWorkbook.NATIONAL_SHEET + ".csv");
        assertThat(csv).as(said).exists();
        assertThat(Files.readAllLines(csv)).anySatisfy(line -> assertThat(line)
                .isEqualTo("Tổng cộng,,497,72,377,48,467,403,56,8,30,29,1"));
    }

    /** 100,000 listed dossiers: the rows reach the output while the list is still being read, and all read back. */
    @Test
    void aLongListIsStreamedAndComplete() throws Exception {
        int n = 100_000;
        Period period = Period.of("2021-02", CutoffDay.parse("25"));
        Revision revision = new Revision(1, period, 1, vn.motcua.report.revision.RevisionStatus.COMPLETED, null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] writtenBeforeTheEnd = {0};
        DossierList late = action -> {
            for (int i = 1; i <= n; i++) {
                if (i == n) {
                    writtenBeforeTheEnd[0] = out.size();
                }
                action.accept(new vn.motcua.report.revision.ListedDossier("HS-" + i, "Đất đai", LocalDate.of(2021, 1, 4),
                        LocalDate.of(2021, 1, 20), LocalDate.of(2021, 2, 1), 12, i % 7 == 0 ? LocalDate.of(2021, 2, 2) : null,
                        "Phòng Tài nguyên và Môi trường"));
            }
        };
        ReportSettings settings = jobs.reportSettings();
        ReportDocumentData data = new ReportDocumentData(settings.centre(), period, 1, PeriodTexts.missing("none"),
                "jobs/periods/2021-02.yaml", new ReportTable(revision, List.of()), new Transfers(java.util.Map.of()), 0,
                settings.recipients(), settings.archive(), settings.signer(), late, action -> { }, List.of(), null,
                Long.MAX_VALUE, false, new ReportTable(revision, List.of()));
        ReportWorkbook.write(data, out);

        // The list sheet is flushed as it goes: most of it was out before its last row was read.
        assertThat(writtenBeforeTheEnd[0]).as("bytes out before the last row").isGreaterThan(out.size() / 2);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Row> rows = rows(wb, ReportWorkbook.LATE_SHEET);
            assertThat(rows.size()).isEqualTo(5 + n);
            Row last = rows.get(rows.size() - 1);
            assertThat(number(last, 0)).isEqualTo(n);
            assertThat(last.getCellText(1)).isEqualTo("HS-" + n);
            assertThat(rows.stream().skip(5).filter(r -> r.getCell(7).getType() == CellType.NUMBER).count()).isEqualTo(n / 7);
            List<Row> overdue = rows(wb, ReportWorkbook.OVERDUE_SHEET);
            assertThat(overdue.get(overdue.size() - 1).getCellText(0)).isEqualTo("Không có hồ sơ.");
        }
    }

    /** The sheet's rows by their 0-based index in the sheet (the reader leaves out blank rows). */
    private static List<Row> rows(ReadableWorkbook wb, String sheet) throws IOException {
        List<Row> read = wb.findSheet(sheet).orElseThrow().read();
        List<Row> rows = new ArrayList<>();
        for (Row r : read) {
            while (rows.size() < r.getRowNum() - 1) {
                rows.add(null);
            }
            rows.add(r);
        }
        return rows;
    }

    private static String text(List<Row> rows, int row, int column) {
        return rows.get(row).getCellText(column);
    }

    private static long number(Row row, int column) {
        Optional<BigDecimal> n = row.getCellAsNumber(column);
        assertThat(n).as("a number in row %d column %d", row.getRowNum(), column).isPresent();
        return n.get().longValueExact();
    }

    private static long[] numbers(Row row, int first, int count) {
        long[] result = new long[count];
        for (int i = 0; i < count; i++) {
            result[i] = number(row, first + i);
        }
        return result;
    }

    private static List<String> merges(String sheetXml) {
        List<String> refs = new ArrayList<>();
        Matcher m = Pattern.compile("<mergeCell ref=\"([A-Z]+\\d+:[A-Z]+\\d+)\"").matcher(sheetXml);
        while (m.find()) {
            refs.add(m.group(1));
        }
        return refs;
    }

    private static String entry(Path zip, String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry e = z.getEntry(name);
            assertThat(e).as(zip + " has " + name).isNotNull();
            try (InputStream in = z.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}

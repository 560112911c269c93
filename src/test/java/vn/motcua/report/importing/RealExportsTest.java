package vn.motcua.report.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.motcua.report.DatabaseTest;

/**
 * The layouts offices really export, made by LibreOffice (.xlsx, .xls, .ods converted from a flat OpenDocument
 * file written here): a summary sheet first, a title block, a two-row merged heading with data from column B, a
 * row of column numbers, group rows per field, a "Lĩnh vực" merged down, blank separators, a footer with totals
 * and signatures, a status column instead of the outcome, Excel serial numbers and real date cells. Each imports
 * and counts as the hand count of its rows.
 */
class RealExportsTest extends DatabaseTest {

    private static Path made;
    private static String skip;

    @BeforeAll
    static void makeTheFiles(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        skip = OfficeFiles.missing();
        if (skip != null) {
            System.out.println("RealExportsTest: " + skip);
            return;
        }
        made = dir;
        Path source = dir.resolve("src");
        Files.createDirectories(source);
        Path list = source.resolve("danh-sach.fods");
        listWithSummaryFirst().write(list);
        for (String format : List.of("xlsx", "xls", "ods")) {
            Files.createDirectories(dir.resolve(format));
            OfficeFiles.convert(List.of(list), format, dir.resolve(format));
        }
    }

    /** Five dossiers: three of Đất đai under a group row, two of Hộ tịch with the field merged down; one cancelled. */
    private static OfficeFiles.Book listWithSummaryFirst() {
        OfficeFiles.Book book = new OfficeFiles.Book();
        List<List<String>> summary = book.sheet("Tổng hợp");
        OfficeFiles.Book.row(summary, "BÁO CÁO TỔNG HỢP THÁNG 02/2021«c2»");
        OfficeFiles.Book.row(summary, "Lĩnh vực", "Số hồ sơ");
        OfficeFiles.Book.row(summary, "Đất đai", "3«n»");
        OfficeFiles.Book.row(summary, "Hộ tịch", "2«n»");
        List<List<String>> s = book.sheet("Danh sách");
        OfficeFiles.Book.row(s, "", "UBND HUYỆN AN HÒA«c4»");                                                  // 1
        OfficeFiles.Book.row(s, "", "TRUNG TÂM HÀNH CHÍNH CÔNG«c4»");                                          // 2
        OfficeFiles.Book.row(s);                                                                               // 3
        OfficeFiles.Book.row(s, "", "DANH SÁCH HỒ SƠ TIẾP NHẬN THÁNG 02/2021«c10»");                            // 4
        OfficeFiles.Book.row(s, "", "(Từ ngày 26/01/2021 đến ngày 25/02/2021)«c10»");                           // 5
        OfficeFiles.Book.row(s);                                                                               // 6
        OfficeFiles.Book.row(s, "", "STT«r2»", "Mã hồ sơ«r2»", "Lĩnh vực«r2»", "Hình thức nộp«r2»", "Thời gian«c3»",
                "Tạm dừng«c2»", "Trạng thái«r2»");                                                             // 7
        OfficeFiles.Book.row(s, "", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày có kết quả", "Ngày tạm dừng",
                "Ngày tiếp tục");                                                                              // 8
        OfficeFiles.Book.row(s, "", "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)");    // 9
        OfficeFiles.Book.row(s, "", "LĨNH VỰC ĐẤT ĐAI (3 hồ sơ)«c10»");                                        // 10
        OfficeFiles.Book.row(s, "", "1«n»", "D1", "", "Trực tiếp", "03/02/2021", "17/02/2021", "16/02/2021", "", "",
                "Đã trả kết quả");                                                                             // 11
        OfficeFiles.Book.row(s, "", "2«n»", "D2", "", "Trực tuyến", "04/02/2021", "18/02/2021", "", "", "",
                "Đang xử lý");                                                                                 // 12
        OfficeFiles.Book.row(s, "", "3«n»", "D3", "", "Trực tiếp", "05/02/2021", "10/02/2021", "", "08/02/2021", "",
                "Chờ bổ sung");                                                                                // 13
        OfficeFiles.Book.row(s);                                                                               // 14
        OfficeFiles.Book.row(s, "", "LĨNH VỰC HỘ TỊCH (2 hồ sơ)«c10»");                                        // 15
        OfficeFiles.Book.row(s, "", "4«n»", "H1", "Hộ tịch«r2»", "Bưu chính công ích", "44232«n»", "2021-02-12«d»",
                "2021-02-11«d»", "", "", "Hoàn thành");                                                       // 16
        OfficeFiles.Book.row(s, "", "5«n»", "H2", "Trực tiếp", "20/01/2021", "29/01/2021", "27/01/2021", "", "",
                "Đã hủy");                                                                                     // 17
        OfficeFiles.Book.row(s, "", "Tổng cộng: 5 hồ sơ«c4»");                                                 // 18
        OfficeFiles.Book.row(s);                                                                               // 19
        OfficeFiles.Book.row(s, "", "", "NGƯỜI LẬP BIỂU«c3»", "", "THỦ TRƯỞNG ĐƠN VỊ«c3»");                     // 20
        OfficeFiles.Book.row(s, "", "", "Nguyễn Văn An«c3»", "", "Trần Thị Bình«c3»");                          // 21
        OfficeFiles.Book.row(s, "", "", "An Hòa, ngày 26 tháng 02 năm 2021«c6»");                               // 22
        return book;
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls", "ods"})
    void summarySheetFirst_titleBlock_twoRowMergedHeading_groupRows_mergedField_footer(String format) throws Exception {
        assumeTrue(skip == null, skip);
        Path file = made.resolve(format).resolve("danh-sach." + format);
        Run run = cli("import", "dossiers", file.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("5 rows, 5 added")
                .contains("1 dossier stored but counted in no report (cancelled or never received): H2 (Đã hủy, 17).");
        assertThat(run.err()).contains("Read sheet \"Danh sách\"; other sheets: \"Tổng hợp\".")
                .contains("Heading: rows 7–8.")
                .contains("Skipped 9 rows that are not dossiers: 2 blank (14, 19); 2 field group rows (10, 15);"
                        + " 4 footer rows: totals, signatures (18, 20–22); 1 row of column numbers (9).");
        assertThat(jdbc.queryForList("""
                SELECT code || ' ' || field_code || ' ' || channel || ' ' || received_on || ' ' || coalesce(due_on::text, '-')
                       || ' ' || coalesce(finished_on::text, '-') || ' ' || coalesce(outcome, '-') || ' '
                       || coalesce(paused_from::text, '-') || ' ' || coalesce(not_counted, 'counted')
                  FROM dossier ORDER BY code""", String.class)).containsExactly(
                "D1 dat-dai direct 2021-02-03 2021-02-17 2021-02-16 resolved - counted",
                "D2 dat-dai online 2021-02-04 2021-02-18 - - - counted",
                "D3 dat-dai direct 2021-02-05 2021-02-10 - - 2021-02-08 counted",
                "H1 ho-tich postal 2021-02-05 2021-02-12 2021-02-11 resolved - counted",
                "H2 ho-tich direct 2021-01-20 2021-01-29 - - - Đã hủy");

        // By hand, for 2021-02 (26/01 – 25/02): Đất đai 3 new (2 direct, 1 online): D1 resolved early; D2 pending,
        // overdue (due 18/02); D3 pending, paused at the cutoff so not yet due. Hộ tịch: H1 new by post, resolved
        // early. H2 is not counted at all.
        Run report = cli("run", "--period", "2021-02", "--out", tmp.resolve("reports").toString());
        assertThat(report.exitCode()).as(report.out() + report.err()).isZero();
        assertThat(jdbc.queryForList("""
                SELECT r.field_code || ' ' || total || ' ' || carried_over || ' ' || new_online || ' ' || new_direct || ' '
                       || new_postal || ' ' || resolved || ' ' || early || ' ' || on_time || ' ' || late || ' ' || pending
                       || ' ' || not_yet_due || ' ' || overdue
                  FROM report_row r JOIN report_revision v ON v.id = r.revision_id
                 WHERE v.period = '2021-02' AND total > 0 ORDER BY r.field_code""", String.class)).containsExactly(
                "dat-dai 3 0 1 2 0 1 1 0 0 2 1 1",
                "ho-tich 1 0 0 0 1 1 1 0 0 0 0 0");
    }

    @Test
    void aNamedSheet_isReadEvenWhenAnotherComesFirst_andTheSummaryNamesNoOtherSheetWhenNoneIsLeft() throws Exception {
        assumeTrue(skip == null, skip);
        Path file = made.resolve("xlsx").resolve("danh-sach.xlsx");
        Run summary = cli("import", "dossiers", file.toString(), "--sheet", "Tổng hợp");
        assertThat(summary.exitCode()).isEqualTo(2);
        assertThat(summary.err()).contains("sheet \"Tổng hợp\" row 1: the headings do not match a dossiers file")
                .doesNotContain("Exception");
        assertThat(count("dossier")).isZero();
    }

    /**
     * A "Lĩnh vực" cell merged down over three dossiers, no group rows: the workbook counts them all; its CSV (saved
     * by LibreOffice) keeps the name on the first row only, and the rows under it are refused with the way out.
     */
    @Test
    void aFieldMergedDown_isEveryRowsField_inTheWorkbook_andItsCsvIsRefusedSayingSo(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assumeTrue(skip == null, skip);
        OfficeFiles.Book book = new OfficeFiles.Book();
        List<List<String>> s = book.sheet("Danh sách");
        OfficeFiles.Book.row(s, "Mã hồ sơ", "Lĩnh vực", "Hình thức nộp", "Ngày tiếp nhận", "Ngày hẹn trả",
                "Ngày có kết quả", "Kết quả");
        OfficeFiles.Book.row(s, "M1", "Đất đai«r3»", "Trực tiếp", "03/02/2021", "17/02/2021", "", "");
        OfficeFiles.Book.row(s, "M2", "Trực tuyến", "04/02/2021", "18/02/2021", "", "");
        OfficeFiles.Book.row(s, "M3", "Trực tiếp", "05/02/2021", "19/02/2021", "", "");
        Path source = dir.resolve("gop-linh-vuc.fods");
        book.write(source);
        OfficeFiles.convert(List.of(source), "xlsx", dir);
        OfficeFiles.convert(List.of(source), OfficeFiles.UTF8_CSV, dir);

        Run csv = cli("import", "dossiers", dir.resolve("gop-linh-vuc.csv").toString());
        assertThat(csv.exitCode()).as(csv.out() + csv.err()).isEqualTo(2);
        assertThat(csv.err()).contains("line 3, Lĩnh vực: is required; if the workbook merged the field's cell over"
                        + " several rows, saving it as CSV kept the name on the first row only: import the workbook itself")
                .contains("line 4, Lĩnh vực: is required; if the workbook merged");
        assertThat(count("dossier")).isZero();

        // Saved by LibreOffice in a Western code page (Windows-1252): its Vietnamese letters became "?".
        Path western = Files.createDirectories(dir.resolve("western"));
        OfficeFiles.convert(List.of(source), "csv:Text - txt - csv (StarCalc):44,34,1", western);
        Run lost = cli("import", "dossiers", western.resolve("gop-linh-vuc.csv").toString());
        assertThat(lost.exitCode()).as(lost.out() + lost.err()).isEqualTo(2);
        assertThat(lost.err()).contains("the headings have ? in place of accented letters")
                .contains("Save it again as UTF-8 CSV").doesNotContain("Exception");
        assertThat(lost.err().strip().lines().count()).isOne();

        Run workbook = cli("import", "dossiers", dir.resolve("gop-linh-vuc.xlsx").toString());
        assertThat(workbook.exitCode()).as(workbook.out() + workbook.err()).isZero();
        assertThat(jdbc.queryForList("SELECT code || ' ' || field_code FROM dossier ORDER BY code", String.class))
                .containsExactly("M1 dat-dai", "M2 dat-dai", "M3 dat-dai");
    }

    /**
     * A list with date cells in LibreOffice's default formats, saved as CSV on an English-locale machine: month first,
     * two-digit years, 12-hour times ("02/19/21", "02/03/21 08:15 AM"). Every date column is read month first.
     */
    @Test
    void aCsvSavedByLibreOfficeOnAnEnglishLocale_twoDigitYearsMonthFirst_isReadMonthFirst(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assumeTrue(skip == null, skip);
        OfficeFiles.Book book = new OfficeFiles.Book();
        List<List<String>> s = book.sheet("Danh sách");
        OfficeFiles.Book.row(s, "Mã hồ sơ", "Lĩnh vực", "Hình thức nộp", "Ngày tiếp nhận", "Ngày hẹn trả",
                "Ngày có kết quả", "Kết quả");
        OfficeFiles.Book.row(s, "E1", "Đất đai", "Trực tiếp", "2021-02-03T08:15:00«t»", "2021-02-19«s»", "2021-02-18«s»",
                "Đã giải quyết");
        OfficeFiles.Book.row(s, "E2", "Hộ tịch", "Dịch vụ bưu chính công ích", "2021-02-04T14:30:00«t»", "2021-02-10«s»",
                "", "");
        Path source = dir.resolve("english.fods");
        book.write(source);
        OfficeFiles.convert(List.of(source), OfficeFiles.CSV_AS_SHOWN, dir, java.util.Map.of("LC_ALL", "en_US.UTF-8",
                "LANG", "en_US.UTF-8"));
        Path csv = dir.resolve("english.csv");
        assertThat(Files.readString(csv)).contains("E1,Đất đai,Trực tiếp,02/03/21 08:15 AM,02/19/21,02/18/21,Đã giải quyết");

        Run run = cli("import", "dossiers", csv.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(jdbc.queryForList("""
                SELECT code || ' ' || channel || ' ' || received_on || ' ' || due_on || ' ' || coalesce(finished_on::text, '-')
                  FROM dossier ORDER BY code""", String.class)).containsExactly(
                "E1 direct 2021-02-03 2021-02-19 2021-02-18",
                "E2 postal 2021-02-04 2021-02-10 -");
    }
}

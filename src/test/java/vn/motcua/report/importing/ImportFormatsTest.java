package vn.motcua.report.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.motcua.report.importing.ImportTestSupport.HEADINGS;
import static vn.motcua.report.importing.ImportTestSupport.dump;
import static vn.motcua.report.importing.ImportTestSupport.rejects;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.importing.source.Row;

/** The files centres really have, each refusal reason with its line, and files that are not tables at all. */
class ImportFormatsTest extends DatabaseTest {

    /** One line per refusal reason; line 2 is good and line 13 repeats its code. */
    private static final String EVERY_REASON = HEADINGS + "\n"
            + "OK1,dat-dai,P,direct,03/02/2021,15/02/2021,09/02/2021,Đã giải quyết,,,\n"   // 2 good (15/02: day first)
            + "R1,,P,direct,03/02/2021,,,,,,\n"                                            // 3 field required
            + "R2,dat-dai,P,direct,31/02/2021,,,,,,\n"                                     // 4 no 31/02
            + "R3,dat-dai,P,direct,05/02/2021,,04/02/2021,resolved,,,\n"                   // 5 finished < received
            + "R4,dat-dai,P,direct,05/02/2021,04/02/2021,,,,,\n"                           // 6 due < received
            + "R5,dat-dai,P,direct,05/02/2021,,10/02/2021,resolved,01/02/2021,06/02/2021,\n" // 7 pause before received
            + "R6,dat-dai,P,direct,05/02/2021,,10/02/2021,,,,\n"                           // 8 finished, no outcome
            + "R7,dat-dai,P,direct,05/02/2021,,,resolved,,,\n"                             // 9 outcome, not finished
            + "R8,Đất đại,P,direct,05/02/2021,,,,,,\n"                                     // 10 unknown field
            + "R9,dat-dai,P,bằng bồ câu,05/02/2021,,,,,,\n"                                // 11 unknown channel
            + "R10,dat-dai,P,direct,05/02/2021,,10/02/2021,Xong,,,\n"                      // 12 unknown outcome
            + "OK1,dat-dai,P,direct,05/02/2021,,,,,,\n"                                    // 13 code repeated
            + "R11,dat-dai,P,direct,05/02/2021,,,,,,,extra\n"                              // 14 too many values
            + ",dat-dai,P,direct,05/02/2021,,,,,,\n"                                       // 15 code required
            + "R12,dat-dai,P,direct,05/02/2021,,12/02/2021,resolved,08/02/2021,,\n"        // 16 still paused, finished
            + "R2,dat-dai,P,direct,05/02/2021,,,,,,\n";                                    // 17 repeats refused line 4

    @Test
    void everyRefusalReason_namesItsLineAndColumn_andNothingIsStored() throws Exception {
        Path input = file("export.csv", EVERY_REASON);
        Run run = cli("import", "dossiers", input.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(count("dossier")).isZero();
        assertThat(count("import_dossier") + count("import_refused_code")).isZero();
        assertThat(run.err()).contains("15 of 16 rows refused").contains("nothing of this file was stored")
                .contains("code repeated in the file").contains("not a real date").contains("unknown field");
        Path rejectsFile = tmp.resolve("export.rejects.csv");
        assertThat(run.err()).contains(rejectsFile.toString());
        List<List<String>> rejects = rejects(rejectsFile);
        assertThat(rejects).extracting(r -> r.get(0), r -> r.get(1)).containsExactly(
                tuple("3", "field"),
                tuple("4", "received_at"),
                tuple("5", "finished_at"),
                tuple("6", "due_at"),
                tuple("7", "paused_from"),
                tuple("8", "outcome"),
                tuple("9", "outcome"),
                tuple("10", "field"),
                tuple("11", "channel"),
                tuple("12", "outcome"),
                tuple("13", "code"),
                tuple("14", "(row)"),
                tuple("15", "code"),
                tuple("16", "paused_until"),
                tuple("17", "code"));
        Map<String, List<String>> byLine = new java.util.HashMap<>();
        rejects.forEach(r -> byLine.put(r.get(0), r));
        assertThat(byLine.get("4").get(2)).isEqualTo("31/02/2021");
        assertThat(byLine.get("4").get(3)).contains("không phải ngày có thật");
        assertThat(byLine.get("4").get(4)).contains("not a real date");
        assertThat(byLine.get("10").get(4)).contains("did you mean \"Đất đai\"");
        assertThat(byLine.get("10").get(3)).contains("có phải \"Đất đai\"");
        assertThat(byLine.get("13").get(4)).isEqualTo("repeats the code of line 2");
        assertThat(byLine.get("17").get(4)).isEqualTo("repeats the code of line 4");
        assertThat(byLine.get("14").get(4)).contains("has 12 values but the heading has 11");
        // The file starts with a byte order mark, so Excel shows the Vietnamese right.
        assertThat(Files.readAllBytes(rejectsFile)).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(jdbc.queryForObject("SELECT status FROM import_batch", String.class)).isEqualTo("REFUSED");
    }

    @Test
    void acceptPartial_storesTheRowsThatPass_andStillReportsTheOthers() throws Exception {
        Path input = file("export.csv", EVERY_REASON);
        Run run = cli("import", "dossiers", input.toString(), "--accept-partial");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 rows, 1 added, 0 changed, 0 unchanged; 15 refused rows not stored");
        assertThat(run.err()).contains("15 of 16 rows refused");
        assertThat(jdbc.queryForList("SELECT code FROM dossier", String.class)).containsExactly("OK1");
        // The first OK1 (line 2) is stored, not the repeat on line 13.
        assertThat(jdbc.queryForObject("SELECT received_on FROM dossier", LocalDate.class)).isEqualTo("2021-02-03");
        assertThat(rejects(tmp.resolve("export.rejects.csv"))).hasSize(15);
        assertThat(jdbc.queryForMap("SELECT status, rows_read, added, refused, accept_partial FROM import_batch"))
                .containsEntry("status", "STORED").containsEntry("rows_read", 16).containsEntry("added", 1)
                .containsEntry("refused", 15).containsEntry("accept_partial", true);

        // Once the file is fixed, the stale rejects file goes.
        Files.writeString(input, HEADINGS + "\nOK1,dat-dai,P,direct,03/02/2021,15/02/2021,09/02/2021,Đã giải quyết,,,\n");
        assertThat(cli("import", "dossiers", input.toString()).exitCode()).isZero();
        assertThat(tmp.resolve("export.rejects.csv")).doesNotExist();
    }

    @Test
    void acceptPartial_ofAFileWithNoValidRow_storesNothing_andIsARefusal() throws Exception {
        Path input = file("none.csv", HEADINGS + "\nR1,,P,direct,13/02/2021,,,,,,\nR2,dat-dai,P,direct,31/02/2021,,,,,,\n");
        Run run = cli("import", "dossiers", input.toString(), "--accept-partial");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("2 of 2 rows refused")
                .contains("Refused: no row is valid, so nothing of this file was stored. Fix these lines and import the file"
                        + " again.").doesNotContain("--accept-partial");
        assertThat(run.out()).doesNotContain("Imported");
        assertThat(count("dossier")).isZero();
        assertThat(jdbc.queryForMap("SELECT status, rows_read, refused FROM import_batch"))
                .containsEntry("status", "REFUSED").containsEntry("rows_read", 2).containsEntry("refused", 2);
        assertThat(rejects(tmp.resolve("none.rejects.csv"))).hasSize(2);
    }

    @Test
    void thePostalServicesFullName_andBcci_meanThePostalChannel() throws Exception {
        Path input = file("bcci.csv", HEADINGS + "\n"
                + "P1,dat-dai,P,Dịch vụ bưu chính công ích,13/02/2021,,,,,,\n"
                + "P2,dat-dai,P,BCCI,13/02/2021,,,,,,\n"
                + "P3,dat-dai,P,dịch vụ  bcci,13/02/2021,,,,,,\n"
                + "P4,dat-dai,P,DỊCH VỤ BƯU CHÍNH CÔNG ÍCH,13/02/2021,,,,,,\n");
        Run run = cli("import", "dossiers", input.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(jdbc.queryForList("SELECT code || ' ' || channel FROM dossier ORDER BY code", String.class))
                .containsExactly("P1 postal", "P2 postal", "P3 postal", "P4 postal");
    }

    /** LibreOffice on an English-locale machine writes its date cells month first with two-digit years and AM/PM. */
    @Test
    void aMonthFirstCsvWithTwoDigitYears_isReadMonthFirst_asTwentyYy() throws Exception {
        Path input = file("english.csv", "Mã hồ sơ,Lĩnh vực,Hình thức nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Kết quả\n"
                + "E1,Đất đai,Trực tiếp,02/03/21 08:15 AM,02/19/21,02/18/21,Đã giải quyết\n"
                + "E2,Hộ tịch,Trực tuyến,02/04/21 02:30 PM,02/10/21,,\n"
                + "E3,Hộ tịch,Trực tuyến,12/31/20 11:59 PM,01/05/21,,\n");
        Run run = cli("import", "dossiers", input.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(jdbc.queryForList("""
                SELECT code || ' ' || received_on || ' ' || due_on || ' ' || coalesce(finished_on::text, '-')
                  FROM dossier ORDER BY code""", String.class)).containsExactly(
                "E1 2021-02-03 2021-02-19 2021-02-18",
                "E2 2021-02-04 2021-02-10 -",
                "E3 2020-12-31 2021-01-05 -");

        // Day first with two-digit years, as the same machine on a Vietnamese locale writes it.
        jdbc.update("DELETE FROM dossier");
        Files.writeString(tmp.resolve("viet.csv"), HEADINGS + "\nV1,dat-dai,P,direct,19/02/21,03/03/21,,,,,\n",
                StandardCharsets.UTF_8);
        Run vi = cli("import", "dossiers", tmp.resolve("viet.csv").toString());
        assertThat(vi.exitCode()).as(vi.out() + vi.err()).isZero();
        assertThat(jdbc.queryForObject("SELECT received_on || ' ' || due_on FROM dossier", String.class))
                .isEqualTo("2021-02-19 2021-03-03");
    }

    @Test
    void vietnameseExport_withBom_semicolons_quotedLineBreaks() throws Exception {
        String csv = "\uFEFFMã hồ sơ;Lĩnh vực;Tên thủ tục;Hình thức nộp;Ngày tiếp nhận;Ngày hẹn trả;Ngày trả kết quả;"
                + "Kết quả;Ngày tạm dừng;Ngày tiếp tục;Ngày thư xin lỗi;Người nộp\r\n"
                + "H1;Đất đai;\"Cấp giấy; chứng nhận\r\nlần đầu\";Trực tiếp;03/02/2021 08:15;15/02/2021;"
                + "09/02/2021 16:00:00;Đã giải quyết;;;;Nguyễn Văn A\r\n"                  // lines 2-3
                + "H2;ho-tich;Khai sinh;Trực tuyến;2021-02-04;;;;;;;\"Trần, Thị B\"\r\n"    // line 4
                + "H3;Hộ tịch;\"Nhiều\r\ndòng\r\nnữa\";Dịch vụ bưu chính;31/02/2021;;;;;;;\r\n" // lines 5-7
                + "H4;Hộ tịch;Kết hôn;Bưu chính công ích;05/02/2021;;;;;;;\r\n";            // line 8
        Path input = file("vn.csv", csv);
        Run refused = cli("import", "dossiers", input.toString());
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
        assertThat(rejects(tmp.resolve("vn.rejects.csv"))).extracting(r -> r.get(0), r -> r.get(1), r -> r.get(2))
                .containsExactly(tuple("5", "Ngày tiếp nhận", "31/02/2021"));

        Files.writeString(input, csv.replace("31/02/2021", "28/02/2021"), StandardCharsets.UTF_8);
        Run run = cli("import", "dossiers", input.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("4 rows, 4 added");
        assertThat(run.err()).startsWith("Columns not used: Người nộp (");
        Map<String, Object> h1 = jdbc.queryForMap("SELECT * FROM dossier WHERE code = 'H1'");
        assertThat(h1).containsEntry("field_code", "dat-dai").containsEntry("channel", "direct")
                .containsEntry("procedure", "Cấp giấy; chứng nhận\r\nlần đầu").containsEntry("outcome", "resolved");
        assertThat(h1.get("received_on")).hasToString("2021-02-03");
        assertThat(h1.get("finished_on")).hasToString("2021-02-09");
        assertThat(jdbc.queryForList("SELECT channel FROM dossier ORDER BY code", String.class))
                .containsExactly("direct", "online", "postal", "postal");
    }

    @Test
    void headings_matchWhateverTheCaseSpacingOrUnicodeForm() throws Exception {
        String nfd = Normalizer.normalize("Lĩnh vực", Normalizer.Form.NFD);
        String csv = "  MÃ HỒ SƠ ," + nfd + ",thủ tục,KÊNH TIẾP NHẬN,ngày  nhận,Ngày Hẹn Trả,Ngày kết thúc xử lý,KẾT QUẢ\n"
                + "X1," + Normalizer.normalize("Giáo dục Đào tạo", Normalizer.Form.NFD)
                + ",P,TRỰC TUYẾN,2021-02-03,2021-02-10,,\n";
        Run run = cli("import", "dossiers", file("nfd.csv", csv).toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(jdbc.queryForObject("SELECT field_code || ' ' || channel FROM dossier", String.class))
                .isEqualTo("giao-duc-dao-tao online");
    }

    @Test
    void xlsx_withTitleRows_realDateCells_numbers_andSheets() throws Exception {
        Path book = tmp.resolve("export.xlsx");
        try (OutputStream out = Files.newOutputStream(book)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet notes = wb.newWorksheet("Ghi chú");
            notes.value(0, 0, "Xuất từ hệ thống một cửa");
            Worksheet ws = wb.newWorksheet("Hồ sơ");
            ws.value(0, 0, "DANH SÁCH HỒ SƠ THÁNG 02/2021");
            String[] headings = {"STT", "Mã hồ sơ", "Lĩnh vực", "Thủ tục", "Hình thức nộp", "Ngày tiếp nhận",
                    "Ngày hẹn trả", "Ngày có kết quả", "Kết quả"};
            for (int c = 0; c < headings.length; c++) {
                ws.value(2, c, headings[c]);
            }
            Object[][] rows = {
                    {1, 100234, "Đất đai", "Cấp GCN", "Trực tiếp", LocalDate.of(2021, 2, 3), LocalDate.of(2021, 2, 10),
                            LocalDateTime.of(2021, 2, 9, 16, 30), "Đã giải quyết"},
                    {2, "HS-2", "dat-dai", "Cấp GCN", "Trực tuyến", LocalDateTime.of(2021, 2, 4, 8, 0), null, null, null},
                    {3, "HS-3", "Hộ tịch", "Khai sinh", "Trực tiếp", LocalDate.of(2021, 2, 8), null,
                            LocalDate.of(2021, 2, 7), "Đã giải quyết"}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    int row = 3 + r;
                    if (v instanceof LocalDate d) {
                        ws.value(row, c, d);
                        ws.style(row, c).format("dd/mm/yyyy").set();
                    } else if (v instanceof LocalDateTime t) {
                        ws.value(row, c, t);
                        ws.style(row, c).format("dd/mm/yyyy hh:mm").set();
                    } else if (v instanceof Number n) {
                        ws.value(row, c, n);
                    } else if (v != null) {
                        ws.value(row, c, (String) v);
                    }
                }
            }
            wb.finish();
        }
        // Row 6 of the sheet (HS-3) finished before it was received: refused, named by its row number.
        Run refused = cli("import", "dossiers", book.toString(), "--sheet", "Hồ sơ");
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
        assertThat(rejects(tmp.resolve("export.rejects.csv"))).extracting(r -> r.get(0), r -> r.get(1), r -> r.get(2))
                .containsExactly(tuple("6", "Ngày có kết quả", "2021-02-07"));

        Run partial = cli("import", "dossiers", book.toString(), "--sheet", "Hồ sơ", "--accept-partial");
        assertThat(partial.exitCode()).as(partial.err()).isZero();
        assertThat(jdbc.queryForList("SELECT code || ' ' || received_on || ' ' || coalesce(finished_on::text, '-')"
                + " FROM dossier ORDER BY code", String.class))
                .containsExactly("100234 2021-02-03 2021-02-09", "HS-2 2021-02-04 -");

        // Without --sheet, the first sheet that is a dossier list is taken, and named with the others.
        Run firstSheet = cli("import", "dossiers", book.toString());
        assertThat(firstSheet.exitCode()).isEqualTo(2);
        assertThat(firstSheet.err()).contains("Read sheet \"Hồ sơ\"; other sheets: \"Ghi chú\".").contains("Heading: row 3.");
        Run noSuchSheet = cli("import", "dossiers", book.toString(), "--sheet", "Tháng 3");
        assertThat(noSuchSheet.exitCode()).isEqualTo(2);
        assertThat(noSuchSheet.err()).contains("has no sheet \"Tháng 3\"; its sheets are: Ghi chú, Hồ sơ");
    }

    @Test
    void filesThatAreNotTables_getOneClearSentence_andChangeNothing() throws Exception {
        assertThat(cli("import", "dossiers", file("good.csv", HEADINGS
                + "\nG1,dat-dai,P,direct,2021-02-03,,,,,,\n").toString()).exitCode()).isZero();
        String before = dump(jdbc);

        Path binary = tmp.resolve("photo.csv");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        Path utf16 = tmp.resolve("utf16.csv");
        Files.write(utf16, ("\uFEFF" + HEADINGS).getBytes(StandardCharsets.UTF_16LE));
        Path xls = tmp.resolve("old.xls");
        Files.write(xls, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        Path fakeXlsx = tmp.resolve("fake.xlsx");
        Files.write(fakeXlsx, new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5});
        Map<Path, String> expected = new java.util.LinkedHashMap<>();
        expected.put(binary, "is a binary file, not a table: expected a CSV file (heading row first) or an Excel or LibreOffice workbook (.xlsx, .xls, .ods)");
        expected.put(file("empty.csv", ""), "is empty: expected a CSV file");
        expected.put(file("blank.csv", "\uFEFF\n\n  \n"), "is empty: expected a CSV file");
        expected.put(utf16, "has a heading row but no rows of data");
        expected.put(xls, "is not a readable Excel .xls workbook (it may be damaged or protected)");
        expected.put(fakeXlsx, "is a damaged zip file, not a readable workbook");
        expected.put(file("headings.csv", "code,field,channel\nA,dat-dai,direct\n"),
                "line 1: the headings do not match a dossiers file; missing: received_at (\"Ngày tiếp nhận\"),"
                        + " due_at (\"Ngày hẹn trả\"), finished_at (\"Ngày có kết quả\"), outcome (\"Kết quả\") or status"
                        + " (\"Trạng thái\"). Expected: code,field,");
        expected.put(file("twice.csv", "code,Mã hồ sơ,field,channel,received_at,due_at,finished_at,outcome\n"),
                "the headings \"code\" and \"Mã hồ sơ\" both mean code");
        expected.put(file("nodata.csv", HEADINGS + "\n"), "has a heading row but no rows of data");
        expected.put(file("quote.csv", HEADINGS + "\nQ1,dat-dai,\"never closed,direct,2021-02-03,,,,,,\n"),
                "the CSV quoting is broken");
        expected.put(tmp.resolve("missing.csv"), "does not exist");
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            Run run = cli("import", "dossiers", e.getKey().toString());
            assertThat(run.exitCode()).as(e.getKey() + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).as(e.getKey().toString()).contains(e.getValue())
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
            assertThat(dump(jdbc)).as(e.getKey().toString()).isEqualTo(before);
        }
        assertThat(count("import_dossier")).isZero();
    }

    @Test
    void sheetOnACsvFile_isAUsageMistake() throws Exception {
        Run run = cli("import", "dossiers", file("a.csv", HEADINGS + "\n").toString(), "--sheet", "X");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--sheet is for workbooks");
    }
}

package vn.motcua.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.report.DatabaseTest;

/**
 * A centre with five fields of its own and five handling units: its export spells fields by their aliases,
 * one unit by its alias, one unit that the catalogue does not list, and one dossier names no unit. The
 * tables by field and by unit are hand-worked below and must be exactly so in the CSVs, the PDF and the
 * workbook. This test's own jobs folder, {@value #JOBS}, holds the centre's catalogue.
 */
@TestPropertySource(properties = "motcua.jobs=" + CentreCatalogueTest.JOBS)
class CentreCatalogueTest extends DatabaseTest {

    static final String JOBS = "target/test-jobs/centre-catalogue";

    private static final String CATALOGUE = """
            fields:
              - code: xay-dung
                name: Xây dựng
                aliases: [XD - Cấp phép xây dựng]
              - code: dat-dai
                name: Đất đai
                aliases: [Đất đai - Nhà ở]
              - code: tu-phap
                name: Tư pháp - Hộ tịch
                aliases: [Hộ tịch]
              - code: kinh-doanh
                name: Đăng ký kinh doanh
                aliases: [ĐKKD]
              - code: lao-dong
                name: Người có công
                aliases: [LĐTBXH]
            units:
              - code: tnmt
                name: Phòng Tài nguyên và Môi trường
                aliases: [Phòng TN-MT]
              - code: ktht
                name: Phòng Kinh tế và Hạ tầng
              - code: tp
                name: Phòng Tư pháp
              - code: tckh
                name: Phòng Tài chính - Kế hoạch
            """;

    static {
        try {
            Path jobs = Path.of(JOBS);
            Files.createDirectories(jobs.resolve("periods"));
            Files.copy(DatabaseTest.JOBS.resolve("report.yaml"), jobs.resolve("report.yaml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(jobs.resolve("catalogue.yaml"), CATALOGUE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Period 2021-02, cutoff 25: 26/01/2021 – 25/02/2021. C12 finished before the period (not counted); C02
     * and C10 were received before it (carried over). Withdrawn (C07) and returned (C11) count as on time.
     */
    private static final String EXPORT = "DANH SÁCH HỒ SƠ THÁNG 02/2021\n"
            + "Mã hồ sơ;Lĩnh vực;Thủ tục;Hình thức nộp;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Kết quả;Ngày thư xin lỗi;"
            + "Cơ quan giải quyết\n"
            + "C01;XD - Cấp phép xây dựng;Cấp phép;Trực tiếp;01/02/2021;10/02/2021;09/02/2021;Đã giải quyết;;Phòng Kinh tế và Hạ tầng\n"
            + "C02;Xây dựng;Cấp phép;Trực tuyến;20/01/2021;05/02/2021;08/02/2021;Đã giải quyết;;Phòng Kinh tế và Hạ tầng\n"
            + "C03;Đất đai - Nhà ở;Tách thửa;Trực tiếp;02/02/2021;12/02/2021;12/02/2021;Đã giải quyết;;Phòng TN-MT\n"
            + "C04;đất  đai;Tách thửa;Bưu chính công ích;03/02/2021;15/02/2021;;;;phòng tn-mt\n"
            + "C05;Đất đai;Cấp GCN;Trực tuyến;10/02/2021;05/03/2021;;;;Phòng Tài nguyên và Môi trường\n"
            + "C06;Hộ tịch;Khai sinh;Trực tiếp;15/02/2021;16/02/2021;18/02/2021;Đã giải quyết;17/02/2021;"
            + Normalizer.normalize("PHÒNG TƯ PHÁP", Normalizer.Form.NFD) + "\n"
            + "C07;Tư pháp - Hộ tịch;Khai tử;Trực tuyến;20/02/2021;22/02/2021;22/02/2021;Rút hồ sơ;;Phòng Tư pháp\n"
            + "C08;ĐKKD;Hộ kinh doanh;Trực tiếp;05/02/2021;08/02/2021;12/02/2021;Đã giải quyết;;Phòng Tài chính - Kế hoạch\n"
            + "C09;Đăng ký kinh doanh;Hộ kinh doanh;Trực tiếp;06/02/2021;20/02/2021;;;;UBND xã  An Phú\n"
            + "C10;LĐTBXH;Trợ cấp;Trực tuyến;10/01/2021;01/03/2021;;;;\n"
            + "C11;Người có công;Trợ cấp;Trực tiếp;01/02/2021;25/02/2021;24/02/2021;Trả lại;;UBND xã An Phú\n"
            + "C12;Xây dựng;Cấp phép;Trực tiếp;05/01/2021;10/01/2021;20/01/2021;Đã giải quyết;;Phòng Kinh tế và Hạ tầng\n";

    /** The seed form's (3)–(11): total, carried over, new, resolved, on time, late, pending, not yet due, overdue. */
    private static final List<String> BY_FIELD = List.of(
            "1,xay-dung,Xây dựng,2,1,1,2,1,1,0,0,0",
            "2,dat-dai,Đất đai,3,0,3,1,1,0,2,1,1",
            "3,tu-phap,Tư pháp - Hộ tịch,2,0,2,2,1,1,0,0,0",
            "4,kinh-doanh,Đăng ký kinh doanh,2,0,2,1,0,1,1,0,1",
            "5,lao-dong,Người có công,2,1,1,1,1,0,1,1,0",
            "\"\",TOTAL,Tổng cộng,11,2,9,7,4,3,4,2,2");
    private static final List<String> BY_UNIT = List.of(
            "1,tnmt,Phòng Tài nguyên và Môi trường,3,0,3,1,1,0,2,1,1",
            "2,ktht,Phòng Kinh tế và Hạ tầng,2,1,1,2,1,1,0,0,0",
            "3,tp,Phòng Tư pháp,2,0,2,2,1,1,0,0,0",
            "4,tckh,Phòng Tài chính - Kế hoạch,1,0,1,1,0,1,0,0,0",
            "5,UBND xã An Phú,UBND xã An Phú,2,0,2,1,1,0,1,0,1",
            "6,Chưa xác định đơn vị,Chưa xác định đơn vị,1,1,0,0,0,0,1,1,0",
            "\"\",TOTAL,Tổng cộng,11,2,9,7,4,3,4,2,2");
    /** Biểu 06's (3)–(13) by unit: total, new online, new direct/postal, carried, resolved, early, on time, late, pending, in time, overdue. */
    private static final long[][] NATIONAL_BY_UNIT = {
            {3, 1, 2, 0, 1, 0, 1, 0, 2, 1, 1},
            {2, 0, 1, 1, 2, 1, 0, 1, 0, 0, 0},
            {2, 1, 1, 0, 2, 0, 1, 1, 0, 0, 0},
            {1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0},
            {2, 0, 2, 0, 1, 0, 1, 0, 1, 0, 1},
            {1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0},
            {11, 2, 7, 2, 7, 1, 3, 3, 4, 2, 2}};
    private static final String[] UNIT_NAMES = {"Phòng Tài nguyên và Môi trường", "Phòng Kinh tế và Hạ tầng",
            "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch", "UBND xã An Phú", "Chưa xác định đơn vị", "Tổng cộng"};

    @Test
    void ownFieldsAndUnits_giveExactTablesByFieldAndByUnit_inTheCsvs_thePdf_andTheWorkbook() throws Exception {
        Run imported = cli("import", "dossiers", file("export.csv", EXPORT).toString());
        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
        assertThat(imported.out()).contains("Units the catalogue (jobs/catalogue.yaml) does not list, counted under these"
                + " names after its units: UBND xã An Phú (2 dossiers).");
        Run run = cli("run", "--period", "2021-02", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path dir = tmp.resolve("2021-02");

        // The CSVs (UTF-8 with a BOM).
        List<String> byField = Files.readAllLines(dir.resolve("bao-cao-2021-02-r1.csv"));
        assertThat(byField.get(0)).isEqualTo("\uFEFFno,field,name,total,carried_over,new,resolved,on_time,late,pending,not_yet_due,overdue");
        assertThat(byField.subList(1, byField.size())).containsExactlyElementsOf(BY_FIELD);
        List<String> byUnit = Files.readAllLines(dir.resolve("bao-cao-2021-02-r1-don-vi.csv"));
        assertThat(byUnit.get(0)).isEqualTo("\uFEFFno,unit,name,total,carried_over,new,resolved,on_time,late,pending,not_yet_due,overdue");
        assertThat(byUnit.subList(1, byUnit.size())).containsExactlyElementsOf(BY_UNIT);

        // The PDF: section 1 by field, appendix 04 by unit, the lists grouped by unit, section 3's sentence.
        PdfText doc = PdfText.read(dir.resolve("bao-cao-2021-02-r1.pdf"));
        List<String> section1 = tableLines(doc.bodyByPosition().get(0), 9);
        assertThat(section1).containsExactly(
                "1 Xây dựng 2 1 1 2 1 1 0 0 0",
                "2 Đất đai 3 0 3 1 1 0 2 1 1",
                "3 Tư pháp - Hộ tịch 2 0 2 2 1 1 0 0 0",
                "4 Đăng ký kinh doanh 2 0 2 1 0 1 1 0 1",
                "5 Người có công 2 1 1 1 1 0 1 1 0",
                "Tổng cộng 11 2 9 7 4 3 4 2 2");
        int appendix = pageWith(doc, "PHỤ LỤC 04");
        assertThat(doc.flat(appendix)).contains("THEO CƠ QUAN, ĐƠN VỊ GIẢI QUYẾT", "Cơ quan, đơn vị giải quyết",
                "(1) (2) (3) (4) (5) (6) (7) (8) (9) (10) (11) (12) (13)");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < NATIONAL_BY_UNIT.length; i++) {
            StringBuilder line = new StringBuilder(i < 6 ? (i + 1) + " " : "").append(UNIT_NAMES[i]);
            for (long n : NATIONAL_BY_UNIT[i]) {
                line.append(' ').append(n);
            }
            expected.add(line.toString());
        }
        assertThat(tableLines(doc.bodyByPosition().get(appendix - 1), 11)).containsExactlyElementsOf(expected);
        String lists = doc.byPosition(pageWith(doc, "PHỤ LỤC 02"));
        assertThat(lists).containsSubsequence("a) Hồ sơ đã giải quyết trễ hẹn: 3 hồ sơ",
                "Phòng Kinh tế và Hạ tầng: 1 hồ sơ", "C02", "Phòng Tư pháp: 1 hồ sơ", "C06",
                "Phòng Tài chính - Kế hoạch: 1 hồ sơ", "C08",
                "b) Hồ sơ đang giải quyết quá hạn tại ngày 25/02/2021: 2 hồ sơ",
                "Phòng Tài nguyên và Môi trường: 1 hồ sơ", "C04", "UBND xã An Phú: 1 hồ sơ", "C09");
        // One each: in the table's order.
        assertThat(doc.flat()).contains("Các cơ quan, đơn vị có hồ sơ giải quyết trễ hẹn hoặc đang giải quyết quá hạn"
                + " trong kỳ: Phòng Tài nguyên và Môi trường (01 hồ sơ đang giải quyết quá hạn); Phòng Kinh tế và Hạ tầng"
                + " (01 hồ sơ giải quyết trễ hẹn); Phòng Tư pháp (01 hồ sơ giải quyết trễ hẹn); Phòng Tài chính -"
                + " Kế hoạch (01 hồ sơ giải quyết trễ hẹn); UBND xã An Phú (01 hồ sơ đang giải quyết quá hạn).");

        // explain --unit: the dossiers of a cell of the table by unit, by code or by name.
        Run anPhu = cli("explain", "--period", "2021-02", "--unit", "ubnd xã an phú", "--column", "overdue");
        assertThat(anPhu.exitCode()).as(anPhu.err()).isZero();
        assertThat(anPhu.out()).contains("unit UBND xã An Phú, column overdue: 1 dossiers (the table by unit says 1)")
                .contains("C09").doesNotContain("C04");
        Run tnmt = cli("explain", "--period", "2021-02", "--unit", "tnmt", "--column", "total", "--csv");
        assertThat(tnmt.out().lines().skip(1).map(l -> l.substring(0, 3)).toList()).containsExactly("C03", "C04", "C05");
        Run both = cli("explain", "--period", "2021-02", "--unit", "tnmt", "--field", "dat-dai", "--column", "overdue");
        assertThat(both.out()).contains("unit Phòng Tài nguyên và Môi trường, field dat-dai, column overdue: 1 dossiers");
        Run unknown = cli("explain", "--period", "2021-02", "--unit", "Phòng Y tế", "--column", "total");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown unit 'Phòng Y tế'").contains("tnmt, ktht, tp, tckh, UBND xã An Phú");

        // The workbook, read back with fastexcel's reader: the three forms as numbers, the lists complete.
        try (ReadableWorkbook wb = new ReadableWorkbook(dir.resolve("bao-cao-2021-02-r1.xlsx").toFile())) {
            List<Row> seed = wb.findSheet(ReportWorkbook.SEED_SHEET).orElseThrow().read();
            List<String> seedRows = new ArrayList<>();
            for (Row r : seed) {
                if (r.getRowNum() >= 9) {
                    seedRows.add(r.getCellText(0) + "," + r.getCellText(1) + "," + numbers(r, 2, 9));
                }
            }
            assertThat(seedRows).containsExactly(
                    "1,Xây dựng,2,1,1,2,1,1,0,0,0",
                    "2,Đất đai,3,0,3,1,1,0,2,1,1",
                    "3,Tư pháp - Hộ tịch,2,0,2,2,1,1,0,0,0",
                    "4,Đăng ký kinh doanh,2,0,2,1,0,1,1,0,1",
                    "5,Người có công,2,1,1,1,1,0,1,1,0",
                    "Tổng cộng,,11,2,9,7,4,3,4,2,2");
            List<Row> units = wb.findSheet(ReportWorkbook.UNIT_SHEET).orElseThrow().read();
            List<String> unitRows = new ArrayList<>();
            for (Row r : units) {
                if (r.getRowNum() >= 9) {
                    unitRows.add(r.getCellText(0) + " " + r.getCellText(1) + " " + numbers(r, 2, 11).replace(',', ' '));
                }
            }
            List<String> expectedUnits = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                expectedUnits.add(i < 6 ? expected.get(i) : expected.get(i).replace("Tổng cộng ", "Tổng cộng  "));
            }
            assertThat(unitRows).containsExactlyElementsOf(expectedUnits);
            List<Row> overdue = wb.findSheet(ReportWorkbook.OVERDUE_SHEET).orElseThrow().read();
            assertThat(overdue.stream().filter(r -> r.getRowNum() >= 6).map(r -> r.getCellText(1) + " " + r.getCellText(7)))
                    .containsExactly("C04 Phòng Tài nguyên và Môi trường", "C09 UBND xã An Phú");
        }
    }

    /** Lines of a page's table: a number and a name (or "Tổng cộng"), then {@code figures} numbers. */
    private static List<String> tableLines(String page, int figures) {
        Pattern row = Pattern.compile("^((?:\\d+ )?\\D+?) ((?:\\d+ ){" + (figures - 1) + "}\\d+)$");
        List<String> lines = new ArrayList<>();
        for (String line : page.lines().map(l -> l.replaceAll("\\s+", " ").strip()).toList()) {
            Matcher m = row.matcher(line);
            if (m.matches() && !line.startsWith("(")) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String numbers(Row r, int first, int count) {
        List<String> n = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            n.add(r.getCellAsNumber(i).map(BigDecimal::toBigIntegerExact).map(Object::toString).orElse("?"));
        }
        return String.join(",", n);
    }

    private static int pageWith(PdfText doc, String text) {
        for (int i = 1; i <= doc.pages(); i++) {
            if (doc.flat(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no page has " + text);
    }
}

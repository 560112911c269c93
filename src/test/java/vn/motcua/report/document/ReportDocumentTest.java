package vn.motcua.report.document;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.report.classify.Counter.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.config.PeriodTexts;
import vn.motcua.report.config.ReportSettings;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.period.PeriodName;

/** The draft PDF the report job writes, read back with PDFBox and compared with the job's own rows. */
class ReportDocumentTest extends DatabaseTest {

    private static final float A4_SHORT = 595.28f;
    private static final float A4_LONG = 841.89f;
    /** A table line: number, field name, then figures ("1.234" style). */
    private static final Pattern ROW = Pattern.compile("^(\\d+) (\\D+?) ((?:[\\d.]+ )*[\\d.]+)$");
    private static final Pattern TOTAL_ROW = Pattern.compile("^Tổng cộng ((?:[\\d.]+ )*[\\d.]+)$");

    @Autowired
    RevisionRepository revisions;

    @Autowired
    JobsFolder jobs;

    @Autowired
    ReportDocuments documents;

    @Test
    void demo_writesTheSeedReportAsADraftPdf() throws Exception {
        Run run = cli("demo", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path pdf = tmp.resolve("2021-02/bao-cao-2021-02-r1.pdf");
        assertThat(run.out()).contains("Wrote " + pdf);
        PdfText doc = PdfText.read(pdf);

        // A4 pages (the appendix tables are landscape A4), every font embedded, the Vietnamese serif.
        assertThat(doc.pages()).isGreaterThanOrEqualTo(5);
        for (float[] size : doc.pageSizes()) {
            float[] sorted = {Math.min(size[0], size[1]), Math.max(size[0], size[1])};
            assertThat(sorted[0]).isCloseTo(A4_SHORT, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(sorted[1]).isCloseTo(A4_LONG, org.assertj.core.data.Offset.offset(0.5f));
        }
        assertThat(doc.pageSizes().get(0)[0]).as("page 1 is portrait").isLessThan(doc.pageSizes().get(0)[1]);
        assertThat(doc.notEmbedded()).isEmpty();
        assertThat(doc.fonts()).isNotEmpty().allMatch(f -> f.contains("LiberationSerif"));

        // Every page is marked as a draft; page numbers from page 2 on, in the top margin.
        assertThat(doc.margin(1)).isEqualTo("DỰ THẢO");
        for (int i = 2; i <= doc.pages(); i++) {
            assertThat(doc.margin(i)).as("page %d", i).isEqualTo(i + " DỰ THẢO");
        }
        String stamp = "DỰTHẢO".chars().sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        for (int i = 1; i <= doc.pages(); i++) {
            assertThat(doc.stampLetters(i)).as("the diagonal stamp on page %d", i).isEqualTo(stamp);
        }
        assertThat(doc.flat(1)).doesNotContain("DỰ THẢO").as("decorations are outside the body");

        // Header, title, subject, the period's dates.
        String page1 = doc.flat(1);
        assertThat(page1).contains("UBND HUYỆN AN HÒA", "TRUNG TÂM HÀNH CHÍNH CÔNG",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 15/BC-TTHCC",
                "An Hòa, ngày 26 tháng 02 năm 2021", "BÁO CÁO",
                "Tình hình tiếp nhận, giải quyết và trả kết quả theo cơ chế một cửa tại Trung tâm Hành chính công tháng 02/2021",
                "trong thời gian từ ngày 26/01/2021 đến ngày 25/02/2021 như sau:", "1. Tình hình tiếp nhận, giải quyết");
        // The seed's two-level headings and column numbers.
        assertThat(doc.flat(1)).contains("STT", "Lĩnh vực, công việc giải quyết theo cấp", "Hồ sơ nhận giải quyết",
                "Kết quả giải quyết", "Ghi chú", "Trong đó", "Hồ sơ đã giải quyết", "Hồ sơ đang giải quyết",
                "Số kỳ trước chuyển qua", "Số mới tiếp nhận", "Trả đúng thời hạn", "Trả quá hạn", "Chưa đến hạn",
                "(1) (2) (3) (4) (5) (6) (7) (8) (9) (10) (11) (12)");

        // Section 1: every cell equals the job's rows; the identities hold in what is printed.
        ReportTable table = revisions.table(revisions.find(PeriodName.parse("2021-02"), 1).orElseThrow());
        List<long[]> printed = rows(doc.bodyByPosition().get(0), 9);
        assertThat(printed).hasSize(19);
        for (int i = 0; i < 18; i++) {
            assertThat(printed.get(i)).as("row %d", i + 1).containsExactly(seedColumns(table.rows().get(i).counts()));
        }
        assertThat(printed.get(18)).as("Tổng cộng").containsExactly(seedColumns(table.total()))
                .containsExactly(497, 48, 449, 467, 459, 8, 30, 29, 1);
        for (long[] r : printed) {
            assertThat(r[0]).isEqualTo(r[1] + r[2]).isEqualTo(r[3] + r[6]);
            assertThat(r[3]).isEqualTo(r[4] + r[5]);
            assertThat(r[6]).isEqualTo(r[7] + r[8]);
        }
        for (int c = 0; c < 9; c++) {
            long sum = 0;
            for (int i = 0; i < 18; i++) {
                sum += printed.get(i)[c];
            }
            assertThat(printed.get(18)[c]).as("total of column (%d)", c + 3).isEqualTo(sum);
        }

        // Section 2: the computed sentences in the seed's wording, then the staff text; section 3.
        String text = doc.flat();
        assertThat(text).contains("2. Tình hình hoạt động và phối hợp giải quyết hồ sơ",
                "Kết quả giải quyết hồ sơ tháng 02/2021, có 8/467 hồ sơ đã giải quyết trễ hẹn, chiếm tỷ lệ 1,7%.",
                "có 08 hồ sơ giải quyết trễ hẹn nhưng chỉ ban hành 01 thư xin lỗi.",
                "01 hồ sơ đang giải quyết quá hạn chưa có thư xin lỗi",
                "từ Trung tâm Hành chính công huyện về cấp xã là 25 lượt và lên Trung tâm Phục vụ Hành chính công tỉnh 01 lượt, "
                        + "ngược lại từ cấp xã lên Trung tâm Hành chính công huyện là 38 lượt và từ Trung tâm Phục vụ Hành "
                        + "chính công tỉnh về Trung tâm Hành chính công huyện 01 lượt.",
                "Cụ thể: từ ngày 17/02 đến 25/02 đã tiếp nhận và xử lý 697 hồ sơ, bình quân mỗi ngày khoảng 100 hồ sơ.",
                "3. Kiến nghị, đề xuất",
                // Section 3 names the units with late or overdue dossiers, most first.
                "- Các cơ quan, đơn vị có hồ sơ giải quyết trễ hẹn hoặc đang giải quyết quá hạn trong kỳ: Phòng Lao động"
                        + " - Thương binh và Xã hội (05 hồ sơ giải quyết trễ hẹn); Phòng Tài nguyên và Môi trường (03 hồ sơ"
                        + " giải quyết trễ hẹn, 01 hồ sơ đang giải quyết quá hạn).");
        assertThat(text.indexOf("chiếm tỷ lệ 1,7%")).isLessThan(text.indexOf("Trong tháng 02/2021, Trung tâm tiếp tục"));
        // Every staff paragraph reads back exactly (Vietnamese round trip).
        PeriodTexts texts = jobs.periodTexts(Period.of("2021-02", CutoffDay.parse("25")));
        assertThat(texts.section2()).hasSize(5);
        assertThat(texts.section3()).hasSize(4);
        for (String paragraph : concat(texts.section2(), texts.section3())) {
            assertThat(text).contains(paragraph.replaceAll("\\s+", " "));
        }
        assertThat(text.indexOf("3. Kiến nghị, đề xuất")).isGreaterThan(text.indexOf("khá tốt."));

        // Recipients and signature block.
        assertThat(text).contains("Nơi nhận:", "- CT và các PCT UBND huyện;", "- Lưu: TT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
                "Nguyễn Văn An");

        // Appendix 01, Biểu 06: 13 columns, each cell from the job's rows, its identities.
        int form = pageWith(doc, "PHỤ LỤC 01");
        assertThat(doc.pageSizes().get(form - 1)[0]).as("landscape").isGreaterThan(doc.pageSizes().get(form - 1)[1]);
        assertThat(doc.flat(form)).contains("Biểu số 06", "Số mới tiếp nhận trực tuyến", "Trả trước hạn", "Trong hạn",
                "(1) (2) (3) (4) (5) (6) (7) (8) (9) (10) (11) (12) (13)", "488/497 = 98,2%");
        List<long[]> national = rows(doc.bodyByPosition().get(form - 1), 11);
        assertThat(national).hasSize(19);
        for (int i = 0; i < 19; i++) {
            Tally t = i < 18 ? table.rows().get(i).counts() : table.total();
            assertThat(national.get(i)).as("Biểu 06 row %d", i + 1).containsExactly(t.get(TOTAL), t.get(NEW_ONLINE),
                    t.get(NEW_DIRECT) + t.get(NEW_POSTAL), t.get(CARRIED_OVER), t.get(RESOLVED), t.get(EARLY),
                    t.get(ON_TIME), t.get(LATE), t.get(PENDING), t.get(NOT_YET_DUE), t.get(OVERDUE));
            long[] r = national.get(i);
            assertThat(r[0]).isEqualTo(r[1] + r[2] + r[3]).isEqualTo(r[4] + r[8]);
            assertThat(r[4]).isEqualTo(r[5] + r[6] + r[7]);
            assertThat(r[8]).isEqualTo(r[9] + r[10]);
        }

        // Appendix 02: every late and every overdue dossier of the revision, with its apology letter.
        int list = pageWith(doc, "PHỤ LỤC 02");
        String listText = doc.flat(list);
        assertThat(listText).contains("a) Hồ sơ đã giải quyết trễ hẹn: 8 hồ sơ",
                "b) Hồ sơ đang giải quyết quá hạn tại ngày 25/02/2021: 1 hồ sơ", "Đang giải quyết");
        List<String> lateCodes = jdbc.queryForList("""
                SELECT d.code FROM report_dossier rd JOIN dossier d ON d.id = rd.dossier_id
                 WHERE rd.result IN ('LATE', 'OVERDUE')""", String.class);
        assertThat(lateCodes).hasSize(9).allSatisfy(code -> assertThat(listText).contains(code));
        assertThat(listText.split("Có, ngày ", -1)).as("one apology letter dated by the cutoff").hasSize(2);

        // Appendix 03: the charts, with this period's late rate.
        int charts = pageWith(doc, "PHỤ LỤC 03");
        assertThat(doc.flat(charts)).contains("a) Kết quả giải quyết theo lĩnh vực", "2. Đất đai", "145 / 3 / 24",
                "b) Tỷ lệ hồ sơ giải quyết trễ hẹn qua các kỳ báo cáo", "02/2021", "1,7%", "8/467",
                "chưa có báo cáo hoàn thành của kỳ trước");
    }

    @Test
    void theRendererAlone_finalWithAnotherSigner_hasNoDraftMark_andReportsWhereTheSignatureGoes() throws Exception {
        assertThat(cli("demo", "--out", tmp.toString()).exitCode()).isZero();
        ReportDocumentData data = documents.data(revisions.find(PeriodName.parse("2021-02"), 1).orElseThrow())
                .withSigner(new ReportSettings.Signer(null, "GIÁM ĐỐC", "Trần Thị Bình"));
        Path pdf = tmp.resolve("final.pdf");
        ReportDocument.Rendered rendered;
        try (var out = Files.newOutputStream(pdf)) {
            rendered = ReportDocument.render(data, false, out);
        }
        PdfText doc = PdfText.read(pdf);
        assertThat(rendered.pages()).isEqualTo(doc.pages());
        for (int i = 1; i <= doc.pages(); i++) {
            assertThat(doc.margin(i)).as("page %d", i).doesNotContain("DỰ THẢO");
            assertThat(doc.stampLetters(i)).isEmpty();
        }
        String text = doc.flat();
        assertThat(text).contains("GIÁM ĐỐC Trần Thị Bình").doesNotContain("KT. GIÁM ĐỐC").doesNotContain("Nguyễn Văn An");
        // The signature space lies on the page of the signature block, between the title and the name.
        assertThat(rendered.signaturePage()).isBetween(1, doc.pages());
        assertThat(doc.flat(rendered.signaturePage())).contains("Trần Thị Bình");
        float[] box = rendered.signatureRectangle();
        assertThat(box[3] - box[1]).isCloseTo(ClosingPart.SIGNATURE_SPACE, org.assertj.core.data.Offset.offset(1f));
        assertThat(box[2]).isGreaterThan(box[0]);

        // Speed is printed, not asserted: the 18-field demo rendered a few times in a warm JVM.
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            ReportDocument.render(documents.data(revisions.find(PeriodName.parse("2021-02"), 1).orElseThrow()), true,
                    java.io.OutputStream.nullOutputStream());
            System.out.printf("render 2021-02 (18 fields): %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }
    }

    @Test
    void periodWithoutItsFile_stillGivesACompleteReport_withTheStaffPartsMarked_andTheLateRateOfEarlierPeriods()
            throws Exception {
        assertThat(cli("demo", "--out", tmp.toString()).exitCode()).isZero();
        assertThat(Files.exists(JOBS.resolve("periods/2021-03.yaml"))).isFalse();
        Run run = cli("run", "--period", "2021-03", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        PdfText doc = PdfText.read(tmp.resolve("2021-03/bao-cao-2021-03-r1.pdf"));
        String text = doc.flat();
        assertThat(text).contains("Số: /BC-TTHCC", "An Hòa, ngày tháng năm", "tháng 03/2021",
                "từ ngày 26/02/2021 đến ngày 25/03/2021", "3. Kiến nghị, đề xuất", "Nơi nhận:", "PHỤ LỤC 03");
        assertThat(text.split(Pattern.quote("[Chưa nhập nội dung: chưa có tệp jobs/periods/2021-03.yaml."), -1))
                .as("sections 2 and 3 are marked").hasSize(3);
        // The figures computed from the data are there all the same.
        assertThat(text).contains("Kết quả giải quyết hồ sơ tháng 03/2021", "Về thư xin lỗi");
        // 2021-02 completed before: its late rate stands before this period's on the chart.
        String charts = doc.byPosition(pageWith(doc, "PHỤ LỤC 03"));
        assertThat(charts).contains("02/2021", "03/2021", "8/467").doesNotContain("chưa có báo cáo hoàn thành");
        assertThat(charts).contains("02/2021 03/2021").contains("8/467 2/23");
        for (int i = 0; i < doc.pages(); i++) {
            assertThat(doc.margin(i + 1)).endsWith("DỰ THẢO");
        }
    }

    /**
     * 1,500 late dossiers, 1 to 15 days late (100 of each): the PDF lists the 1,000 latest (15 down to 6 days)
     * over many pages, headings repeated, then says how many more and where they all are; the workbook has all.
     */
    @Test
    void longListOfLateDossiers_runsOverManyPages_withTheHeadingsRepeated_upToTheLimit() throws Exception {
        int late = 1500;
        jdbc.update("""
                INSERT INTO dossier (code, field_code, procedure, channel, received_on, due_on, finished_on, outcome)
                SELECT 'LATE-' || lpad(i::text, 5, '0'), 'dat-dai', 'Cấp GCN', 'direct',
                       DATE '2021-03-01', DATE '2021-03-05', DATE '2021-03-05' + (i % 15 + 1), 'resolved'
                  FROM generate_series(1, ?) AS i""", late);
        Run run = cli("run", "--period", "2021-03", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        PdfText doc = PdfText.read(tmp.resolve("2021-03/bao-cao-2021-03-r1.pdf"));

        int first = pageWith(doc, "PHỤ LỤC 02");
        int charts = pageWith(doc, "PHỤ LỤC 03");
        assertThat(charts - first).as("list pages").isGreaterThanOrEqualTo(10);
        assertThat(doc.flat(first)).contains("a) Hồ sơ đã giải quyết trễ hẹn: 1.500 hồ sơ");
        List<String> listed = new ArrayList<>();
        for (int p = first; p < charts; p++) {
            String page = doc.flat(p);
            assertThat(doc.flat(p)).as("page %d repeats the headings", p)
                    .contains(String.join(" ", DossierListAppendix.HEADINGS));
            Matcher m = Pattern.compile("LATE-\\d{5}").matcher(page);
            while (m.find()) {
                listed.add(m.group());
            }
        }
        assertThat(listed).hasSize(1000).doesNotHaveDuplicates();
        List<String> worst = jdbc.queryForList("SELECT code FROM dossier WHERE finished_on - due_on >= 6 ORDER BY code",
                String.class);
        assertThat(listed.stream().sorted()).as("the 1,000 latest").containsExactlyElementsOf(worst);
        String firstPage = doc.flat(first);
        assertThat(firstPage).as("worst first").containsPattern("1 LATE-\\d{5} Đất đai \\S+ 05/03/2021 20/03/2021 15 ");
        assertThat(doc.flat(charts - 1)).contains("1.000 LATE-").doesNotContain("1.001 LATE-");
        // (the justified line may break after the hyphen of the file name)
        assertThat(doc.flat(charts - 1).replace("2021- 03", "2021-03")).contains("Danh sách trên gồm 1.000 hồ sơ trễ hẹn nhiều ngày nhất; còn 500 hồ sơ khác. Đủ cả 1.500 hồ sơ "
                        + "có trong bảng tính bao-cao-2021-03-r1.xlsx kèm theo báo cáo này.");
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                tmp.resolve("2021-03/bao-cao-2021-03-r1.xlsx").toFile())) {
            assertThat(wb.findSheet(ReportWorkbook.LATE_SHEET).orElseThrow().read().stream()
                    .filter(r -> r.getCellText(1).startsWith("LATE-")).count()).as("the workbook has them all").isEqualTo(late);
        }
        assertThat(doc.flat()).contains("có 1.500/1.500 hồ sơ đã giải quyết trễ hẹn, chiếm tỷ lệ 100,0%");
        for (int i = 0; i < doc.pages(); i++) {
            assertThat(doc.margin(i + 1)).endsWith("DỰ THẢO");
        }
    }

    /**
     * A correction cites the last revision that was signed off (issued), not the latest draft; one that
     * replaces nothing issued says nothing of the kind. A period not yet closed is marked provisional.
     */
    @Test
    void theReplacesSentence_citesTheLastIssuedRevision_andAnOpenPeriodIsProvisional() throws Exception {
        assertThat(cli("demo", "--out", tmp.toString()).exitCode()).isZero();
        Run r2 = cli("rerun", "--period", "2021-02", "--reason", "bổ sung hồ sơ", "--out", tmp.toString());
        assertThat(r2.exitCode()).as(r2.err()).isZero();
        String second = PdfText.read(tmp.resolve("2021-02/bao-cao-2021-02-r2.pdf")).flat();
        assertThat(second).as("revision 1 was never issued").doesNotContain("thay thế").doesNotContain("Lý do điều chỉnh")
                .doesNotContain("số liệu tạm tính");

        Run signed = cli("sign-off", "--period", "2021-02", "--revision", "1", "--signer", "Nguyễn Văn A", "--position",
                "PHÓ GIÁM ĐỐC", "--out", tmp.toString());
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        Run r3 = cli("rerun", "--period", "2021-02", "--reason", "sửa ngày hẹn", "--out", tmp.toString());
        assertThat(r3.exitCode()).as(r3.err()).isZero();
        String third = PdfText.read(tmp.resolve("2021-02/bao-cao-2021-02-r3.pdf")).flat();
        assertThat(third).contains("Báo cáo này (lần 3) thay thế Báo cáo số 15/BC-TTHCC ngày 26/02/2021 (lần 1). "
                + "Lý do điều chỉnh: sửa ngày hẹn.").doesNotContain("(lần 2)");

        // The period that holds today (cutoff 25) ends after today: its figures are provisional.
        java.time.LocalDate today = java.time.LocalDate.now(vn.motcua.report.period.VietnamTime.ZONE);
        java.time.YearMonth month = java.time.YearMonth.from(today).plusMonths(today.getDayOfMonth() >= 25 ? 1 : 0);
        String open = month.toString();
        Run run = cli("run", "--period", open, "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(PdfText.read(tmp.resolve(open + "/bao-cao-" + open + "-r1.pdf")).flat())
                .contains("Báo cáo được lập trước ngày kết thúc kỳ báo cáo (25/" + open.substring(5) + "/"
                        + open.substring(0, 4) + ") nên là số liệu tạm tính");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static int pageWith(PdfText doc, String text) {
        for (int i = 1; i <= doc.pages(); i++) {
            if (doc.flat(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no page has " + text);
    }

    /** The table rows printed on a page (read by position), then its "Tổng cộng" row: {@code figures} numbers each. */
    private static List<long[]> rows(String page, int figures) {
        List<long[]> rows = new ArrayList<>();
        for (String line : page.lines().map(l -> l.replaceAll("\\s+", " ").strip()).toList()) {
            Matcher m = ROW.matcher(line);
            Matcher t = TOTAL_ROW.matcher(line);
            String numbers = m.matches() ? m.group(3) : t.matches() ? t.group(1) : null;
            if (numbers == null) {
                continue;
            }
            long[] values = Arrays.stream(numbers.split(" ")).mapToLong(s -> Long.parseLong(s.replace(".", ""))).toArray();
            if (values.length == figures) {
                rows.add(values);
            }
        }
        return rows;
    }

    private static long[] seedColumns(Tally t) {
        return new long[] {t.get(TOTAL), t.get(CARRIED_OVER), t.newReceived(), t.get(RESOLVED), t.onTimeOrEarly(),
                t.get(LATE), t.get(PENDING), t.get(NOT_YET_DUE), t.get(OVERDUE)};
    }
}

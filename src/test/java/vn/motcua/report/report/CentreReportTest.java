package vn.motcua.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.centre.Centres;
import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.period.PeriodName;
import vn.motcua.report.revision.CsvTables;
import vn.motcua.report.revision.ReportKey;
import vn.motcua.report.revision.ReportStateException;
import vn.motcua.report.revision.ReportRow;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;

/**
 * One listed centre's report (run --centre CODE): today's report over the dossiers that centre received, matched by
 * its code, name or alias whatever the case or spacing, with its own revisions, header, signer, recipients, period
 * texts and files. A small province export: An Phú's dossiers by its name, its alias (written otherwise) and its
 * code; Bình An's; the province's own centre's; a centre centres.yaml does not list; and some with no centre. The
 * expected tables are counted by hand below (docs/counting.md; February 2021 closed on the 25th: 26/01 to 25/02).
 */
@TestPropertySource(properties = "motcua.jobs=" + CentreReportTest.JOBS)
class CentreReportTest extends DatabaseTest {

    static final String JOBS = "target/test-jobs/centre-report";

    private static final PeriodName FEBRUARY = PeriodName.parse("2021-02");

    private static final String CENTRES = """
            consolidation:
              code: tong-hop
              parent-body: UBND tỉnh Hà Tiên
              name: Văn phòng UBND tỉnh
              place: Hà Tiên
              symbol: VPUBND
              signer: {position: CHÁNH VĂN PHÒNG, name: Lê Thị Hoa}
              recipients: [Lưu VT.]
            centres:
              - code: xa-an-phu
                name: Trung tâm Phục vụ hành chính công xã An Phú
                level: commune
                parent-body: UBND xã An Phú
                place: An Phú
                symbol: TTPVHCC
                aliases: [TTPVHCC xã An Phú]
                signer: {on-behalf: KT. GIÁM ĐỐC, position: PHÓ GIÁM ĐỐC, name: Trần Văn Bình}
                recipients: [Văn phòng UBND tỉnh Hà Tiên, Lưu VT xã An Phú.]
              - code: xa-binh-an
                name: Trung tâm Phục vụ hành chính công xã Bình An
                level: commune
                parent-body: UBND xã Bình An
                place: Bình An
                symbol: TTPVHCC
              - code: tinh
                name: Trung tâm Phục vụ hành chính công tỉnh Hà Tiên
                level: province
                parent-body: Văn phòng UBND tỉnh Hà Tiên
                place: Hà Tiên
                symbol: TTPVHCC
            """;

    /** code, field, channel, received, due, finished, outcome, receiving centre. */
    private static final String EXPORT = """
            code;field;channel;received_at;due_at;finished_at;outcome;centre
            A1;Đất đai;direct;2021-02-01;2021-02-20;2021-02-15;resolved;Trung tâm Phục vụ hành chính công xã An Phú
            A2;Đất đai;online;2021-02-03;2021-02-10;2021-02-18;resolved;ttpvhcc   XÃ an phú
            A3;Hộ tịch;direct;2021-01-10;2021-02-05;;;xa-an-phu
            A4;Hộ tịch;postal;2021-02-20;2021-03-05;;;TTPVHCC xã An Phú
            A5;Đất đai;direct;2021-01-05;2021-01-20;2021-01-22;resolved;TTPVHCC xã An Phú
            B1;Đất đai;direct;2021-02-02;2021-02-12;2021-02-12;resolved;Trung tâm Phục vụ hành chính công xã Bình An
            B2;Hộ tịch;online;2021-02-24;2021-02-26;;;Trung tâm Phục vụ hành chính công xã Bình An
            T1;Đất đai;online;2021-01-20;2021-02-01;2021-02-05;resolved;Trung tâm Phục vụ hành chính công tỉnh Hà Tiên
            T2;Đất đai;direct;2021-03-01;2021-03-10;;;Trung tâm Phục vụ hành chính công tỉnh Hà Tiên
            U1;Đất đai;direct;2021-02-05;2021-02-15;;;Bộ phận một cửa xã Cũ
            N1;Đất đai;direct;2021-02-06;2021-03-01;;;
            N2;Hộ tịch;direct;2021-02-07;2021-03-01;;;
            """;

    static {
        jobsFolder(JOBS, null);
    }

    @Autowired
    RevisionRepository revisions;

    @Autowired
    ReportService reports;

    private Path out;

    @BeforeEach
    void province() throws IOException {
        Files.writeString(Path.of(JOBS, Centres.FILE), CENTRES);
        Path periods = Files.createDirectories(Path.of(JOBS, "periods", "2021-02"));
        Files.writeString(periods.resolve("xa-an-phu.yaml"), "document:\n  number: 7\n  date: 2021-02-26\n");
        Run imported = cli("import", "dossiers", file("province.csv", EXPORT).toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("12 rows, 12 added");
        out = tmp.resolve("out");
    }

    @AfterEach
    void noCentresFile() throws IOException {
        Files.deleteIfExists(Path.of(JOBS, Centres.FILE));
        Files.deleteIfExists(Path.of(JOBS, "periods", "2021-02", "xa-an-phu.yaml"));
    }

    /**
     * The counters of a row, in {@link Counter} order: total, carried over, new online, direct, postal, resolved,
     * early, on time, late, pending, not yet due, overdue, withdrawn, returned, late with apology.
     */
    private static Tally counts(long... values) {
        return Tally.of(values);
    }

    private Map<String, Tally> byField(ReportTable table) {
        Map<String, Tally> rows = new java.util.TreeMap<>();
        for (ReportRow row : table.rows()) {
            if (row.counts().get(Counter.TOTAL) > 0) {
                rows.put(row.field(), row.counts());
            }
        }
        return rows;
    }

    private Revision revision(String centre, int number) {
        return revisions.find(new ReportKey(FEBRUARY, centre), number).orElseThrow();
    }

    private Run run(String centre) {
        return cli("run", "--period", "2021-02", "--centre", centre, "--out", out.toString());
    }

    @Test
    void eachListedCentre_getsRevision1OfItsOwn_overTheDossiersItReceived_countedAsByHand() throws Exception {
        Run anPhu = run("xa-an-phu");
        assertThat(anPhu.exitCode()).as(anPhu.err()).isZero();
        // A1 new direct, resolved early; A2 new online, resolved late (name and alias written otherwise);
        // A3 carried over (by the code), pending overdue; A4 new postal, pending not yet due; A5 finished before.
        Revision a = revision("xa-an-phu", 1);
        assertThat(a.completed()).isTrue();
        assertThat(byField(revisions.table(a))).containsExactly(
                Map.entry("dat-dai", counts(2, 0, 1, 1, 0, 2, 1, 0, 1, 0, 0, 0, 0, 0, 0)),
                Map.entry("ho-tich", counts(2, 1, 0, 0, 1, 0, 0, 0, 0, 2, 1, 1, 0, 0, 0)));

        Run binhAn = run("xa-binh-an");
        assertThat(binhAn.exitCode()).as(binhAn.err()).isZero();
        // B1 new direct, resolved on its due day; B2 new online, due after the 25th.
        Revision b = revision("xa-binh-an", 1);
        assertThat(b.revision()).as("a second centre's first report is its own revision 1").isEqualTo(1);
        assertThat(byField(revisions.table(b))).containsExactly(
                Map.entry("dat-dai", counts(1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0)),
                Map.entry("ho-tich", counts(1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0)));

        Run tinh = run("tinh");
        assertThat(tinh.exitCode()).as(tinh.err()).isZero();
        // T1 carried over, resolved late; T2 received after the period.
        assertThat(byField(revisions.table(revision("tinh", 1)))).containsExactly(
                Map.entry("dat-dai", counts(1, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0)));

        // Without --centre: the consolidation, over every dossier (the unlisted centre's and those with none too),
        // citing the centres' revisions just made (none of their dossiers changed since).
        Run whole = cli("run", "--period", "2021-02", "--out", out.toString());
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        assertThat(revisions.find(FEBRUARY, 1)).as("no report of report.yaml's centre").isEmpty();
        Revision all = revision("tong-hop", 1);
        assertThat(revisions.table(all).total().get(Counter.TOTAL)).isEqualTo(4 + 2 + 1 + 1 + 2);
        assertThat(whole.out()).contains("Centre xa-an-phu: kept revision 1", "Centre tinh: kept revision 1");
        assertThat(revisions.latest(new ReportKey(FEBRUARY, "xa-an-phu")).orElseThrow().revision()).isEqualTo(1);
        assertThat(out.resolve("2021-02/tong-hop/bao-cao-tong-hop-2021-02-r1.csv")).exists();
        assertThat(out.resolve("2021-02/tong-hop/bao-cao-tong-hop-2021-02-r1-trung-tam.csv")).exists();

        Path folder = out.resolve("2021-02/xa-an-phu");
        for (String suffix : List.of(".csv", "-don-vi.csv", ".xlsx", ".pdf")) {
            assertThat(folder.resolve("bao-cao-xa-an-phu-2021-02-r1" + suffix)).exists();
        }
        assertThat(Files.readAllBytes(folder.resolve("bao-cao-xa-an-phu-2021-02-r1.csv")))
                .isEqualTo(CsvTables.byField(revisions.table(a)));
        assertThat(anPhu.out()).contains(folder.resolve("bao-cao-xa-an-phu-2021-02-r1.pdf").toString());
        assertThat(out.resolve("2021-02/xa-binh-an/bao-cao-xa-binh-an-2021-02-r1.pdf")).exists();

        String pdf = text(folder.resolve("bao-cao-xa-an-phu-2021-02-r1.pdf"));
        assertThat(pdf).contains("UBND XÃ AN PHÚ", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ AN PHÚ",
                "Số: 7/BC-TTPVHCC", "Trần Văn Bình", "Lưu VT xã An Phú.");
        assertThat(pdf).as("not report.yaml's centre").doesNotContain("UBND HUYỆN AN HÒA");
        String binhAnPdf = text(out.resolve("2021-02/xa-binh-an/bao-cao-xa-binh-an-2021-02-r1.pdf"));
        assertThat(binhAnPdf).contains("UBND XÃ BÌNH AN", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ BÌNH AN")
                .as("no period file of its own: the placeholders").contains("chưa có tệp jobs/periods/2021-02/xa-binh-an.yaml")
                .doesNotContain("Số: 7/");
    }

    @Test
    void aRerunOfOneCentre_makesItsRevision2_andLeavesTheOtherCentresAlone() throws Exception {
        assertThat(run("xa-an-phu").exitCode()).isZero();
        assertThat(run("xa-binh-an").exitCode()).isZero();
        Run again = run("xa-an-phu");
        assertThat(again.exitCode()).as("a first run once only, per centre").isEqualTo(2);
        assertThat(again.err()).contains("2021-02 --centre xa-an-phu already has a completed report (revision 1)");

        // A4 moves from An Phú to Bình An (a corrected export); U1 is now An Phú's.
        Run moved = cli("import", "dossiers", file("moved.csv", """
                code;field;channel;received_at;due_at;finished_at;outcome;centre
                A4;Hộ tịch;postal;2021-02-20;2021-03-05;;;Trung tâm Phục vụ hành chính công xã Bình An
                U1;Đất đai;direct;2021-02-05;2021-02-15;;;xa-an-phu
                """).toString());
        assertThat(moved.exitCode()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("2021-02 --centre xa-an-phu revision 1: 2 dossiers changed",
                "2021-02 --centre xa-binh-an revision 1: 1 dossier changed",
                "rerun --period 2021-02 --centre xa-an-phu --reason");

        Run rerun = cli("rerun", "--period", "2021-02", "--centre", "xa-an-phu", "--reason", "A4 thuộc xã Bình An",
                "--out", out.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        Revision a2 = revision("xa-an-phu", 2);
        assertThat(a2.reason()).isEqualTo("A4 thuộc xã Bình An");
        // A1, A2, A3 as before; A4 gone; U1 new direct, pending overdue (due 15/02).
        assertThat(byField(revisions.table(a2))).containsExactly(
                Map.entry("dat-dai", counts(3, 0, 1, 2, 0, 2, 1, 0, 1, 1, 0, 1, 0, 0, 0)),
                Map.entry("ho-tich", counts(1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0)));
        assertThat(out.resolve("2021-02/xa-an-phu/bao-cao-xa-an-phu-2021-02-r2.pdf")).exists();

        assertThat(revisions.latest(new ReportKey(FEBRUARY, "xa-binh-an")).orElseThrow().revision())
                .as("the other centre keeps its revision").isEqualTo(1);
        assertThat(out.resolve("2021-02/xa-binh-an/bao-cao-xa-binh-an-2021-02-r2.pdf")).doesNotExist();
        assertThat(revisions.find(FEBRUARY, 1)).as("no report of report.yaml's centre was made").isEmpty();

        Run history = cli("history", "--period", "2021-02", "--centre", "xa-an-phu");
        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out()).contains("2021-02 xa-an-phu").doesNotContain("xa-binh-an")
                .as("run --centre reads the centre's own dossiers").doesNotContain("read and checked once");
        Run all = cli("history", "--period", "2021-02");
        assertThat(all.out()).contains("xa-an-phu", "xa-binh-an");

        Run explain = cli("explain", "--period", "2021-02", "--centre", "xa-an-phu", "--field", "TOTAL",
                "--column", "overdue");
        assertThat(explain.exitCode()).as(explain.err()).isZero();
        assertThat(explain.out()).contains("A3", "U1").doesNotContain("A4");
    }

    @Test
    void aCentresReport_isSignedOffInItsFolder_verified_andFrozen_whileTheOtherCentreStaysADraft() throws Exception {
        assertThat(run("xa-an-phu").exitCode()).isZero();
        assertThat(run("xa-binh-an").exitCode()).isZero();
        Run signed = cli("sign-off", "--period", "2021-02", "--centre", "xa-an-phu", "--signer", "Trần Văn Bình",
                "--position", "PHÓ GIÁM ĐỐC", "--on-behalf", "KT. GIÁM ĐỐC", "--allow-blank");
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        Path file = out.resolve("2021-02/xa-an-phu/bao-cao-xa-an-phu-2021-02-r1-signed.pdf");
        assertThat(signed.out()).as("beside the centre's draft").contains(file.toString());
        assertThat(text(file)).contains("UBND XÃ AN PHÚ", "Trần Văn Bình").doesNotContain("DỰ THẢO");
        assertThat(revisions.find(new ReportKey(FEBRUARY, "xa-binh-an"), 1).orElseThrow().completed()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_revision WHERE signed_at IS NOT NULL AND centre = ?",
                Long.class, "xa-an-phu")).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_revision WHERE signed_at IS NOT NULL", Long.class))
                .as("only that centre's").isOne();

        assertThatThrownBy(() -> jdbc.update("UPDATE report_revision SET centre = 'xa-binh-an'"
                + " WHERE centre = 'xa-an-phu' AND revision = 1")).as("a signed revision stays frozen, its centre too")
                .hasMessageContaining("frozen");

        Run verified = cli("verify", file.toString());
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("the signed report of 2021-02 --centre xa-an-phu, revision 1");

        Run rerun = cli("rerun", "--period", "2021-02", "--centre", "xa-an-phu", "--reason", "thư xin lỗi",
                "--out", out.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(text(out.resolve("2021-02/xa-an-phu/bao-cao-xa-an-phu-2021-02-r2.pdf")))
                .as("the correction cites the centre's own signed report").contains("7/BC-TTPVHCC");
    }

    /** A run killed after its revision was reserved, before its job started: restart --centre makes it. */
    @Test
    void restart_ofACentre_finishesThatCentresRevision() throws Exception {
        revisions.reserve(vn.motcua.report.period.Period.of("2021-02",
                vn.motcua.report.period.CutoffDay.parse("25")), "xa-binh-an", 1, null, null);
        Run blocked = run("xa-binh-an");
        assertThat(blocked.exitCode()).isEqualTo(2);
        assertThat(blocked.err()).contains("restart --period 2021-02 --centre xa-binh-an");
        assertThat(run("xa-an-phu").exitCode()).as("another centre is not held up").isZero();

        Run restarted = cli("restart", "--period", "2021-02", "--centre", "xa-binh-an", "--out", out.toString());
        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        Revision b = revision("xa-binh-an", 1);
        assertThat(b.completed()).isTrue();
        assertThat(revisions.table(b).total().get(Counter.TOTAL)).isEqualTo(2);
        assertThat(out.resolve("2021-02/xa-binh-an/bao-cao-xa-binh-an-2021-02-r1.pdf")).exists();
    }

    /**
     * A province run holds the consolidation's lock alone, and a centre's command holds it shared with its own: no
     * centre's command runs while the province is reported, centres run at once, and the province waits for them.
     */
    @Test
    void whileTheProvinceIsReported_aCentresRunIsRefused_andCentresRunAtOnce() throws Exception {
        ReportKey consolidation = new ReportKey(FEBRUARY, "tong-hop");
        ReportKey anPhu = new ReportKey(FEBRUARY, "xa-an-phu");
        try (PeriodLock.Held province = reports.lock(consolidation)) {
            Run refused = run("xa-an-phu");
            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
            assertThat(refused.err()).contains("another command is working on");
        }
        try (PeriodLock.Held one = reports.lock(anPhu);
             PeriodLock.Held other = reports.lock(new ReportKey(FEBRUARY, "xa-binh-an"))) {
            assertThatThrownBy(() -> reports.lock(consolidation)).isInstanceOf(ReportStateException.class);
            assertThatThrownBy(() -> reports.lock(anPhu)).isInstanceOf(ReportStateException.class);
        }
        try (PeriodLock.Held province = reports.lock(consolidation)) {
            assertThat(province).as("every lock released").isNotNull();
        }
        assertThat(run("xa-an-phu").exitCode()).isZero();
    }

    @Test
    void aCentreNotListed_isRefusedWithExit2_namingTheListedOnes() throws Exception {
        for (String command : List.of("run", "restart", "history", "explain")) {
            List<String> args = new java.util.ArrayList<>(List.of(command, "--period", "2021-02", "--centre",
                    "xa-khong-co"));
            if (command.equals("explain")) {
                args.addAll(List.of("--field", "TOTAL", "--column", "total"));
            }
            Run refused = cli(args.toArray(String[]::new));
            assertThat(refused.exitCode()).as(command + ": " + refused.err()).isEqualTo(2);
            assertThat(refused.err()).as(command).contains("There is no centre 'xa-khong-co'",
                    "the listed centre codes are: xa-an-phu, xa-binh-an, tinh");
        }
        Run vietnamese = cliIn(java.util.Locale.forLanguageTag("vi"), "run", "--period", "2021-02", "--centre",
                "xa-khong-co");
        assertThat(vietnamese.exitCode()).isEqualTo(2);
        assertThat(vietnamese.err()).contains("Không có trung tâm mã 'xa-khong-co'",
                "các mã trung tâm đã liệt kê: xa-an-phu, xa-binh-an, tinh");
        assertThat(count("report_revision")).as("nothing stored").isZero();

        Files.delete(Path.of(JOBS, Centres.FILE));
        Run without = run("xa-an-phu");
        assertThat(without.exitCode()).isEqualTo(2);
        assertThat(without.err()).contains(JOBS + "/centres.yaml, so there is one centre only (report.yaml) and no"
                + " centre 'xa-an-phu'");
        assertThat(count("report_revision")).isZero();
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ");
        }
    }
}

package vn.motcua.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.report.classify.Counter.*;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.system.Messages;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.period.PeriodName;
import vn.motcua.report.period.PeriodKind;
import vn.motcua.report.period.CutoffDay;

/** The whole report job, through the command line, on real PostgreSQL. */
class ReportJobTest extends DatabaseTest {

    @Autowired
    RevisionRepository revisions;

    /**
     * The seed report's table: per field (3) total, (6) resolved, (7) on time, (8) late, (9) pending,
     * (10) not yet due, (11) overdue; and the demo's own carried-over (4) / new (5) split.
     */
    private static final long[][] SEED = {
            // total, carried, new, resolved, on time, late, pending, not yet due, overdue
            {3, 0, 3, 3, 3, 0, 0, 0, 0},
            {172, 30, 142, 148, 145, 3, 24, 23, 1},
            {2, 0, 2, 2, 2, 0, 0, 0, 0},
            {1, 0, 1, 1, 1, 0, 0, 0, 0},
            {3, 0, 3, 3, 3, 0, 0, 0, 0},
            {3, 0, 3, 3, 3, 0, 0, 0, 0},
            {66, 0, 66, 66, 66, 0, 0, 0, 0},
            {9, 0, 9, 9, 9, 0, 0, 0, 0},
            {1, 0, 1, 1, 1, 0, 0, 0, 0},
            {79, 10, 69, 73, 68, 5, 6, 6, 0},
            {15, 5, 10, 15, 15, 0, 0, 0, 0},
            {91, 0, 91, 91, 91, 0, 0, 0, 0},
            {27, 2, 25, 27, 27, 0, 0, 0, 0},
            {2, 0, 2, 2, 2, 0, 0, 0, 0},
            {4, 0, 4, 4, 4, 0, 0, 0, 0},
            {7, 1, 6, 7, 7, 0, 0, 0, 0},
            {2, 0, 2, 2, 2, 0, 0, 0, 0},
            {10, 0, 10, 10, 10, 0, 0, 0, 0}};

    private static long[] seedColumns(Tally t) {
        return new long[] {t.get(TOTAL), t.get(CARRIED_OVER), t.newReceived(), t.get(RESOLVED), t.onTimeOrEarly(),
                t.get(LATE), t.get(PENDING), t.get(NOT_YET_DUE), t.get(OVERDUE)};
    }

    @Test
    void demo_reproducesTheSeedTable() throws Exception {
        Run run = cli("demo", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        Revision r1 = revisions.find(PeriodName.parse("2021-02"), 1).orElseThrow();
        assertThat(r1.completed()).isTrue();
        assertThat(r1.period().start()).hasToString("2021-01-26");
        assertThat(r1.period().end()).hasToString("2021-02-25");
        assertThat(r1.period().kind()).isEqualTo(PeriodKind.MONTH);
        ReportTable table = revisions.table(r1);
        assertThat(table.rows()).hasSize(18);
        for (int i = 0; i < SEED.length; i++) {
            assertThat(seedColumns(table.rows().get(i).counts())).as("row %d %s", i + 1, table.rows().get(i).field())
                    .containsExactly(SEED[i]);
        }
        Tally total = table.total();
        assertThat(seedColumns(total)).containsExactly(497, 48, 449, 467, 459, 8, 30, 29, 1);
        assertThat(total.get(LATE_WITH_APOLOGY)).as("apology letters among the late").isEqualTo(1);

        // The CSV: a byte order mark (Excel then reads UTF-8), header, 18 fields in catalogue order, the total last.
        byte[] bytes = Files.readAllBytes(tmp.resolve("2021-02/bao-cao-2021-02-r1.csv"));
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> csv = new String(bytes, 3, bytes.length - 3, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(csv.get(0)).isEqualTo("no,field,name,total,carried_over,new,resolved,on_time,late,pending,not_yet_due,overdue");
        assertThat(csv).hasSize(20);
        assertThat(csv.get(1)).isEqualTo("1,chung-thuc,Chứng thực,3,0,3,3,3,0,0,0,0");
        assertThat(csv.get(2)).isEqualTo("2,dat-dai,Đất đai,172,30,142,148,145,3,24,23,1");
        assertThat(csv.get(18)).isEqualTo(
                "18,lien-thong-dkkd-hkd-htx,\"TTHC liên thông Đăng ký Hộ kinh doanh, HTX và Đăng ký mã số thuế\",10,0,10,10,10,0,0,0,0");
        assertThat(csv.get(19)).isEqualTo("\"\",TOTAL,Tổng cộng,497,48,449,467,459,8,30,29,1");
        // By unit: the demo's units are by field (Phòng TN-MT has Đất đai and Môi trường, 172 + 2; LĐ-TB-XH has
        // Bảo trợ xã hội and Người có công, 79 + 27; ...), some spelled by their alias in the data.
        List<String> units = Files.readAllLines(tmp.resolve("2021-02/bao-cao-2021-02-r1-don-vi.csv"));
        assertThat(units).containsExactly(
                "\uFEFFno,unit,name,total,carried_over,new,resolved,on_time,late,pending,not_yet_due,overdue",
                "1,tnmt,Phòng Tài nguyên và Môi trường,174,30,144,150,147,3,24,23,1",
                "2,vpdk,Chi nhánh Văn phòng Đăng ký đất đai,66,0,66,66,66,0,0,0,0",
                "3,tu-phap,Phòng Tư pháp,6,0,6,6,6,0,0,0,0",
                "4,tckh,Phòng Tài chính - Kế hoạch,29,1,28,29,29,0,0,0,0",
                "5,ktht,Phòng Kinh tế và Hạ tầng,15,5,10,15,15,0,0,0,0",
                "6,ldtbxh,Phòng Lao động - Thương binh và Xã hội,106,12,94,100,95,5,6,6,0",
                "7,gddt,Phòng Giáo dục và Đào tạo,1,0,1,1,1,0,0,0,0",
                "8,noi-vu,Phòng Nội vụ,3,0,3,3,3,0,0,0,0",
                "9,bhxh,Bảo hiểm xã hội huyện,6,0,6,6,6,0,0,0,0",
                "10,cong-an,Công an huyện,91,0,91,91,91,0,0,0,0",
                "\"\",TOTAL,Tổng cộng,497,48,449,467,459,8,30,29,1");
        // The terminal shows the table and where it went.
        assertThat(run.out()).contains("TOTAL").contains("497").contains("bao-cao-2021-02-r1.csv");
    }

    @Test
    void demo_printsTheTableInVietnamese_byDefault_andInEnglishWhenAsked() {
        Run vi = cliIn(Messages.VIETNAMESE, "demo", "--out", tmp.resolve("vi").toString());
        assertThat(vi.exitCode()).as(vi.err()).isZero();
        assertThat(vi.out()).contains("Báo cáo kỳ 2021-02 (từ 26/01/2021 đến 25/02/2021, ngày chốt 25), lần 1")
                .containsPattern("(?m)^STT Lĩnh vực +Tổng số Kỳ trước +Mới +Đã GQ Đúng hạn Trễ hạn Đang GQ Trong hạn Quá hạn$")
                .containsPattern("(?m)^ +2 dat-dai +172 +30 +142 +148 +145 +3 +24 +23 +1$")
                .containsPattern("(?m)^ +Tổng cộng +497 +48 +449 +467 +459 +8 +30 +29 +1$")
                .contains("Đã ghi ").doesNotContain("TOTAL").doesNotContain("Wrote");
        Run en = cliIn(java.util.Locale.ENGLISH, "demo", "--out", tmp.resolve("en").toString());
        assertThat(en.out()).containsPattern("(?m)^ +TOTAL +497 +48 +449 +467 +459 +8 +30 +29 +1$")
                .contains("Report 2021-02 (26/01/2021 – 25/02/2021, cutoff 25), revision 2");
    }

    @Test
    void demo_isIdempotent_loadingAgainChangesNothing_andGivesTheSameTable() {
        assertThat(cli("demo", "--out", tmp.toString()).exitCode()).isZero();
        long dossiers = count("dossier");
        Run again = cli("demo", "--out", tmp.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 added, 0 changed, 574 unchanged");
        assertThat(count("dossier")).isEqualTo(dossiers);
        Tally first = revisions.table(revisions.find(PeriodName.parse("2021-02"), 1).orElseThrow()).total();
        Tally second = revisions.table(revisions.find(PeriodName.parse("2021-02"), 2).orElseThrow()).total();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void importAndRun_handWorkedPeriod() throws Exception {
        // Period 2021-03, cutoff 25: S = 26/02/2021, E = 25/03/2021. Expected cells are worked out beside each row.
        String csv = """
                code,field,procedure,channel,received_at,due_at,finished_at,outcome,paused_from,paused_until,apology_at
                A1,dat-dai,Cấp GCN,direct,2021-02-20,2021-03-05,2021-03-04,resolved,,,
                A2,dat-dai,Cấp GCN,online,2021-03-01,2021-03-10,2021-03-10,resolved,,,
                A3,dat-dai,Cấp GCN,postal,2021-03-02T09:00,2021-03-10,2021-03-12T10:00,resolved,,,2021-03-11
                A4,dat-dai,Cấp GCN,direct,2021-03-03,2021-03-20,,,,,
                A5,dat-dai,Cấp GCN,direct,2021-03-03,2021-03-30,,,,,
                A6,dat-dai,Cấp GCN,online,2021-03-04,2021-03-15,,,2021-03-14,,
                A7,dat-dai,Cấp GCN,direct,2021-03-05,2021-03-15,2021-03-29,resolved,,,
                A8,dat-dai,Cấp GCN,direct,2021-02-10,2021-02-20,2021-02-25,resolved,,,
                A9,dat-dai,Cấp GCN,direct,2021-03-26,2021-04-05,,,,,
                B1,ho-tich,Đăng ký khai sinh,direct,2021-03-10,2021-03-12,2021-03-15,withdrawn,,,
                B2,ho-tich,Đăng ký khai sinh,online,2021-03-10,,2021-03-11,resolved,,,
                B3,ho-tich,Đăng ký khai sinh,direct,2021-03-25T20:00Z,2021-03-30,,,,,
                """;
        // A1 carried, early. A2 new online, on time. A3 new postal, late, apology. A4 new direct, overdue.
        // A5 new direct, not yet due. A6 new online, paused at E: not yet due. A7 new direct, finished after E
        // with due 15/03 < E: overdue. A8 finished before S: out. A9 received after E: out.
        // B1 withdrawn: on time. B2 no due date: on time. B3 received 26/03 in Vietnam: out.
        Run imported = cli("import", "dossiers", file("march.csv", csv).toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("12 rows, 12 added");

        Run run = cli("run", "--period", "2021-03", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        ReportTable table = revisions.table(revisions.find(PeriodName.parse("2021-03"), 1).orElseThrow());
        Tally datDai = table.rows().get(1).counts();
        assertThat(seedColumns(datDai)).containsExactly(7, 1, 6, 3, 2, 1, 4, 2, 2);
        assertThat(datDai.get(EARLY)).isEqualTo(1);
        assertThat(datDai.get(NEW_ONLINE)).isEqualTo(2);
        assertThat(datDai.get(NEW_DIRECT)).isEqualTo(3);
        assertThat(datDai.get(NEW_POSTAL)).isEqualTo(1);
        assertThat(datDai.get(LATE_WITH_APOLOGY)).isEqualTo(1);
        Tally hoTich = table.rows().get(5).counts();
        assertThat(seedColumns(hoTich)).containsExactly(2, 0, 2, 2, 2, 0, 0, 0, 0);
        assertThat(hoTich.get(WITHDRAWN)).isEqualTo(1);
        assertThat(seedColumns(table.total())).containsExactly(9, 1, 8, 5, 4, 1, 4, 2, 2);
        // Every dossier's cell is kept with the revision.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_dossier", Long.class)).isEqualTo(9);
    }

    @Test
    void run_aSecondTime_isRefusedAndPointsToRerun() {
        assertThat(cli("run", "--period", "2021-02", "--out", tmp.toString()).exitCode()).isZero();
        Run again = cli("run", "--period", "2021-02", "--out", tmp.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already has a completed report (revision 1)").contains("rerun");
    }

    @Test
    void run_nonsensePeriodOrCutoff_exitsTwoAndStoresNothing() {
        Run badPeriod = cli("run", "--period", "2021-13");
        assertThat(badPeriod.exitCode()).isEqualTo(2);
        assertThat(badPeriod.err()).contains("no month 13");
        Run badCutoff = cli("run", "--period", "2021-02", "--cutoff-day", "32");
        assertThat(badCutoff.exitCode()).isEqualTo(2);
        assertThat(badCutoff.err()).contains("1..31 or 'last'");
        assertThat(count("report_revision")).isZero();
    }

    @Test
    void run_cutoffOverride_changesTheBounds() {
        assertThat(cli("run", "--period", "2021-02", "--cutoff-day", "last", "--out", tmp.toString()).exitCode()).isZero();
        Revision r = revisions.find(PeriodName.parse("2021-02"), 1).orElseThrow();
        assertThat(r.period().start()).hasToString("2021-02-01");
        assertThat(r.period().end()).hasToString("2021-02-28");
        assertThat(r.period().cutoff()).isEqualTo(CutoffDay.LAST);
    }
}

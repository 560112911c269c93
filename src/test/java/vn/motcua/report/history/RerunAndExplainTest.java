package vn.motcua.report.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.system.Messages;
import vn.motcua.report.revision.RevisionRepository;
import vn.motcua.report.period.PeriodName;

/** rerun (a new revision and what changed), explain (the dossiers of a cell), history (text and JSON). */
class RerunAndExplainTest extends DatabaseTest {

    // Period 2021-03, cutoff 25: S = 26/02/2021, E = 25/03/2021 (the hand-worked set of ReportJobTest).
    private static final String HEADER =
            "code,field,procedure,channel,received_at,due_at,finished_at,outcome,paused_from,paused_until,apology_at\n";
    private static final String MARCH = HEADER + """
            A1,dat-dai,Cấp GCN,direct,2021-02-20,2021-03-05,2021-03-04,resolved,,,
            A2,dat-dai,Cấp GCN,online,2021-03-01,2021-03-10,2021-03-10,resolved,,,
            A3,dat-dai,Cấp GCN,postal,2021-03-02,2021-03-10,2021-03-12,resolved,,,2021-03-11
            A4,dat-dai,Cấp GCN,direct,2021-03-03,2021-03-20,,,,,
            A5,dat-dai,Cấp GCN,direct,2021-03-03,2021-03-30,,,,,
            B1,ho-tich,Đăng ký khai sinh,direct,2021-03-10,2021-03-12,2021-03-15,withdrawn,,,
            """;
    // The correction: A4 was in fact resolved late on 22/03; A5 belongs to ho-tich; C1 was missing.
    private static final String CORRECTION = HEADER + """
            A4,dat-dai,Cấp GCN,direct,2021-03-03,2021-03-20,2021-03-22,resolved,,,
            A5,ho-tich,Đăng ký khai sinh,direct,2021-03-03,2021-03-30,,,,,
            C1,ho-tich,Đăng ký khai sinh,online,2021-03-05,2021-03-08,2021-03-08,resolved,,,
            """;

    @Autowired
    RevisionRepository revisions;

    @BeforeEach
    void firstReport() throws Exception {
        assertThat(cli("import", "dossiers", file("march.csv", MARCH).toString()).exitCode()).isZero();
        Run run = cli("run", "--period", "2021-03", "--out", tmp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void rerun_makesANewRevision_withItsReason_andPrintsWhatChanged() throws Exception {
        assertThat(cli("import", "dossiers", file("fix.csv", CORRECTION).toString()).exitCode()).isZero();
        Run rerun = cli("rerun", "--period", "2021-03", "--reason", "A4 was resolved; A5 filed under the wrong field",
                "--out", tmp.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();

        Revision r2 = revisions.find(PeriodName.parse("2021-03"), 2).orElseThrow();
        assertThat(r2.completed()).isTrue();
        assertThat(r2.reason()).isEqualTo("A4 was resolved; A5 filed under the wrong field");
        assertThat(revisions.find(PeriodName.parse("2021-03"), 1).orElseThrow().completed()).as("revision 1 is kept").isTrue();
        assertThat(tmp.resolve("2021-03/bao-cao-2021-03-r2.csv")).exists();

        String out = rerun.out();
        assertThat(out).contains("Revision 2 corrects revision 1 (reason: A4 was resolved; A5 filed under the wrong field)");
        // dat-dai: total 5 -> 4 (A5 left); resolved 3 -> 4, late 1 -> 2 (A4); pending 2 -> 0.
        assertThat(out).contains("dat-dai total: 5 -> 4 (-1)", "dat-dai resolved: 3 -> 4 (+1)", "dat-dai late: 1 -> 2 (+1)",
                "dat-dai pending: 2 -> 0 (-2)", "dat-dai overdue: 1 -> 0 (-1)", "dat-dai not_yet_due: 1 -> 0 (-1)");
        // ho-tich: A5 (pending, not yet due) and C1 (on time) arrive.
        assertThat(out).contains("ho-tich total: 1 -> 3 (+2)", "ho-tich not_yet_due: 0 -> 1 (+1)",
                "TOTAL total: 6 -> 7 (+1)");
        assertThat(out).doesNotContain("dat-dai carried_over");
        assertThat(out).contains("Dossiers that moved between cells (3):",
                "A4: dat-dai new_direct overdue -> dat-dai new_direct late resolved",
                "A5: dat-dai new_direct not_yet_due -> ho-tich new_direct not_yet_due",
                "C1: not counted -> ho-tich new_online on_time resolved");

        // explain shows each revision as it counted.
        Run lateR1 = cli("explain", "--period", "2021-03", "--revision", "1", "--field", "dat-dai", "--column", "late");
        assertThat(lateR1.exitCode()).as(lateR1.err()).isZero();
        assertThat(lateR1.out()).contains("2021-03 revision 1, field dat-dai, column late: 1 dossiers (the table says 1)")
                .contains("A3").doesNotContain("A4");
        Run lateR2 = cli("explain", "--period", "2021-03", "--field", "dat-dai", "--column", "late");
        assertThat(lateR2.out()).contains("revision 2").contains("2 dossiers (the table says 2)").contains("A3")
                .contains("A4").contains("2021-03-11 (counted)");
        // A4 was re-imported after revision 1: its dates today are not those revision 1 saw.
        Run overdueR1 = cli("explain", "--period", "2021-03", "--revision", "1", "--field", "dat-dai", "--column", "overdue");
        assertThat(overdueR1.out()).contains("A4*").contains("re-imported with changes after this revision");
    }

    @Test
    void rerun_inVietnamese_wordsTheMovesOutcomesAndTheUncounted() throws Exception {
        assertThat(cli("import", "dossiers", file("fix.csv", CORRECTION).toString()).exitCode()).isZero();
        Run rerun = cliIn(Messages.VIETNAMESE, "rerun", "--period", "2021-03", "--reason", "A4 đã có kết quả",
                "--out", tmp.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("Lần 2 điều chỉnh lần 1 (lý do: A4 đã có kết quả).",
                "  dat-dai total: 5 -> 4 (-1)", "  TOTAL total: 6 -> 7 (+1)", "Các hồ sơ chuyển ô (3):",
                "  A4: dat-dai new_direct overdue -> dat-dai new_direct late đã giải quyết",
                "  A5: dat-dai new_direct not_yet_due -> ho-tich new_direct not_yet_due",
                "  C1: không được đếm -> ho-tich new_online on_time đã giải quyết")
                .doesNotContain("not counted").doesNotContain("late resolved");
    }

    @Test
    void rerun_withoutACompletedRevisionOrReason_isRefused() {
        Run noReport = cli("rerun", "--period", "2021-04", "--reason", "x");
        assertThat(noReport.exitCode()).isEqualTo(2);
        assertThat(noReport.err()).contains("2021-04 has no report yet").contains("run --period 2021-04");
        Run blank = cli("rerun", "--period", "2021-03", "--reason", "  ");
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err()).contains("--reason");
        assertThat(count("report_revision")).isEqualTo(1);
    }

    @Test
    void rerun_onUnchangedData_saysNothingChanged() {
        Run rerun = cli("rerun", "--period", "2021-03", "--reason", "check", "--out", tmp.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("No cell changed and no dossier moved");
    }

    @Test
    void explain_listsEveryDossierOfTheCell_andCsvMatchesTheTable() throws Exception {
        Run total = cli("explain", "--period", "2021-03", "--field", "TOTAL", "--column", "total", "--csv");
        assertThat(total.exitCode()).as(total.err()).isZero();
        List<String> lines = total.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("code,field,channel,received_on,due_on,finished_on,outcome,paused_from,"
                + "paused_until,apology_on,apology_counted,intake,result,changed_since");
        assertThat(lines).hasSize(1 + 6);
        assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo(
                "A3,dat-dai,postal,2021-03-02,2021-03-10,2021-03-12,resolved,,,2021-03-11,true,new_postal,late,false"));
        for (String[] cell : new String[][] {{"dat-dai", "on_time", "2"}, {"dat-dai", "early", "1"},
                {"dat-dai", "carried_over", "1"}, {"dat-dai", "new", "4"}, {"dat-dai", "pending", "2"},
                {"ho-tich", "withdrawn", "1"}, {"ho-tich", "on_time", "1"}, {"TOTAL", "resolved", "4"}}) {
            Run r = cli("explain", "--period", "2021-03", "--field", cell[0], "--column", cell[1]);
            assertThat(r.out()).as(String.join(" ", cell)).contains(": " + cell[2] + " dossiers (the table says " + cell[2] + ")");
        }
        Run badColumn = cli("explain", "--period", "2021-03", "--field", "dat-dai", "--column", "lateish");
        assertThat(badColumn.exitCode()).isEqualTo(2);
        assertThat(badColumn.err()).contains("unknown column 'lateish'").contains("not_yet_due");
        Run badField = cli("explain", "--period", "2021-03", "--field", "dat", "--column", "late");
        assertThat(badField.exitCode()).isEqualTo(2);
        assertThat(badField.err()).contains("unknown field 'dat'");
        Run badRevision = cli("explain", "--period", "2021-03", "--revision", "7", "--field", "dat-dai", "--column", "late");
        assertThat(badRevision.exitCode()).isEqualTo(2);
        assertThat(badRevision.err()).contains("no revision 7");
        Run noReport = cli("explain", "--period", "2021-05", "--field", "dat-dai", "--column", "late");
        assertThat(noReport.exitCode()).isEqualTo(2);
        assertThat(noReport.err()).contains("2021-05 has no completed report to explain; see history --period 2021-05");
        Run notANumber = cli("explain", "--period", "2021-03", "--revision", "r2", "--field", "dat-dai", "--column", "late");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--revision: needs a revision number such as 1, not 'r2'");
    }

    @Test
    void history_listsEveryExecutionNewestFirst_asTextAndJson() throws Exception {
        assertThat(cli("rerun", "--period", "2021-03", "--reason", "again", "--out", tmp.toString()).exitCode()).isZero();
        Run text = cli("history");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("2021-03").contains("COMPLETED").contains("classify").contains("read 6");
        assertThat(text.out().indexOf("   2  COMPLETED")).isLessThan(text.out().indexOf("   1  COMPLETED"));

        Run json = cli("history", "--period", "2021-03", "--json");
        assertThat(json.exitCode()).isZero();
        JsonNode array = new ObjectMapper().readTree(json.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        JsonNode newest = array.get(0);
        assertThat(newest.get("revision").asInt()).isEqualTo(2);
        assertThat(array.get(1).get("revision").asInt()).isEqualTo(1);
        assertThat(newest.get("executionId").asLong()).isGreaterThan(array.get(1).get("executionId").asLong());
        assertThat(newest.get("period").asText()).isEqualTo("2021-03");
        assertThat(newest.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(newest.get("start").asText()).endsWith("+07:00");
        assertThat(newest.get("end").isNull()).isFalse();
        assertThat(newest.get("signed").asBoolean()).isFalse();
        List<String> names = new java.util.ArrayList<>();
        JsonNode classify = null;
        for (JsonNode step : newest.get("steps")) {
            names.add(step.get("name").asText());
            if (step.get("name").asText().equals("classify")) {
                classify = step;
            }
        }
        assertThat(names).as("the job's steps in order").containsSubsequence("openRevision", "classify", "check", "writeTable");
        assertThat(classify.get("readCount").asLong()).isEqualTo(6);
        assertThat(classify.get("writeCount").asLong()).isEqualTo(6);
        assertThat(classify.get("commitCount").asLong()).as("one per partition at least").isPositive();
        assertThat(classify.get("skipCount").asLong()).isZero();
        assertThat(classify.get("status").asText()).isEqualTo("COMPLETED");

        Run other = cli("history", "--period", "2021-04", "--json");
        assertThat(other.out().strip()).isEqualTo("[]");
    }
}

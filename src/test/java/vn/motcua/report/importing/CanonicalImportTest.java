package vn.motcua.report.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.motcua.report.DatabaseTest;

/** The canonical CSV contract of the import: every broken rule refused with its line, nothing stored. */
class CanonicalImportTest extends DatabaseTest {

    private static final String HEADER =
            "code,field,procedure,channel,received_at,due_at,finished_at,outcome,paused_from,paused_until,apology_at\n";

    private Run importDossiers(String body) throws Exception {
        return cli("import", "dossiers", file("dossiers.csv", HEADER + body).toString());
    }

    @Test
    void goodFile_isStored_withVietnamDates() throws Exception {
        Run run = importDossiers("""
                A1,dat-dai,"Cấp GCN, lần đầu",direct,2021-02-01T08:15,2021-02-10,2021-02-25T20:00Z,resolved,,,
                A2,ho-tich,Khai sinh,online,2021-02-02,,,,2021-02-03,,
                A3,ho-tich,Khai sinh,postal,2021-02-02T10:00+07:00,2021-02-09,2021-02-12,resolved,2021-02-03,2021-02-05,2021-02-11
                """);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 rows, 3 added, 0 changed, 0 unchanged");
        Map<String, Object> a1 = jdbc.queryForMap("SELECT * FROM dossier WHERE code = 'A1'");
        assertThat(a1.get("procedure")).isEqualTo("Cấp GCN, lần đầu");
        assertThat(a1.get("finished_on")).hasToString("2021-02-26");
        assertThat(a1.get("outcome")).isEqualTo("resolved");
        Map<String, Object> a2 = jdbc.queryForMap("SELECT * FROM dossier WHERE code = 'A2'");
        assertThat(a2.get("due_on")).isNull();
        assertThat(a2.get("paused_from")).hasToString("2021-02-03");
        assertThat(a2.get("paused_until")).isNull();
    }

    @Test
    void reimport_updatesChangedDossiers_andLeavesTheRest() throws Exception {
        importDossiers("""
                A1,dat-dai,X,direct,2021-02-01,2021-02-10,,,,,
                A2,dat-dai,X,direct,2021-02-01,2021-02-10,,,,,
                """);
        Run again = importDossiers("""
                A1,dat-dai,X,direct,2021-02-01,2021-02-10,2021-02-09,resolved,,,
                A2,dat-dai,X,direct,2021-02-01,2021-02-10,,,,,
                A3,dat-dai,X,direct,2021-02-01,2021-02-10,,,,,
                """);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("3 rows, 1 added, 1 changed, 1 unchanged");
        assertThat(jdbc.queryForObject("SELECT finished_on FROM dossier WHERE code = 'A1'", String.class))
                .isEqualTo("2021-02-09");
        assertThat(count("dossier")).isEqualTo(3);
    }

    @Test
    void everyBrokenRule_isRefusedWithItsLine_andNothingOfTheFileIsStored() throws Exception {
        importDossiers("OLD,dat-dai,X,direct,2021-01-05,2021-01-10,,,,,\n");
        String before = jdbc.queryForList("SELECT * FROM dossier ORDER BY code").toString();
        Run run = importDossiers("""
                B1,dat-dai,X,direct,2021-02-01,2021-02-10,,,,,
                ,dat-dai,X,direct,2021-02-01,2021-02-10,,,,,
                B3,dat-dia,X,direct,2021-02-01,2021-02-10,,,,,
                B4,dat-dai,X,fax,2021-02-01,2021-02-10,,,,,
                B5,dat-dai,X,direct,2021-02-31,2021-03-10,,,,,
                B6,dat-dai,X,direct,2021-02-10,2021-02-01,,,,,
                B7,dat-dai,X,direct,2021-02-10,2021-02-20,2021-02-05,resolved,,,
                B8,dat-dai,X,direct,2021-02-10,2021-02-20,2021-02-15,,,,
                B9,dat-dai,X,direct,2021-02-10,2021-02-20,,resolved,,,
                B10,dat-dai,X,direct,2021-02-10,2021-02-20,2021-02-15,solved,,,
                B11,dat-dai,X,direct,2021-02-10,2021-02-20,,,2021-02-05,,
                B12,dat-dai,X,direct,2021-02-10,2021-02-20,,,2021-02-12,2021-02-11,
                B13,dat-dai,X,direct,2021-02-10,2021-02-20,2021-02-15,resolved,2021-02-12,2021-02-16,
                B14,dat-dai,X,direct,2021-02-10,2021-02-20,2021-02-15,resolved,2021-02-12,,
                B15,dat-dai,X,direct,2021-02-10,2021-02-20,,,,2021-02-12,
                B16,dat-dai,X,direct,2021-02-10,2021-02-20,,,,,2021-02-01
                B1,dat-dai,X,direct,2021-02-01,2021-02-10,,,,,
                B18,dat-dai,X,direct,,2021-02-10,,,,,
                B19,dat-dai,X,direct,2021-02-10
                """);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nothing of this file was stored");
        assertThat(run.err())
                .contains("line 3, code: is required")
                .contains("line 4, field 'dat-dia': is not a field code")
                .contains("line 5, channel 'fax': is not one of direct|online|postal")
                .contains("line 6, received_at '2021-02-31': is not a real date")
                .contains("line 7, due_at '2021-02-01': is before received_at")
                .contains("line 8, finished_at '2021-02-05': is before received_at")
                .contains("line 9, outcome: is empty but finished_at is set")
                .contains("line 10, outcome 'resolved': is set but finished_at is empty")
                .contains("line 11, outcome 'solved': is not one of resolved|withdrawn|returned")
                .contains("line 12, paused_from '2021-02-05': is before received_at")
                .contains("line 13, paused_until '2021-02-11': is before paused_from")
                .contains("line 14, finished_at '2021-02-15': is before paused_until")
                .contains("line 15, paused_until: is empty (still waiting for the citizen) but the dossier is finished")
                .contains("line 16, paused_until '2021-02-12': is set but paused_from is empty")
                .contains("line 17, apology_at '2021-02-01': is before received_at")
                .contains("line 18, code 'B1': repeats the code of line 2")
                .contains("line 19, received_at: is required")
                .contains("line 20, (row): has 5 values but the heading has 11");
        assertThat(run.err()).doesNotContain("line 2,");
        assertThat(jdbc.queryForList("SELECT * FROM dossier ORDER BY code").toString()).isEqualTo(before);
        assertThat(count("import_dossier")).as("staging is emptied").isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM import_batch ORDER BY id DESC LIMIT 1", String.class))
                .isEqualTo("REFUSED");
    }

    @Test
    void quotedLineBreaks_keepTheFileLineNumbers() throws Exception {
        Run run = importDossiers("""
                C1,dat-dai,"Cấp GCN
                (hai dòng)",direct,2021-02-01,2021-02-10,,,,,
                C2,dat-dai,X,direct,2021-02-01,2021-01-10,,,,,
                """);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 4, due_at");
    }

    @Test
    void wrongHeadingsOrMissingFile_oneClearSentence_exitTwo() throws Exception {
        Run wrong = cli("import", "dossiers", file("x.csv", "code;field\nA;B\n").toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("line 1: the headings do not match a dossiers file").contains("Expected: code,field");
        assertThat(wrong.err()).doesNotContain("Exception");
        Run missing = cli("import", "dossiers", tmp.resolve("nope.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
        Run empty = cli("import", "dossiers", file("empty.csv", "").toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("is empty");
        Run kind = cli("import", "people", file("p.csv", "a\n").toString());
        assertThat(kind.exitCode()).isEqualTo(2);
        assertThat(count("dossier")).isZero();
    }

    @Test
    void transfers_areCheckedAndKeptOnce() throws Exception {
        String header = "dossier_code,from_level,to_level,sent_at\n";
        Run ok = cli("import", "transfers", file("t.csv", header + """
                A1,district,commune,2021-02-01
                A2,commune,district,2021-02-02T09:00
                A2,commune,district,2021-02-02T15:00
                """).toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(count("transfer")).as("the same transfer on the same day is one transfer").isEqualTo(2);
        Run again = cli("import", "transfers", tmp.resolve("t.csv").toString());
        assertThat(again.out()).contains("0 added");
        assertThat(count("transfer")).isEqualTo(2);
        Run bad = cli("import", "transfers", file("bad.csv", header + """
                A3,district,district,2021-02-01
                A4,ward,district,2021-02-01
                A5,district,commune,2021-02-30
                """).toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("line 2, to_level 'district': is the same level")
                .contains("line 3, from_level 'ward': is not one of commune|district|province")
                .contains("line 4, sent_at '2021-02-30': is not a real date");
        assertThat(count("transfer")).isEqualTo(2);
        assertThat(List.of(count("import_transfer"))).containsExactly(0L);
    }

    /** Two-level local government: from 1 July 2025 transfers run between commune and province only. */
    @Test
    void transfersSentFromJuly2025_nameNoDistrict() throws Exception {
        String header = "dossier_code,from_level,to_level,sent_at\n";
        Run bad = cli("import", "transfers", file("two-levels.csv", header + """
                B1,district,commune,2025-06-30
                B2,commune,district,2025-07-01
                B3,district,province,2025-08-15
                """).toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("line 3, to_level 'district': there is no district level from 1 July 2025")
                .contains("line 4, from_level 'district': there is no district level from 1 July 2025")
                .doesNotContain("line 2,");
        assertThat(count("transfer")).isZero();
        Run ok = cli("import", "transfers", file("communes.csv", header + """
                B1,district,commune,2025-06-30
                B2,commune,province,2025-07-01
                B3,province,commune,2025-08-15
                """).toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(count("transfer")).isEqualTo(3);
    }
}

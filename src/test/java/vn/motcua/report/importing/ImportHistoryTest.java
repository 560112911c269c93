package vn.motcua.report.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.report.importing.ImportTestSupport.HEADINGS;
import static vn.motcua.report.importing.ImportTestSupport.dump;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.revision.ChangedDossiers;

/** Re-imports, corrected exports, refused files and what reported periods a change touches. */
class ImportHistoryTest extends DatabaseTest {

    @Autowired
    ChangedDossiers changesSince;

    /** Period 2021-02 with cutoff 25 is 26/01/2021 .. 25/02/2021. */
    private static final String FEBRUARY = HEADINGS + "\n"
            + "F1,dat-dai,P,direct,03/02/2021,10/02/2021,09/02/2021,resolved,,,\n"
            + "F2,dat-dai,P,online,04/02/2021,12/02/2021,,,,,\n"
            + "F3,ho-tich,P,postal,05/02/2021,,06/02/2021,withdrawn,,,\n"
            + "F4,ho-tich,P,direct,20/01/2021,01/02/2021,,,25/01/2021,,\n"
            + "M1,ho-tich,P,direct,01/03/2021,,,,,,\n";   // received after 25/02: not in 2021-02

    @Test
    void sameFileTwice_changesNothing() throws Exception {
        Path input = file("feb.csv", FEBRUARY);
        Run first = cli("import", "dossiers", input.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("5 rows, 5 added, 0 changed, 0 unchanged");
        String before = dump(jdbc);

        Run again = cli("import", "dossiers", input.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("5 rows, 0 added, 0 changed, 5 unchanged");
        assertThat(dump(jdbc)).isEqualTo(before);
        // Both imports are recorded, with the file's SHA-256 and their counts.
        String sha256 = vn.motcua.report.system.Sha256.of(input);
        assertThat(jdbc.queryForList("SELECT sha256 FROM import_batch", String.class)).containsExactly(sha256, sha256);
        assertThat(jdbc.queryForList("SELECT added || '/' || changed || '/' || unchanged FROM import_batch ORDER BY id",
                String.class)).containsExactly("5/0/0", "0/0/5");
    }

    @Test
    void refusedFile_leavesEveryDossierAsItWas() throws Exception {
        assertThat(cli("import", "dossiers", file("feb.csv", FEBRUARY).toString()).exitCode()).isZero();
        assertThat(cli("import", "transfers", file("t.csv",
                "dossier_code,from_level,to_level,sent_at\nF1,district,commune,15/02/2021\n").toString()).exitCode()).isZero();
        String before = dump(jdbc);
        long rows = count("dossier");

        // A corrected export where F1 and F2 changed and N1 is new, but line 5 is wrong: nothing of it is stored.
        String corrected = FEBRUARY.replace("F1,dat-dai,P,direct,03/02/2021", "F1,dat-dai,Q,direct,02/02/2021")
                .replace("F2,dat-dai,P,online,04/02/2021,12/02/2021,,", "F2,dat-dai,P,online,04/02/2021,12/02/2021,11/02/2021,resolved")
                .replace("F4,ho-tich,P,direct,20/01/2021", "F4,ho-tich,P,direct,20/13/2021")
                + "N1,ho-tich,P,direct,10/02/2021,,,,,,\n";
        Run run = cli("import", "dossiers", file("feb-fixed.csv", corrected).toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 5, received_at '20/13/2021'");
        assertThat(count("dossier")).isEqualTo(rows);
        assertThat(dump(jdbc)).isEqualTo(before);
        assertThat(count("import_dossier") + count("import_transfer")).isZero();
    }

    @Test
    void correctedExport_countsAddedChangedUnchanged_andSaysWhichReportedPeriodsChanged() throws Exception {
        assertThat(cli("import", "dossiers", file("feb.csv", FEBRUARY).toString()).exitCode()).isZero();
        assertThat(cli("run", "--period", "2021-02", "--out", tmp.toString()).exitCode()).isZero();
        assertThat(changesSince.count("2021-02", 1)).isZero();

        String corrected = FEBRUARY.replace("F1,dat-dai,P,direct,03/02/2021", "F1,dat-dai,Q,direct,02/02/2021")
                .replace("M1,ho-tich,P,direct,01/03/2021", "M1,ho-tich,P,direct,02/03/2021")
                + "N1,ho-tich,P,direct,10/02/2021,,,,,,\n"
                + "N2,ho-tich,P,direct,10/03/2021,,,,,,\n";
        Run run = cli("import", "dossiers", file("feb-fixed.csv", corrected).toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("7 rows, 2 added, 2 changed, 3 unchanged")
                .contains("2021-02 revision 1: 2 dossiers changed after the report was made; a corrected report is a new revision:");
        // F1 changed and N1 is new in February's scope; M1 and N2 are March's, which has no report yet.
        assertThat(changesSince.codes("2021-02", 1)).containsExactly("F1", "N1");

        // A dossier that revision 1 counted but which a correction moves out of the period still makes it stale.
        Run moved = cli("import", "dossiers", file("moved.csv", HEADINGS
                + "\nF2,dat-dai,P,online,14/03/2021,22/03/2021,,,,,\n").toString());
        assertThat(moved.out()).contains("2021-02 revision 1: 3 dossiers changed after the report was made");
        assertThat(changesSince.codes("2021-02", 1)).containsExactly("F1", "F2", "N1");

        // An import changing only other periods' dossiers says nothing about 2021-02.
        Run march = cli("import", "dossiers", file("march.csv", HEADINGS + "\nN3,ho-tich,P,direct,20/03/2021,,,,,,\n").toString());
        assertThat(march.out()).doesNotContain("changed after the report was made");
    }

    @Test
    void partialImport_countsOnlyWhatItStored() throws Exception {
        assertThat(cli("import", "dossiers", file("feb.csv", FEBRUARY).toString()).exitCode()).isZero();
        String corrected = FEBRUARY.replace("F1,dat-dai,P,direct,03/02/2021", "F1,dat-dai,Q,direct,02/02/2021")
                .replace("F3,ho-tich,P,postal,05/02/2021", "F3,ho-tich,P,pigeon,05/02/2021")
                + "N1,ho-tich,P,direct,10/02/2021,,,,,,\n"
                + "N1,ho-tich,P,online,11/02/2021,,,,,,\n";
        Run run = cli("import", "dossiers", file("fixed.csv", corrected).toString(), "--accept-partial");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // 7 rows read: F3 (bad channel) and the second N1 (repeated code) refused; of the 5 stored, 1 new, 1 changed.
        assertThat(run.out()).contains("5 rows, 1 added, 1 changed, 3 unchanged; 2 refused rows not stored");
        assertThat(jdbc.queryForObject("SELECT channel FROM dossier WHERE code = 'N1'", String.class)).isEqualTo("direct");
        assertThat(jdbc.queryForObject("SELECT channel FROM dossier WHERE code = 'F3'", String.class)).isEqualTo("postal");
        assertThat(Files.readString(tmp.resolve("fixed.rejects.csv"))).contains("pigeon").contains("repeats the code of line 7");
    }

    @Test
    void transfers_inVietnamese() throws Exception {
        String csv = "Mã hồ sơ;Từ cấp;Đến cấp;Ngày gửi\nF1;Huyện;Xã;15/02/2021\nF2;Cấp xã;Cấp huyện;2021-02-06\nF3;Tỉnh;Tỉnh;17/02/2021\n";
        Run run = cli("import", "transfers", file("lt.csv", csv).toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 4, Đến cấp 'Tỉnh': is the same level as Từ cấp");
        Run ok = cli("import", "transfers", file("lt.csv", csv.replace("F3;Tỉnh;Tỉnh", "F3;Tỉnh;Huyện")).toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(jdbc.queryForList("SELECT from_level || '>' || to_level FROM transfer ORDER BY dossier_code", String.class))
                .isEqualTo(List.of("district>commune", "commune>district", "province>district"));
    }
}

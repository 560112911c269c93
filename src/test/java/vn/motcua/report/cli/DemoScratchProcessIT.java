package vn.motcua.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.report.ProcessHome;
import vn.motcua.report.ProcessHome.Done;

/**
 * demo as a user runs it, on a MOTCUA_HOME that holds the user's own data: it works in a scratch database of
 * its own, so the user's dossiers (even those with the demo's codes) and reports stay exactly as they were.
 * An integration test (run by {@code mvn verify}): it starts JVMs.
 */
class DemoScratchProcessIT {

    /** Two of the user's dossiers; the first has a code the demo data uses too, with other dates. */
    private static final String USER_DATA = """
            code,field,procedure,channel,received_at,due_at,finished_at,outcome,paused_from,paused_until,apology_at
            000.00.21.H12-201202-0001,ho-tich,Đăng ký khai sinh,online,2021-02-01,2021-02-03,2021-02-02,resolved,,,
            U-2,dat-dai,Cấp GCN,direct,2021-02-10,2021-02-20,,,,,
            """;

    @TempDir
    Path tmp;

    private ProcessHome home;

    @BeforeEach
    void newHome() throws Exception {
        home = ProcessHome.in(tmp);
    }

    private Done run(String... args) throws Exception {
        return home.run(args);
    }

    @Test
    void demo_leavesTheUsersData_exactlyAsItWas() throws Exception {
        Path data = Files.writeString(tmp.resolve("user.csv"), USER_DATA);
        Done imported = run("import", "dossiers", data.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("2 added");

        Done demo = run("demo", "--out", tmp.resolve("demo-reports").toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).containsPattern("(?m)^ +TOTAL +497 +48 +449 +467 +459 +8 +30 +29 +1$")
                .contains("revision 1");
        assertThat(tmp.resolve("demo-reports/2021-02/bao-cao-2021-02-r1.pdf")).isNotEmptyFile();
        assertThat(demo.out()).as("the demo's data went into an empty database").contains("574 added");

        Done history = run("history");
        assertThat(history.out().strip()).as("the demo's runs are not the user's").isEqualTo("No report has been run yet.");
        // Re-importing the user's file changes nothing: the demo overwrote none of the user's dossiers.
        Done same = run("import", "dossiers", data.toString());
        assertThat(same.out()).contains("0 added, 0 changed, 2 unchanged");

        // The user's own first report of 2021-02: the user's two dossiers only.
        Done first = run("run", "--period", "2021-02", "--cutoff-day", "25", "--out", tmp.resolve("reports").toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("revision 1")
                .containsPattern("(?m)^ +TOTAL +2 +0 +2 +1 +1 +0 +1 +0 +1$");
        assertThat(Files.readString(tmp.resolve("reports/2021-02/bao-cao-2021-02-r1.csv")))
                .contains("6,ho-tich,Hộ tịch,1,0,1,1,1,0,0,0,0").contains("TOTAL,Tổng cộng,2,0,2,1,1,0,1,0,1");
    }

    /**
     * The province demo: every centre's report and the consolidation, whose total is the seed's (the same dossiers,
     * received by the province's centres) and whose table by centre names each centre, the unlisted one and the
     * dossiers without one; the user's jobs folder, without centres.yaml, is left as it was.
     */
    @Test
    void demoProvince_makesEveryCentresReport_andTheConsolidation() throws Exception {
        Path out = tmp.resolve("province");
        Done demo = run("demo", "--province", "--out", out.toString());
        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.out()).containsPattern("(?m)^ +TOTAL +497 +48 +449 +467 +459 +8 +30 +29 +1$");
        for (String centre : new String[] {"tinh", "chi-nhanh-1", "xa-an-phu", "xa-binh-my", "phuong-dong-hai",
                "xa-vinh-an"}) {
            assertThat(out.resolve("2021-02/" + centre + "/bao-cao-" + centre + "-2021-02-r1.pdf")).isNotEmptyFile();
        }
        String byCentre = Files.readString(out.resolve("2021-02/tong-hop/bao-cao-tong-hop-2021-02-r1-trung-tam.csv"));
        assertThat(byCentre).contains(",tinh,").contains(",xa-vinh-an,").contains("TTPVHCC xã Tân Lập")
                .contains("Chưa xác định nơi tiếp nhận").contains("TOTAL,Tổng cộng,,497,48,449,467,459,8,30,29,1");
        assertThat(tmp.resolve("jobs")).doesNotExist();

        Done history = run("history");
        assertThat(history.out().strip()).as("the demo's runs are not the user's").isEqualTo("No report has been run yet.");
    }
}

package vn.motcua.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.report.ProcessHome;
import vn.motcua.report.ProcessHome.Done;

/**
 * The program as a user starts it, in a fresh MOTCUA_HOME: bad usage is refused with exit 2 and one line
 * before Spring or the database start (no {@code db/} folder appears), and help needs nothing either.
 * An integration test (run by {@code mvn verify}): it starts JVMs.
 */
class LauncherProcessIT {

    @TempDir
    Path tmp;

    /** The command in Vietnamese (the default), with these variables set; the first ones need no database. */
    private Done run(Map<String, String> environment, String... args) throws Exception {
        ProcessHome home = ProcessHome.withoutBinaries(tmp).with("MOTCUA_LANG", null);
        for (Map.Entry<String, String> e : environment.entrySet()) {
            home = home.with(e.getKey(), e.getValue());
        }
        return home.run(args);
    }

    @Test
    void badUsage_isRefusedInOneLine_withExitTwo_andNothingStarted() throws Exception {
        Done period = run(Map.of(), "run", "--period", "2021-13");
        assertThat(period.exitCode()).isEqualTo(2);
        assertThat(period.err()).isEqualTo("motcua-report: --period: kỳ '2021-13' không có tháng 13: tháng từ 01 đến 12"
                + " (xem: motcua-report run --help)\n");
        assertThat(period.out()).isEmpty();

        Done unknown = run(Map.of("MOTCUA_LANG", "en"), "frob");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("motcua-report: unknown command 'frob' (see: motcua-report help)\n");

        Done file = run(Map.of(), "import", "dossiers", "khong-co.csv");
        assertThat(file.exitCode()).isEqualTo(2);
        assertThat(file.err().lines()).singleElement().asString().contains("khong-co.csv");

        Done future = run(Map.of(), "run", "--period", "2099-01");
        assertThat(future.exitCode()).isEqualTo(2);
        assertThat(future.err()).startsWith("motcua-report: kỳ 2099-01 chưa bắt đầu: kỳ bắt đầu từ ngày 02/12/2098");

        Done help = run(Map.of(), "help", "run");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--cutoff-day");

        assertThat(tmp.resolve("home/db")).as("no database was started").doesNotExist();
        assertThat(tmp.resolve("home/pg-bin")).doesNotExist();
    }

    @Test
    void aBrokenJobsFile_isNamedWithItsRealLine_inTheProductsWords_exitTwo() throws Exception {
        // This one starts the database: its binaries are unpacked once for all process tests.
        ProcessHome.in(tmp);
        Path jobs = Files.createDirectories(tmp.resolve("jobs"));
        // Line 6 lacks its colon; the parser only notices on line 7.
        Files.writeString(jobs.resolve("report.yaml"), """
                cutoff-day: 25
                centre:
                  parent-body: UBND huyện An Hòa
                  name: Trung tâm Hành chính công
                  place: An Hòa
                  symbol TTHCC
                recipients:
                  - Lưu
                archive: TT
                signer:
                  position: GIÁM ĐỐC
                  name: Nguyễn Văn An
                """);
        Done done = run(Map.of("MOTCUA_JOBS", jobs.toString()), "run", "--period", "2021-02");
        assertThat(done.exitCode()).as(done.err()).isEqualTo(2);
        assertThat(done.err().lines()).singleElement().asString()
                .startsWith("motcua-report: " + jobs.resolve("report.yaml") + ", dòng 6: không đọc được dòng này")
                .doesNotContain("mapping").doesNotContain("Exception").doesNotContain("line 7");
        assertThat(done.out()).isEmpty();
    }

    @Test
    void motcuaJobs_pointingAtAMissingFolder_isRefusedWithExitTwo_beforeTheDatabaseStarts() throws Exception {
        Path missing = tmp.resolve("khong-co-jobs");
        Done done = run(Map.of("MOTCUA_JOBS", missing.toString()), "history");
        assertThat(done.exitCode()).isEqualTo(2);
        assertThat(done.err()).isEqualTo("motcua-report: MOTCUA_JOBS trỏ tới " + missing
                + ", không phải một thư mục: đặt biến này là thư mục chứa report.yaml, hoặc bỏ biến\n");
        assertThat(tmp.resolve("home/db")).doesNotExist();
    }
}

package vn.motcua.report.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.centre.Centres;

/**
 * bench --centres end to end on a small generated province (speed is printed, never asserted): the province's run
 * and the single report over the same dossiers, whose totals must agree.
 */
@TestPropertySource(properties = "motcua.jobs=" + ProvinceBenchCommandTest.JOBS)
class ProvinceBenchCommandTest extends DatabaseTest {

    static final String JOBS = "target/test-jobs/province-bench";

    static {
        jobsFolder(JOBS, null);
    }

    private static final String REPORT_TOTAL = """
            SELECT sum(r.total) FROM report_row r JOIN report_revision v ON v.id = r.revision_id
             WHERE v.centre = ? AND v.revision = 1""";

    @Test
    void benchCentres_printsTheRatioLine_andTheConsolidationAddsUpToTheSingleReport() {
        Run run = cli("bench", "--dossiers", "20000", "--centres", "5");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        String last = run.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).matches("bench: dossiers=20000 centres=5 in_scope=[1-9][0-9]* all_centres_s=[0-9.]+"
                + " single_s=[0-9.]+ all_centres_vs_single=[0-9.]+ heap_peak_mb=[0-9]+");
        assertThat(run.out()).contains("identical to the single report's");

        long inScope = Long.parseLong(last.replaceAll(".* in_scope=([0-9]+) .*", "$1"));
        Long single = jdbc.queryForObject(REPORT_TOTAL, Long.class, "");
        Long consolidation = jdbc.queryForObject(REPORT_TOTAL, Long.class, SyntheticProvince.CONSOLIDATION);
        assertThat(consolidation).isEqualTo(single).isEqualTo(inScope);
        // The consolidation's table by centre counts the same dossiers, every generated centre and the blank ones.
        assertThat(jdbc.queryForObject("SELECT sum(c.total) FROM report_centre_row c JOIN report_revision v"
                + " ON v.id = c.revision_id WHERE v.centre = ? AND v.revision = 1", Long.class,
                SyntheticProvince.CONSOLIDATION)).isEqualTo(single);
        assertThat(jdbc.queryForList("SELECT DISTINCT centre FROM report_revision WHERE centre NOT IN ('', ?)",
                String.class, SyntheticProvince.CONSOLIDATION))
                .containsExactlyInAnyOrder("tinh", "chi-nhanh-01", "xa-001", "xa-002", "xa-003");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dossier WHERE centre IS NULL", Long.class)).isPositive();
        // Each centre's report holds its own dossiers: theirs add up to the consolidation's, the blank ones aside.
        assertThat(jdbc.queryForObject("SELECT sum(r.total) FROM report_row r JOIN report_revision v"
                + " ON v.id = r.revision_id WHERE v.centre NOT IN ('', ?)", Long.class, SyntheticProvince.CONSOLIDATION))
                .isLessThan(single).isEqualTo(single - jdbc.queryForObject("SELECT c.total FROM report_centre_row c"
                        + " JOIN report_revision v ON v.id = c.revision_id WHERE v.centre = ? AND c.level = 'undetermined'",
                        Long.class, SyntheticProvince.CONSOLIDATION));
        // The bench's centres.yaml is gone: the jobs folder is as it found it.
        assertThat(Files.exists(Path.of(JOBS, Centres.FILE))).isFalse();
    }

    @Test
    void benchCentres_badCount_orWithImport_exitTwo() {
        Run zero = cli("bench", "--dossiers", "5000", "--centres", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("between 1 and 999");
        Run both = cli("bench", "--dossiers", "5000", "--centres", "3", "--import");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("choose one");
        assertThat(count("dossier")).isZero();
    }
}

package vn.motcua.report.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.motcua.report.DatabaseTest;

/** The bench command end to end on a small generated set (speed is printed, never asserted). */
class BenchCommandTest extends DatabaseTest {

    @Test
    void bench_printsTheTableAndTheSummaryLine_withJobStreamAndSqlAgreeing() {
        Run run = cli("bench", "--dossiers", "5000");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Tables: job, stream and sql are identical.");
        String last = run.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).matches("bench: dossiers=5000 in_scope=[1-9][0-9]* job_s=[0-9.]+ stream_s=[0-9.]+ sql_s=[0-9.]+"
                + " job_vs_stream=[0-9.]+ job_vs_sql=[0-9.]+ heap_peak_mb=[0-9]+");
        assertThat(count("dossier")).isEqualTo(5000);
        // The generated data satisfies every check of the dossier table and references the catalogue.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dossier d LEFT JOIN field f ON f.code = d.field_code"
                + " WHERE f.code IS NULL", Long.class)).isZero();
    }

    @Test
    void bench_refusesADatabaseThatHoldsDossiers_exitTwo() {
        assertThat(cli("bench", "--dossiers", "2000").exitCode()).isZero();
        // The same size again reuses the generated data (what --keep is for) and measures new revisions.
        Run same = cli("bench", "--dossiers", "2000");
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.out()).contains("Reusing the kept 2,000 dossiers").contains("identical");
        Run other = cli("bench", "--dossiers", "3000");
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.err()).contains("bench needs an empty database");
        assertThat(count("dossier")).isEqualTo(2000);
    }

    @Test
    void bench_badNumbers_exitTwo() {
        assertThat(cli("bench", "--dossiers", "lots").exitCode()).isEqualTo(2);
        assertThat(cli("bench", "--dossiers", "10").err()).contains("between 1000 and 100000000");
        assertThat(cli("bench", "--dossiers", "5000", "--periods", "1").exitCode()).isEqualTo(2);
        Run missing = cli("bench");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--dossiers");
        Run stray = cli("bench", "--dossiers", "5000", "--keep", "x");
        assertThat(stray.exitCode()).isEqualTo(2);
        assertThat(stray.err()).contains("'x'");
    }

    @Test
    void benchImport_timesAFirstImportAgainstTheDatabaseFloor_andStoresEveryRow() {
        Run run = cli("bench", "--dossiers", "3000", "--import");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        String last = run.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).matches("bench: import_rows=3000 added=3000 import_s=[0-9.]+ floor_s=[0-9.]+"
                + " import_vs_floor=[0-9.]+ heap_peak_mb=[0-9]+");
        // The import stored the generated export as written: 6 fields in turn, every fifth dossier open.
        assertThat(count("dossier")).isEqualTo(3000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dossier WHERE finished_on IS NULL", Long.class)).isEqualTo(600);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT field_code) FROM dossier", Long.class)).isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'bench_floor%'",
                Long.class)).isZero();
        assertThat(cli("bench", "--dossiers", "3000", "--import").exitCode()).isEqualTo(2);
    }
}

package vn.motcua.report.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.centre.Centre;
import vn.motcua.report.centre.Centres;
import vn.motcua.report.config.JobsFolder;

/**
 * The demo province's export (demo/province/dossiers.csv: the seed's dossiers, each given a receiving centre in
 * turn, by name, alias, another case and spacing, one unlisted centre, some none) with its centres.yaml: every
 * dossier reaches the centre it was given. Its ten-row cycle over 574 rows, worked by hand: places 0–3 come 58
 * times, places 4–9 57 times; place 9 alternates the unlisted centre (29) and blank (28).
 */
@TestPropertySource(properties = "motcua.jobs=" + ProvinceDemoExportTest.JOBS)
class ProvinceDemoExportTest extends DatabaseTest {

    static final String JOBS = "target/test-jobs/province-demo";

    static {
        jobsFolder(JOBS, provinceCentres());
    }

    @Autowired
    JobsFolder jobs;

    @Test
    void everyDossier_reachesTheCentreItWasGiven_orIsNamedUnlisted_orHasNone() throws Exception {
        Path export = tmp.resolve("province.csv");
        try (InputStream in = ProvinceDemoExportTest.class.getResourceAsStream("/demo/province/dossiers.csv")) {
            Files.copy(in, export);
        }
        jobs.readAfresh();
        Run imported = cli("import", "dossiers", export.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("TTPVHCC xã Tân Lập (29 dossiers)");

        Centres centres = Centres.load(jobs).orElseThrow();
        Map<String, Long> byCentre = new TreeMap<>();
        jdbc.query("SELECT centre, count(*) FROM dossier GROUP BY centre", rs -> {
            String received = rs.getString(1);
            String code = received == null ? "(none)"
                    : centres.match(received).map(Centre::code).orElse("(unlisted) " + received);
            byCentre.merge(code, rs.getLong(2), Long::sum);
        });
        assertThat(byCentre).containsExactlyInAnyOrderEntriesOf(Map.of(
                "tinh", 174L, "chi-nhanh-1", 58L, "xa-an-phu", 114L, "phuong-dong-hai", 57L, "xa-binh-my", 57L,
                "xa-vinh-an", 57L, "(unlisted) TTPVHCC xã Tân Lập", 29L, "(none)", 28L));
    }
}

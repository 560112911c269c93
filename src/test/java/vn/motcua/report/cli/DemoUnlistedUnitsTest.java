package vn.motcua.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.report.DatabaseTest;

/**
 * demo says, as import does, which units of its data the catalogue does not list: this test's own jobs folder,
 * {@value #JOBS}, has the tests' catalogue without its last unit, Công an huyện (104 of the demo's dossiers).
 */
@TestPropertySource(properties = "motcua.jobs=" + DemoUnlistedUnitsTest.JOBS)
class DemoUnlistedUnitsTest extends DatabaseTest {

    static final String JOBS = "target/test-jobs/demo-unlisted-units";

    static {
        try {
            Path to = Path.of(JOBS);
            try (var files = Files.walk(DatabaseTest.JOBS)) {
                for (Path f : files.toList()) {
                    Path target = to.resolve(DatabaseTest.JOBS.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            String catalogue = Files.readString(to.resolve("catalogue.yaml"));
            String policeUnit = "  - code: cong-an\n    name: Công an huyện\n";
            assertThat(catalogue).endsWith(policeUnit);
            Files.writeString(to.resolve("catalogue.yaml"), catalogue.substring(0, catalogue.length() - policeUnit.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void demo_namesTheUnitsTheCatalogueDoesNotList_likeImport() {
        Run demo = cli("demo", "--out", tmp.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("Units the catalogue (jobs/catalogue.yaml) does not list, counted under these"
                + " names after its units: Công an huyện (104 dossiers).");
        assertThat(demo.out().indexOf("Units the catalogue")).as("after the dossiers' import line, before the report")
                .isGreaterThan(demo.out().indexOf("Imported dossiers")).isLessThan(demo.out().indexOf("Report 2021-02"));
    }
}

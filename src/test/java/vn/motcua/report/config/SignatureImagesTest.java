package vn.motcua.report.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signer blocks' signature-image: the period file's signer first, then report.yaml's, relative to jobs/. */
class SignatureImagesTest {

    @TempDir
    Path jobs;

    @Test
    void signatureImages_byName_periodFileFirst_pathsInTheJobsFolder() throws Exception {
        String report = Files.readString(Path.of("src/test/resources/jobs/report.yaml"))
                .replace("  name: Nguyễn Văn An", "  name: Nguyễn Văn An\n  signature-image: signatures/an.png");
        Files.writeString(jobs.resolve("report.yaml"), report);
        Files.createDirectories(jobs.resolve("periods"));
        Files.writeString(jobs.resolve("periods/2021-03.yaml"),
                "signer:\n  position: GIÁM ĐỐC\n  name: Trần Thị Bình\n  signature-image: signatures/binh.png\n");
        JobsFolder folder = new JobsFolder(jobs);

        assertThat(folder.signatureImages("2021-03")).containsExactly(
                Map.entry("Trần Thị Bình", jobs.resolve("signatures/binh.png")),
                Map.entry("Nguyễn Văn An", jobs.resolve("signatures/an.png")));
        assertThat(folder.signatureImages("2021-02")).containsExactly(Map.entry("Nguyễn Văn An", jobs.resolve("signatures/an.png")));
        assertThat(folder.reportSettings().signer().name()).as("the key is known to report.yaml").isEqualTo("Nguyễn Văn An");
        assertThat(new JobsFolder(null).signatureImages("2021-02")).isEmpty();
    }
}

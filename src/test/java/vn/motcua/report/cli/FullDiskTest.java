package vn.motcua.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.motcua.report.DatabaseTest;
import vn.motcua.report.Tmpfs;
import vn.motcua.report.system.Messages;

/**
 * Reports written to a disk that fills up (a 64 KB tmpfs: the tables and the workbook fit, the PDF does not):
 * the user reads one sentence naming the folder, exit 1, no half-written or temporary file is left, and
 * {@code restart} to a folder with room finishes the revision.
 */
class FullDiskTest extends DatabaseTest {

    private static final Pattern INTERNALS = Pattern.compile("Exception|java\\.|SQL|ERROR:|\\tat ");

    @Test
    void reportsOnAFullDisk_areRefusedInOneSentenceNamingTheFolder_exitOne_andRestartFinishes() throws Exception {
        Path demo = tmp.resolve("dossiers.csv");
        try (InputStream in = getClass().getResourceAsStream("/demo/dossiers.csv")) {
            Files.copy(in, demo);
        }
        assertThat(cli("import", "dossiers", demo.toString()).exitCode()).isZero();

        try (Tmpfs disk = Tmpfs.mountOrSkip(tmp.resolve("small-disk"), "64k")) {
            Path folder = disk.folder().resolve("2021-02");
            Run run = cli("run", "--period", "2021-02", "--cutoff-day", "25", "--out", disk.folder().toString());
            assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
            String sentence = Messages.of(Locale.ENGLISH).text("fault.disk-full", folder.toAbsolutePath());
            assertThat(sentence).startsWith("the disk holding " + folder.toAbsolutePath() + " has no space left");
            assertThat(run.err().lines()).contains("  " + sentence).contains("Nothing of revision 1 counts as a finished"
                    + " report. Fix the cause, then: restart --period 2021-02");
            plain(run);
            assertThat(files(disk.folder())).as("whole files only, none half-written")
                    .noneMatch(f -> f.endsWith(".tmp")).noneMatch(f -> f.endsWith(".pdf"));

            Run again = cliIn(Messages.VIETNAMESE, "restart", "--period", "2021-02", "--out", disk.folder().toString());
            assertThat(again.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(again.err()).contains("không còn chỗ trống trên ổ đĩa chứa " + folder.toAbsolutePath());
            plain(again);
            assertThat(files(disk.folder())).noneMatch(f -> f.endsWith(".tmp"));
        }

        Run restarted = cli("restart", "--period", "2021-02", "--out", tmp.resolve("reports").toString());
        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        assertThat(restarted.out()).contains("TOTAL").contains("bao-cao-2021-02-r1.pdf");
        assertThat(tmp.resolve("reports/2021-02/bao-cao-2021-02-r1.pdf")).exists();
    }

    private static void plain(Run run) {
        for (String line : (run.out() + run.err()).split("\n")) {
            assertThat(INTERNALS.matcher(line).find()).as("an internal shown: " + line).isFalse();
        }
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(Path::toString).toList();
        }
    }
}

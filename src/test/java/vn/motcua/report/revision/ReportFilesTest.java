package vn.motcua.report.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.report.report.TableCsv;
import vn.motcua.report.period.CutoffDay;
import vn.motcua.report.period.Period;

/** The revision's file names and their all-or-nothing writing. */
class ReportFilesTest {

    @TempDir
    Path tmp;

    private static final Revision R2 = new Revision(7, Period.of("2021-02", CutoffDay.parse("25")), 2,
            RevisionStatus.COMPLETED, null, null);

    @Test
    void path_namesTheFilesOfARevisionBesideEachOther() {
        assertThat(ReportFiles.path(tmp, R2, ".csv")).isEqualTo(tmp.resolve("2021-02/bao-cao-2021-02-r2.csv"));
        assertThat(TableCsv.path(tmp, R2)).isEqualTo(tmp.resolve("2021-02/bao-cao-2021-02-r2.csv"));
        assertThat(ReportFiles.path(tmp, R2, "-signed.pdf")).isEqualTo(tmp.resolve("2021-02/bao-cao-2021-02-r2-signed.pdf"));
    }

    @Test
    void writeAtomically_createsTheFolderAndReplacesAnOlderFile() throws IOException {
        Path target = ReportFiles.path(tmp, R2, ".csv");
        ReportFiles.writeAtomically(target, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
        assertThat(ReportFiles.writeAtomically(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(target);
        assertThat(target).hasContent("new");
        assertThat(target.resolveSibling("bao-cao-2021-02-r2.csv.tmp")).doesNotExist();
    }

    @Test
    void aFailedWrite_keepsTheOlderFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = ReportFiles.path(tmp, R2, ".pdf");
        ReportFiles.writeAtomically(target, out -> out.write("whole".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> ReportFiles.writeAtomically(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThatThrownBy(() -> ReportFiles.writeOnce(ReportFiles.path(tmp, R2, "-signed.pdf"), out -> {
            throw new IllegalStateException("signing failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(target).hasContent("whole");
        try (var files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bao-cao-2021-02-r2.pdf");
        }
    }
}

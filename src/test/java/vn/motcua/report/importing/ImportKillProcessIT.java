package vn.motcua.report.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.report.ProcessHome;
import vn.motcua.report.ProcessHome.Done;
import vn.motcua.report.ProcessHome.Started;

/**
 * An import killed with SIGKILL while it reads a large file, process by process on one MOTCUA_HOME, as a user
 * runs them: while it lives, another command leaves its import_batch row STARTED (its lock is held); once it is
 * dead, the next command marks the row INTERRUPTED, and nothing of the file is stored.
 * It starts JVMs: failsafe runs it in {@code mvn -B verify}.
 */
class ImportKillProcessIT {

    @TempDir
    Path tmp;

    private ProcessHome home;

    @AfterEach
    void stopAnyServerLeft() throws Exception {
        if (home != null) {
            home.stopServer();
        }
    }

    @Test
    void anImportKilledWhileReading_isLeftStartedWhileItLives_andMarkedInterruptedByTheNextCommand() throws Exception {
        home = ProcessHome.in(tmp);
        Path big = tmp.resolve("big.csv");
        try (Writer w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write(ImportTestSupport.HEADINGS + "\n");
            for (int i = 0; i < 3_000_000; i++) {
                w.write("K" + i + ",dat-dai,P,direct,13/02/2021,,,,,,\n");
            }
        }

        Process a = startReading(big);
        assertThat(query("SELECT status FROM import_batch")).contains("STARTED");

        Done history = home.run("history");
        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(a.isAlive()).isTrue();
        assertThat(query("SELECT status FROM import_batch")).as("a live import is never marked").contains("STARTED");

        a.destroyForcibly();   // SIGKILL
        assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(query("SELECT status FROM import_batch")).contains("STARTED");

        // The next command, whichever it is, marks it (the last command out stops the server: a second import,
        // still reading when the row is looked at, keeps it up).
        Done next = home.run("history");
        assertThat(next.exitCode()).as(next.err()).isZero();
        Process b = startReading(big);
        assertThat(query("SELECT string_agg(status, ',' ORDER BY id) FROM import_batch")).contains("INTERRUPTED,STARTED");
        assertThat(query("SELECT count(*) FROM dossier")).contains(0L);
        b.destroyForcibly();
        assertThat(b.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** An import of {@code file}, once it is reading it (its progress line shows). */
    private Process startReading(Path file) throws Exception {
        Started p = home.start("import", "dossiers", file.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!p.err().contains("rows read")) {
            assertThat(p.process().isAlive()).as("the import ended early: " + p.err()).isTrue();
            assertThat(System.nanoTime()).as("the import did not start reading").isLessThan(deadline);
            Thread.sleep(200);
        }
        return p.process();
    }

    /** The first column of the first row, on the server the commands share (left running by the killed one). */
    private Optional<Object> query(String sql) throws IOException {
        return home.query(sql);
    }
}

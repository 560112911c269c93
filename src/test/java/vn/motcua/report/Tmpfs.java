package vn.motcua.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * A small RAM disk (tmpfs) mounted on a test's folder, to fill a disk for real: root may mount one; anyone
 * else skips the test, with the reason printed. Unmounted when closed.
 */
public final class Tmpfs implements AutoCloseable {

    private final Path folder;

    private Tmpfs(Path folder) {
        this.folder = folder;
    }

    /** Mounts a tmpfs of {@code size} (e.g. "64k") on {@code folder}, or skips the test saying why. */
    public static Tmpfs mountOrSkip(Path folder, String size) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        String said = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", folder.toString());
        if (said != null) {
            System.out.println("Skipped: cannot mount a small tmpfs to fill a disk (" + said + ")");
            Assumptions.abort("cannot mount a tmpfs: " + said);
        }
        return new Tmpfs(folder);
    }

    /** Fills what is left of the disk with one file. */
    public Tmpfs fill() throws IOException {
        byte[] block = new byte[4096];
        try (var out = Files.newOutputStream(folder.resolve("fill"))) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // No space left: what was asked.
        }
        return this;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (run("umount", folder.toString()) != null) {
            run("umount", "-l", folder.toString());
        }
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return command[0] + " cannot be run";
        }
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor() == 0 ? null : (said.isEmpty() ? command[0] + " failed" : said);
    }
}

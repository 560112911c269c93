package vn.motcua.report.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A jobs folder of a command's own (demo --province, bench --centres): the jobs files bundled in the jar, in a new
 * temporary folder, so that the command may add a centres.yaml without touching the user's jobs folder.
 */
final class ScratchJobs {

    private ScratchJobs() {
    }

    /** A new temporary folder named {@code prefix…} holding the bundled report.yaml, catalogue.yaml and import-mapping.yaml. */
    static Path bundled(String prefix) {
        try {
            Path jobs = Files.createTempDirectory(prefix);
            for (String name : new String[] {"report.yaml", "catalogue.yaml", "import-mapping.yaml"}) {
                copy("/jobs/" + name, jobs.resolve(name));
            }
            return jobs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = ScratchJobs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** Removes the folder and what it holds. */
    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

package vn.motcua.report.db;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A database of a command's own in a scratch folder under the temporary directory, never the real one:
 * any command started with {@code motcua.scratch-database=NAME} runs in one (bench does, as its command
 * configuration asks). The folder is removed when the command ends, unless
 * {@code motcua.scratch-database.keep} is true: then it is {@code $TMPDIR/motcua-NAME}, and a later
 * command with the same name and keep reuses it.
 */
public final class ScratchDatabase implements Closeable {

    public static final String PROPERTY = "motcua.scratch-database";
    public static final String KEEP_PROPERTY = "motcua.scratch-database.keep";

    private final Path folder;
    private final boolean keep;

    private ScratchDatabase(Path folder, boolean keep) {
        this.folder = folder;
        this.keep = keep;
    }

    /** The properties that put a command in a scratch database named {@code name} (kept or not). */
    public static Map<String, Object> properties(String name, boolean keep) {
        return Map.of(PROPERTY, name, KEEP_PROPERTY, Boolean.toString(keep));
    }

    static ScratchDatabase create(String name, boolean keep) throws IOException {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a scratch database's name is letters, digits, '.', '_' and '-': " + name);
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        // A kept folder has a name anyone can guess: one that another account made first is refused, not used.
        Path folder = keep ? OwnFolders.folder(tmp.resolve("motcua-" + name))
                : Files.createTempDirectory(tmp, "motcua-" + name + "-");
        return new ScratchDatabase(folder.toAbsolutePath(), keep);
    }

    /** The scratch folder: the database is in its {@code db/}, and a command may put its own files beside it. */
    public Path folder() {
        return folder;
    }

    public Path database() {
        return folder.resolve("db");
    }

    public boolean kept() {
        return keep;
    }

    /** Removes the folder unless kept; called after the database server stopped. */
    @Override
    public void close() throws IOException {
        if (keep || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

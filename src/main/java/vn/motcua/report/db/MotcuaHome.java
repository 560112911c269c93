package vn.motcua.report.db;

import java.nio.file.Path;

/** The folder that holds the embedded database, logs and binaries: {@code $MOTCUA_HOME}, default {@code ~/.motcua}. */
public record MotcuaHome(Path path, Path database) {

    /** The usual layout: the database in {@code db/} (bench points it at a scratch folder instead). */
    public MotcuaHome(Path path) {
        this(path, path.resolve("db"));
    }

    public Path logs() {
        return path.resolve("logs");
    }

    public Path binaries() {
        return path.resolve("pg-bin");
    }
}

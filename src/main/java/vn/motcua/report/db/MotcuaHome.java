package vn.motcua.report.db;

import java.nio.file.Path;

/** The folder that holds the embedded database, logs and binaries: {@code $MOTCUA_HOME}, default {@code ~/.motcua}. */
public record MotcuaHome(Path path) {

    public Path database() {
        return path.resolve("db");
    }

    public Path logs() {
        return path.resolve("logs");
    }

    public Path binaries() {
        return path.resolve("pg-bin");
    }
}

package vn.motcua.report.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

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

    /** The embedded server's passwords, made once at random (0600). */
    Path passwords() {
        return path.resolve("db.passwords");
    }

    /** The embedded servers' Unix sockets: a folder only the operator can enter, so a socket connection is the operator's. */
    Path sockets() {
        return path.resolve("run");
    }

    /** The gate and users locks of the embedded server (see {@link EmbeddedPostgresServer}). */
    Path lock(String name) {
        return path.resolve(name);
    }

    /** Refuses the home, or its log folder, when another account owns it; changes nothing (and logs nothing). */
    public void mustBeMine() {
        try {
            for (Path part : List.of(path, logs())) {
                if (Files.exists(part, LinkOption.NOFOLLOW_LINKS)) {
                    OwnFolders.mustBeMine(part);
                    OwnFolders.mustBeMine(part.toRealPath());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the home the operator's alone, as every command finds it: made 0700 if missing; refused if another
     * account owns it or any of the product's parts in it (that account could have put its own programs or
     * passwords there); otherwise the rights of group and others are taken away from the home and from those
     * parts (database folder, logs, sockets, locks, passwords). Returns this home.
     */
    public MotcuaHome secured() {
        OwnFolders.folder(path);
        try {
            // pg-bin is not among them: what is in it must first be checked as it was found (PostgresBinaries).
            for (Path part : List.of(path.resolve("db"), logs(), sockets(), passwords(),
                    lock(EmbeddedPostgresServer.GATE), lock(EmbeddedPostgresServer.USERS))) {
                if (Files.exists(part, LinkOption.NOFOLLOW_LINKS)) {
                    OwnFolders.tighten(part);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OwnFolders.folder(logs());
        return this;
    }
}

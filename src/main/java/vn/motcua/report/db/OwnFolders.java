package vn.motcua.report.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.report.system.Refusal;

/**
 * What the product keeps on disk is its operator's alone: folders 0700, files 0600, all owned by the account
 * running the command. Another account that could write there could change the PostgreSQL programs the operator
 * runs, or read the database's password. A folder or file owned by another account is refused, never used;
 * one of the operator's own with looser modes is tightened.
 */
final class OwnFolders {

    private static final Logger log = LoggerFactory.getLogger(OwnFolders.class);

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> PROGRAM = PosixFilePermissions.fromString("rwx------");

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** Only where files have owners and modes (not on Windows). */
    static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    private static final long MY_UID = POSIX ? new com.sun.security.auth.module.UnixSystem().getUid() : -1;

    private OwnFolders() {
    }

    /** The folder, made if missing (0700), refused if another account owns it (or the link to it), tightened otherwise. */
    static Path folder(Path folder) {
        try {
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(folder, attributes(FOLDER));
            }
            mustBeMine(folder); // a link too: one another account made could point anywhere
            tighten(folder.toRealPath());
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses the file or folder (not following a link) when another account owns it, and takes away every
     * right of group and others from it. Returns whether it had any.
     */
    static boolean tighten(Path path) throws IOException {
        if (!POSIX) {
            return false;
        }
        mustBeMine(path);
        if (Files.isSymbolicLink(path)) {
            return false; // a link has no modes of its own; what it points to is checked where it is used
        }
        Set<PosixFilePermission> modes = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (modes.stream().noneMatch(OTHERS::contains)) {
            return false;
        }
        Set<PosixFilePermission> tight = EnumSet.copyOf(modes);
        tight.removeAll(OTHERS);
        Files.setPosixFilePermissions(path, tight);
        log.info("Took the rights of group and others away from {} (was {})", path, PosixFilePermissions.toString(modes));
        return true;
    }

    /** Whether group or others may write to it (a link: never, its target is looked at on its own). */
    static boolean othersMayWrite(Path path) throws IOException {
        if (!POSIX || Files.isSymbolicLink(path)) {
            return false;
        }
        Set<PosixFilePermission> modes = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        return modes.contains(PosixFilePermission.GROUP_WRITE) || modes.contains(PosixFilePermission.OTHERS_WRITE);
    }

    static boolean mine(Path path) throws IOException {
        return !POSIX || ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue() == MY_UID;
    }

    static void mustBeMine(Path path) throws IOException {
        if (!mine(path)) {
            throw new Refusal("db.not-yours", path.toString(),
                    Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName(), System.getProperty("user.name"));
        }
    }

    /** Writes a file only this account can read (0600 from its first byte), replacing any before it at once. */
    static void writePrivate(Path file, String content) throws IOException {
        Path next = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createFile(next, attributes(FILE));
            Files.writeString(next, content);
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(next);
        }
    }

    /** Creates an empty file only this account can read, unless it exists (then it is checked as any other). */
    static void createPrivate(Path file) throws IOException {
        try {
            Files.createFile(file, attributes(FILE));
        } catch (FileAlreadyExistsException e) {
            tighten(file);
        }
    }

    static FileAttribute<?>[] attributes(Set<PosixFilePermission> modes) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(modes)} : new FileAttribute<?>[0];
    }
}

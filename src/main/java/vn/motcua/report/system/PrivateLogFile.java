package vn.motcua.report.system;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.WarnStatus;

/**
 * The log file, readable by the operator's account only (0600): it holds data of the dossiers and the
 * database's settings. Each file it opens, the first and each new one after a roll-over, is made 0600 before
 * anything is written; a rolled file is the old one renamed (no compression, which would make a new file), so
 * it stays 0600. A log that cannot be opened or written never stops a command: its errors are kept as
 * warnings (Spring Boot refuses to start on a logging error) and {@link LogStatus} keeps them off the terminal.
 */
public final class PrivateLogFile extends RollingFileAppender<ILoggingEvent> {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    @Override
    public void openFile(String name) throws IOException {
        ownerOnly(Path.of(name));
        super.openFile(name);
    }

    /** Creates the file (and its folder, if missing) for the owner only, or makes an existing one so. */
    static void ownerOnly(Path file) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            // A log of an earlier version, readable by all: made the owner's only.
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    /** The appender's errors as warnings: Spring Boot would refuse to start on an error, and the command must run. */
    @Override
    public void addStatus(Status status) {
        super.addStatus(status instanceof ErrorStatus
                ? new WarnStatus(status.getMessage(), status.getOrigin(), status.getThrowable()) : status);
    }
}

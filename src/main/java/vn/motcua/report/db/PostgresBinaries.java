package vn.motcua.report.db;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.lang3.SystemUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import vn.motcua.report.system.Refusal;
import vn.motcua.report.system.Sha256;

/**
 * The PostgreSQL programs the embedded server runs, unpacked from the binaries jar into
 * {@code $MOTCUA_HOME/pg-bin/PG-<digest of the archive>}: folders and files the operator's alone, programs 0700,
 * the rest 0600. Programs another account could have changed are never run: when {@code pg-bin} or anything
 * in the installation is writable by group or others or owned by another account, {@code pg-bin} is closed
 * (0700) and emptied, and the programs are unpacked again from the jar.
 */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);

    private final Path installation;

    private PostgresBinaries(Path installation) {
        this.installation = installation;
    }

    /** The programs, checked or unpacked; called with the server's gate held, so no other command unpacks meanwhile. */
    static PostgresBinaries ready(MotcuaHome home) throws IOException {
        byte[] archive = archive();
        Path folder = home.binaries();
        if (!Files.exists(folder)) {
            Files.createDirectories(folder, OwnFolders.attributes(OwnFolders.FOLDER));
        }
        // pg-bin may be a link to a folder of the operator's (the process tests share one): what counts is that folder.
        Path binaries = folder.toRealPath();
        Path installation = binaries.resolve("PG-" + Sha256.of(archive).substring(0, 32));
        if (untrusted(binaries, installation)) {
            log.warn("The PostgreSQL programs in {} could have been changed by another account: unpacking them again",
                    binaries);
            OwnFolders.tighten(binaries);
            empty(binaries);
        }
        if (!Files.isDirectory(installation, LinkOption.NOFOLLOW_LINKS)) {
            unpack(archive, binaries, installation);
        }
        return new PostgresBinaries(installation);
    }

    /** The command line running one of the programs; as root, in a user namespace of its own, where PostgreSQL agrees to run. */
    List<String> command(String program, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(installation.resolve("bin").resolve(program).toString());
        command.addAll(arguments);
        return command;
    }

    private static byte[] archive() throws IOException {
        String system = SystemUtils.IS_OS_MAC_OSX ? "Darwin" : SystemUtils.IS_OS_WINDOWS ? "Windows" : "Linux";
        String machine = "amd64".equals(SystemUtils.OS_ARCH) ? "x86_64" : SystemUtils.OS_ARCH;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machine)) {
            return in.readAllBytes();
        }
    }

    /** Whether another account owns, or group or others may write to, pg-bin or anything in the installation. */
    private static boolean untrusted(Path binaries, Path installation) throws IOException {
        OwnFolders.mustBeMine(binaries);
        if (OwnFolders.othersMayWrite(binaries)) {
            return true;
        }
        if (!Files.exists(installation, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> all = Files.walk(installation)) {
            for (Path p : all.toList()) {
                if (!OwnFolders.mine(p) || OwnFolders.othersMayWrite(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Removes everything in the folder (not following links: a link is removed, not what it points to). */
    private static void empty(Path binaries) {
        try (Stream<Path> all = Files.walk(binaries)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(binaries)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new Refusal(e, "db.binaries-untrusted", binaries.toString());
        }
    }

    /** Unpacks into a folder of its own, renamed into place once whole: a killed unpacking leaves no half installation. */
    private static void unpack(byte[] archive, Path binaries, Path installation) throws IOException {
        log.info("Unpacking PostgreSQL into {}", installation);
        Path partial = binaries.resolve(".unpacking-" + UUID.randomUUID());
        Files.createDirectory(partial, OwnFolders.attributes(OwnFolders.FOLDER));
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = partial.resolve(entry.getName()).normalize();
                if (!target.startsWith(partial)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target, OwnFolders.attributes(OwnFolders.FOLDER));
                    continue;
                }
                Files.createDirectories(target.getParent(), OwnFolders.attributes(OwnFolders.FOLDER));
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Path original = partial.resolve(entry.getLinkName()).normalize();
                    if (!original.startsWith(partial)) {
                        throw new IOException("archive link outside its folder: " + entry.getLinkName());
                    }
                    Files.createLink(target, original);
                } else if (entry.isFile()) {
                    boolean program = (entry.getMode() & 0100) != 0;
                    Files.createFile(target, OwnFolders.attributes(program ? OwnFolders.PROGRAM : OwnFolders.FILE));
                    try (OutputStream out = Files.newOutputStream(target)) {
                        tar.transferTo(out);
                    }
                }
            }
            try {
                Files.move(partial, installation, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isDirectory(installation, LinkOption.NOFOLLOW_LINKS)) {
                    throw e;
                } // unpacked meanwhile by a command of another home that shares this folder (the process tests do)
            }
        } finally {
            if (Files.exists(partial)) {
                try (Stream<Path> all = Files.walk(partial)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }
}

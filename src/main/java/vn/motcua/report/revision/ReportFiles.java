package vn.motcua.report.revision;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import vn.motcua.report.period.PeriodName;
import vn.motcua.report.system.FullDisk;

/**
 * The files a revision produces side by side ({@code DIR/2021-02/bao-cao-2021-02-r1.csv}, {@code .pdf},
 * {@code -signed.pdf}), each written through a temporary file and moved in place, so no reader ever sees
 * half a file.
 */
public final class ReportFiles {

    /** Writes a file's whole content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private ReportFiles() {
    }

    /**
     * {@code DIR/PERIOD/bao-cao-PERIOD-rN<suffix>}, e.g. {@code DIR/2021-02/bao-cao-2021-02-r1.csv}; a centre's in
     * its own folder, {@code DIR/2021-02/xa-an-phu/bao-cao-xa-an-phu-2021-02-r1.csv}.
     */
    public static Path path(Path outDir, Revision revision, String suffix) {
        Path period = outDir.resolve(revision.period().name());
        return (revision.key().ofCentre() ? period.resolve(revision.centre()) : period)
                .resolve(name(revision.key(), revision.revision(), suffix));
    }

    /** {@code bao-cao-PERIOD-rN<suffix>}: the file's name alone, as a PDF also names the tables it carries. */
    public static String name(PeriodName period, int revision, String suffix) {
        return name(ReportKey.of(period), revision, suffix);
    }

    /** As {@link #name(PeriodName, int, String)}; a centre's {@code bao-cao-CODE-PERIOD-rN<suffix>}. */
    public static String name(ReportKey report, int revision, String suffix) {
        return "bao-cao-" + (report.ofCentre() ? report.centre() + "-" : "") + report.period().name() + "-r" + revision
                + suffix;
    }

    /** Writes {@code target} (its folder created if needed) through {@code target.tmp}, replacing an older file. */
    public static Path writeAtomically(Path target, Content content) throws IOException {
        return write(target, content, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * As {@link #writeAtomically} but without asking the move to replace: for a file that is written once.
     * The caller checks first that {@code target} does not exist (the move alone does not promise to refuse).
     */
    public static Path writeOnce(Path target, Content content) throws IOException {
        return write(target, content, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Writes through {@code target.tmp}; a disk that fills up is said as such ({@link FullDisk}), naming the
     * folder, and the temporary file is removed whatever the failure.
     */
    private static Path write(Path target, Content content, CopyOption... move) throws IOException {
        Path folder = target.getParent();
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(folder);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            Files.move(tmp, target, move);
        } catch (IOException | RuntimeException e) {
            // Asked before the temporary file is removed, which frees its space again.
            boolean full = FullDisk.explains(e, folder);
            Files.deleteIfExists(tmp);
            if (full) {
                throw FullDisk.fault(e, folder);
            }
            throw e;
        }
        return target;
    }
}

package vn.motcua.report.signoff;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.springframework.stereotype.Service;

import vn.motcua.report.period.VietnamTime;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.SignedRevisions;
import vn.motcua.report.system.FullDisk;
import vn.motcua.report.system.Refusal;
import vn.motcua.report.system.Sha256;

/**
 * Renewal of a long-term file (PAdES-BASELINE-LTA) before its newest time-stamp's certificate expires: fresh
 * revocation data and a new document time-stamp appended to the latest file of the revision (sealed, else
 * signed) as an incremental update, so every earlier signature and time-stamp still covers exactly its bytes.
 * The file is replaced in place atomically (written beside it, then moved over it) and its new SHA-256 recorded.
 */
@Service
public class Renewal {

    /** What a renewal produced. */
    public record Result(Path file, String sha256, OffsetDateTime renewedAt, Levels.FileLevel level) {
    }

    private final SignedRevisions signed;

    public Renewal(SignedRevisions signed) {
        this.signed = signed;
    }

    /**
     * Renews the revision's latest file.
     *
     * @param tsa    the time-stamping authority's address
     * @param outDir the folder the files were written to (as given to sign-off and seal); null: where recorded
     */
    public Result renew(Revision revision, String tsa, List<X509Certificate> trustAnchors, Path outDir)
            throws IOException {
        SignedRevisions.Signed signedOff = signed.of(revision.id()).orElseThrow(
                () -> new Refusal("renew.not-signed", revision.period(), revision.revision()));
        Optional<SignedRevisions.Sealed> seal = signed.sealOf(revision.id());
        Optional<SignedRevisions.Renewal> last = signed.latestRenewal(revision.id());
        String recordedPath = last.map(SignedRevisions.Renewal::pdfPath)
                .orElse(seal.map(SignedRevisions.Sealed::pdfPath).orElse(signedOff.pdfPath()));
        String recordedSha = last.map(SignedRevisions.Renewal::sha256)
                .orElse(seal.map(SignedRevisions.Sealed::sha256).orElse(signedOff.sha256()));
        Path file = outDir == null ? Path.of(recordedPath)
                : outDir.resolve(revision.period().name()).resolve(Path.of(recordedPath).getFileName());
        file = file.toAbsolutePath();
        if (!Files.isReadable(file)) {
            throw new Refusal("renew.file-missing", revision.period(), revision.revision(), file);
        }
        byte[] pdf = Files.readAllBytes(file);
        if (!Sha256.of(pdf).equals(recordedSha)) {
            throw new Refusal("renew.file-changed", file);
        }
        Levels.FileLevel before = Levels.of(pdf);
        if (before.signatures().isEmpty() || before.level() != Levels.Level.B_LTA) {
            throw new Refusal("renew.not-lta", file, before.signatures().isEmpty() ? "-" : before.level().label());
        }
        OffsetDateTime now = OffsetDateTime.now(VietnamTime.ZONE).truncatedTo(ChronoUnit.SECONDS);
        byte[] renewed = new LongTerm(tsa).extend(pdf, SignatureLevel.PAdES_BASELINE_LTA, trustAnchors);
        Levels.FileLevel level = Levels.of(renewed);
        String sha256 = Sha256.of(renewed);
        replace(file, renewed);
        try {
            signed.recordRenewal(new SignedRevisions.Renewal(revision.id(), now, file.toString(), sha256,
                    SignOff.longTerm(level)));
        } catch (RuntimeException e) {
            // Not recorded: the file goes back to what the database knows.
            replace(file, pdf);
            throw e;
        }
        return new Result(file, sha256, now, level);
    }

    /** Replaces the file atomically: the bytes on disk first (beside it), then moved over it; read-only again. */
    private static void replace(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                out.write(content);
                out.flush();
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            boolean full = FullDisk.explains(e, file.getParent());
            Files.deleteIfExists(tmp);
            if (full) {
                throw FullDisk.fault(e, file.getParent());
            }
            throw e;
        }
        file.toFile().setReadOnly();
    }
}

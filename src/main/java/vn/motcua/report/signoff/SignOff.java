package vn.motcua.report.signoff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Service;

import vn.motcua.report.config.ReportSettings;
import vn.motcua.report.document.ReportDocument;
import vn.motcua.report.document.ReportDocumentData;
import vn.motcua.report.document.ReportDocuments;
import vn.motcua.report.period.VietnamTime;
import vn.motcua.report.revision.ReportFiles;
import vn.motcua.report.revision.ReportStateException;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.SignedRevisions;
import vn.motcua.report.system.Sha256;

/**
 * Sign-off of a completed revision: renders the final document (no draft mark, the signer's block),
 * signs it digitally when a key is given, writes it once, and records who, when, which file and its
 * SHA-256. From then on the database refuses any change to the revision (see V40).
 */
@Service
public class SignOff {

    /** A private key and its certificate chain, from the signer's keystore. */
    public record Key(PrivateKey key, Certificate[] chain) {
    }

    /** What sign-off produced. */
    public record Result(Path file, String sha256, OffsetDateTime signedAt, boolean digitallySigned, int pages) {
    }

    private final ReportDocuments documents;
    private final SignedRevisions signed;

    public SignOff(ReportDocuments documents, SignedRevisions signed) {
        this.documents = documents;
        this.signed = signed;
    }

    /** {@code DIR/2021-02/bao-cao-2021-02-r1-signed.pdf}, beside the draft. */
    public static Path path(Path outDir, Revision revision) {
        return ReportFiles.path(outDir, revision, "-signed.pdf");
    }

    public Result signOff(Revision revision, ReportSettings.Signer signer, Key key, Path outDir) throws IOException {
        if (!revision.completed()) {
            throw new ReportStateException("report.sign.unfinished", revision.period(), revision.revision(),
                    revision.status());
        }
        signed.of(revision.id()).ifPresent(s -> {
            throw new ReportStateException("report.sign.signed", revision.period(), revision.revision(), s.signedAt(),
                    s.signer(), s.pdfPath());
        });
        Path target = path(outDir, revision).toAbsolutePath();
        if (Files.exists(target)) {
            throw new ReportStateException("report.sign.file-exists", target);
        }
        OffsetDateTime now = OffsetDateTime.now(VietnamTime.ZONE).truncatedTo(ChronoUnit.SECONDS);
        ReportDocumentData data = documents.data(revision).withSigner(signer);
        ByteArrayOutputStream rendered = new ByteArrayOutputStream();
        ReportDocument.Rendered layout = ReportDocument.render(data, false, rendered);
        byte[] pdf = key == null ? rendered.toByteArray()
                : PdfSigner.sign(rendered.toByteArray(), key.key(), key.chain(), signer.name(),
                        "Báo cáo " + revision.period() + " lần " + revision.revision(), data.centre().place(), now,
                        new PdfSigner.Placement(layout.signaturePage(), layout.signatureRectangle()));
        String sha256 = Sha256.of(pdf);
        ReportFiles.writeOnce(target, out -> out.write(pdf));
        if (!signed.record(revision.id(), signer.name(), signer.position(), signer.onBehalf(), now, target.toString(),
                sha256, data.texts().number(), data.texts().date())) {
            Files.deleteIfExists(target);
            throw new ReportStateException("report.sign.changed", revision.period(), revision.revision());
        }
        target.toFile().setReadOnly();
        return new Result(target, sha256, now, key != null, layout.pages());
    }
}

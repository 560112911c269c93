package vn.motcua.report.signoff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfReader;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.springframework.stereotype.Service;

import vn.motcua.report.period.VietnamTime;
import vn.motcua.report.revision.ReportFiles;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.SignedRevisions;
import vn.motcua.report.system.Refusal;
import vn.motcua.report.system.Sha256;

/**
 * The organisation's seal (Decree 30/2020/NĐ-CP, Appendix I): the clerk adds the organisation's digital
 * signature to the signed-off file as an incremental update, so the first signature still covers exactly
 * what it signed. The seal image covers the left third of the signer's image. Written once as
 * {@code DIR/P/bao-cao-P-rN-sealed.pdf}, read-only, and recorded with its SHA-256.
 */
@Service
public class Seal {

    /** Signature field of the organisation's signature. */
    public static final String FIELD = "DauCoQuan";

    /** What sealing produced, and the sealed file's signature level and lasting. */
    public record Result(Path file, String sha256, OffsetDateTime sealedAt, String organisation,
                         Levels.FileLevel level) {
    }

    private final SignedRevisions signed;

    public Seal(SignedRevisions signed) {
        this.signed = signed;
    }

    /** {@code DIR/2021-02/bao-cao-2021-02-r1-sealed.pdf}. */
    public static Path path(Path outDir, Revision revision) {
        return ReportFiles.path(outDir, revision, "-sealed.pdf");
    }

    /**
     * Seals the signed-off file of the revision.
     *
     * @param sealImage the seal (PNG, red, transparent background), or null
     * @param outDir    null: beside the revision's draft
     */
    public Result seal(Revision revision, SigningKey key, byte[] sealImage, List<X509Certificate> trustAnchors,
                       Path outDir) throws IOException {
        return seal(revision, key, sealImage, trustAnchors, outDir, null);
    }

    /**
     * Seals the signed-off file of the revision; with a time-stamping authority the sealed file is
     * PAdES-BASELINE-LTA (the seal time-stamped, every signature's long-term data, a document time-stamp).
     *
     * @param tsa the time-stamping authority's address, or null (PAdES-BASELINE-B)
     */
    public Result seal(Revision revision, SigningKey key, byte[] sealImage, List<X509Certificate> trustAnchors,
                       Path outDir, String tsa) throws IOException {
        SignedRevisions.Signed signedOff = signed.of(revision.id()).orElseThrow(
                () -> new Refusal("seal.not-signed", revision.period(), revision.revision()));
        signed.sealOf(revision.id()).ifPresent(s -> {
            throw new Refusal("seal.sealed-already", revision.period(), revision.revision(), s.sealedAt(), s.pdfPath());
        });
        Path signedFile = Path.of(signedOff.pdfPath());
        if (!Files.isReadable(signedFile)) {
            throw new Refusal("seal.signed-file-missing", revision.period(), revision.revision(), signedFile);
        }
        byte[] pdf = Files.readAllBytes(signedFile);
        if (!Sha256.of(pdf).equals(signedOff.sha256())) {
            throw new Refusal("seal.signed-file-changed", signedFile);
        }
        float[] signerPlace = signerWidget(pdf);
        if (signerPlace == null) {
            throw new Refusal("seal.no-digital-signature", revision.period(), revision.revision());
        }
        Path target = path(outDir == null ? signed.draftFolder(revision) : outDir, revision).toAbsolutePath();
        if (Files.exists(target)) {
            throw new Refusal("seal.file-exists", target);
        }
        OffsetDateTime now = OffsetDateTime.now(VietnamTime.ZONE).truncatedTo(ChronoUnit.SECONDS);
        CertificateChecks.check(key, null, now.toInstant(), trustAnchors);
        LongTerm longTerm = tsa == null ? null : new LongTerm(tsa);
        if (longTerm != null) {
            LongTerm.requireRevocationAddresses(key.chain());
            // The director's signature gets its long-term data too.
            signerChains(pdf).forEach(LongTerm::requireRevocationAddresses);
        }
        X509Certificate certificate = key.certificate();
        String organisation = CertificateChecks.organisation(certificate)
                .orElse(CertificateChecks.subject(certificate));
        SignatureLook look = SignatureLook.seal((int) signerPlace[0],
                new float[] {signerPlace[1], signerPlace[2], signerPlace[3], signerPlace[4]}, sealImage,
                List.of(organisation, SignOff.iso(now)));
        byte[] stamped = PadesSigner.sign(pdf, true, key, new PadesSigner.Details(FIELD, organisation,
                SignOff.reason(revision), null, now), look, longTerm == null ? null : longTerm::signatureTimeStamp);
        byte[] sealed = longTerm == null ? stamped
                : longTerm.extend(stamped, SignatureLevel.PAdES_BASELINE_LTA, SignOff.roots(key, trustAnchors));
        Levels.FileLevel level = Levels.of(sealed);
        String sha256 = Sha256.of(sealed);
        ReportFiles.writeOnce(target, out -> out.write(sealed));
        if (!signed.recordSeal(revision.id(), organisation, now, target.toString(), sha256, SignOff.longTerm(level))) {
            Files.deleteIfExists(target);
            throw new Refusal("seal.sealed-meanwhile", revision.period(), revision.revision());
        }
        target.toFile().setReadOnly();
        return new Result(target, sha256, now, organisation, level);
    }

    /** The certificate chains of the signatures the file carries. */
    private static List<X509Certificate[]> signerChains(byte[] pdf) {
        try {
            return SignatureCheck.of(pdf).signatures().stream().filter(s -> !s.timeStamp())
                    .map(s -> s.chain().toArray(X509Certificate[]::new)).toList();
        } catch (SignatureCheck.Unreadable e) {
            throw new Refusal(e, "seal.signed-file-changed", "-");
        }
    }

    /** {page, left, bottom, right, top} of the signer's signature widget, or null when the file has none. */
    private static float[] signerWidget(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            AcroFields fields = reader.getAcroFields();
            if (!fields.getSignedFieldNames().contains(SignOff.FIELD)) {
                return null;
            }
            float[] positions = fields.getFieldPositions(SignOff.FIELD);
            return positions == null || positions.length < 5 ? null : java.util.Arrays.copyOf(positions, 5);
        } finally {
            reader.close();
        }
    }
}

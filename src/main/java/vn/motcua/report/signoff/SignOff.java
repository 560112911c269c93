package vn.motcua.report.signoff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.springframework.stereotype.Service;

import vn.motcua.report.config.PeriodTexts;
import vn.motcua.report.config.ReportSettings;
import vn.motcua.report.document.ReportDocument;
import vn.motcua.report.document.ReportDocumentData;
import vn.motcua.report.document.ReportDocuments;
import vn.motcua.report.period.VietnamTime;
import vn.motcua.report.revision.ChangedDossiers;
import vn.motcua.report.revision.ReportFiles;
import vn.motcua.report.revision.ReportStateException;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.SignedRevisions;
import vn.motcua.report.system.Refusal;
import vn.motcua.report.system.Sha256;

/**
 * Sign-off of a completed revision: checks the document is finished and the certificate may sign,
 * renders the final document (no draft mark, the signer's block), signs it when a key is given
 * (PAdES-BASELINE-B; -LT with a time-stamping authority, see {@link LongTerm}), writes it once, and records who, when, which file and its SHA-256. From then on the
 * database refuses any change to the revision (see V40).
 */
@Service
public class SignOff {

    /** Signature field of the competent person's signature. */
    public static final String FIELD = "ChuKySo";

    /**
     * How to sign.
     *
     * @param signatureImage   the handwritten signature (PNG, transparent background), or null
     * @param trustAnchors     CA certificates the signer's chain must reach; empty: not checked
     * @param checkSignerName  false only when told explicitly that the name may differ from the certificate's
     * @param allowBlank       sign even when the document lacks its number, date or staff text
     * @param acceptChanged    sign even when imports changed the revision's dossiers after it read them
     * @param tsa              the time-stamping authority's address: the signature is made PAdES-BASELINE-LT;
     *                         null: PAdES-BASELINE-B
     */
    public record Options(byte[] signatureImage, List<X509Certificate> trustAnchors, boolean checkSignerName,
                          boolean allowBlank, boolean acceptChanged, String tsa) {

        public Options(byte[] signatureImage, List<X509Certificate> trustAnchors, boolean checkSignerName,
                       boolean allowBlank, boolean acceptChanged) {
            this(signatureImage, trustAnchors, checkSignerName, allowBlank, acceptChanged, null);
        }

        public static Options defaults() {
            return new Options(null, List.of(), true, false, false, null);
        }

        public Options withTsa(String address) {
            return new Options(signatureImage, trustAnchors, checkSignerName, allowBlank, acceptChanged, address);
        }
    }

    /**
     * What sign-off produced.
     *
     * @param level the file's signature level and lasting; null when signed off on paper
     */
    public record Result(Path file, String sha256, OffsetDateTime signedAt, boolean digitallySigned, int pages,
                         Levels.FileLevel level) {
    }

    private final ReportDocuments documents;
    private final SignedRevisions signed;
    private final ChangedDossiers changed;

    public SignOff(ReportDocuments documents, SignedRevisions signed, ChangedDossiers changed) {
        this.documents = documents;
        this.signed = signed;
        this.changed = changed;
    }

    /** {@code DIR/2021-02/bao-cao-2021-02-r1-signed.pdf}, beside the draft. */
    public static Path path(Path outDir, Revision revision) {
        return ReportFiles.path(outDir, revision, "-signed.pdf");
    }

    /**
     * Signs off the revision.
     *
     * @param key    null: signed off on paper (the final PDF is recorded without a digital signature)
     * @param outDir null: beside the revision's draft
     */
    public Result signOff(Revision revision, ReportSettings.Signer signer, SigningKey key, Options options, Path outDir)
            throws IOException {
        if (!revision.completed()) {
            throw new ReportStateException("report.sign.unfinished", revision.period(), revision.revision(),
                    revision.status());
        }
        signed.of(revision.id()).ifPresent(s -> {
            throw new ReportStateException("report.sign.signed", revision.period(), revision.revision(), s.signedAt(),
                    s.signer(), s.pdfPath());
        });
        // What is signed is issued: a report the data has moved away from is signed only on purpose.
        long changedSince = options.acceptChanged() ? 0 : changed.count(revision);
        if (changedSince > 0) {
            throw new ReportStateException("report.sign.changed-since", revision.period(), revision.revision(),
                    changedSince);
        }
        Path target = path(outDir == null ? signed.draftFolder(revision) : outDir, revision).toAbsolutePath();
        if (Files.exists(target)) {
            throw new ReportStateException("report.sign.file-exists", target);
        }
        ReportDocumentData data = documents.data(revision).withSigner(signer);
        if (!options.allowBlank()) {
            refuseUnfinished(revision, data);
        }
        OffsetDateTime now = OffsetDateTime.now(VietnamTime.ZONE).truncatedTo(ChronoUnit.SECONDS);
        LongTerm longTerm = key == null || options.tsa() == null ? null : new LongTerm(options.tsa());
        if (key != null) {
            CertificateChecks.check(key, options.checkSignerName() ? signer.name() : null, now.toInstant(),
                    options.trustAnchors());
            if (longTerm != null) {
                LongTerm.requireRevocationAddresses(key.chain());
            }
        }
        ByteArrayOutputStream rendered = new ByteArrayOutputStream();
        ReportDocument.Rendered layout = ReportDocument.render(data, false, rendered);
        byte[] pdf = rendered.toByteArray();
        if (key != null) {
            X509Certificate certificate = key.certificate();
            List<String> lines = List.of(
                    "Ký bởi: " + CertificateChecks.commonName(certificate).orElse(signer.name()),
                    "Cơ quan: " + CertificateChecks.organisation(certificate).orElse(data.centre().name()),
                    "Thời gian ký: " + iso(now));
            SignatureLook look = SignatureLook.signer(layout.signaturePage(), layout.signatureRectangle(),
                    options.signatureImage(), lines);
            pdf = PadesSigner.sign(pdf, false, key, new PadesSigner.Details(FIELD, signer.name(),
                    reason(revision), data.centre().place(), now), look,
                    longTerm == null ? null : longTerm::signatureTimeStamp);
            if (longTerm != null) {
                pdf = longTerm.extend(pdf, SignatureLevel.PAdES_BASELINE_LT, roots(key, options.trustAnchors()));
            }
        }
        Levels.FileLevel level = key == null ? null : Levels.of(pdf);
        String sha256 = Sha256.of(pdf);
        byte[] content = pdf;
        ReportFiles.writeOnce(target, out -> out.write(content));
        if (!signed.record(revision.id(), signer.name(), signer.position(), signer.onBehalf(), now, target.toString(),
                sha256, data.texts().number(), data.texts().date(), longTerm(level))) {
            Files.deleteIfExists(target);
            throw new ReportStateException("report.sign.changed", revision.period(), revision.revision());
        }
        target.toFile().setReadOnly();
        return new Result(target, sha256, now, key != null, layout.pages(), level);
    }

    /** The level and lasting as recorded; null for a file without signature. */
    static SignedRevisions.LongTerm longTerm(Levels.FileLevel level) {
        return level == null || level.signatures().isEmpty() ? null
                : new SignedRevisions.LongTerm(level.level().label(), level.verifiableUntil());
    }

    /** The roots the long-term data is gathered up to: the key chain's own, and those the operator trusts. */
    static List<X509Certificate> roots(SigningKey key, List<X509Certificate> anchors) {
        List<X509Certificate> roots = new ArrayList<>(anchors);
        for (X509Certificate c : key.chain()) {
            if (c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && !roots.contains(c)) {
                roots.add(c);
            }
        }
        return roots;
    }

    /** "Báo cáo 2021-02 lần 1": what the signature says it is for. */
    static String reason(Revision revision) {
        return "Báo cáo " + revision.period() + " lần " + revision.revision();
    }

    static String iso(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atZoneSameInstant(VietnamTime.ZONE));
    }

    /** A final document is an official one: it must carry its number, its date and the staff's own text. */
    private static void refuseUnfinished(Revision revision, ReportDocumentData data) {
        PeriodTexts texts = data.texts();
        List<String> missing = new ArrayList<>();
        // Named as the period file's keys, which staff write whatever their language.
        if (texts.number() == null || texts.number().isBlank()) {
            missing.add("document.number");
        }
        if (texts.date() == null) {
            missing.add("document.date");
        }
        if (texts.section2().isEmpty()) {
            missing.add("section-2");
        }
        if (texts.section3().isEmpty()) {
            missing.add("section-3");
        }
        if (!missing.isEmpty()) {
            throw new Refusal(texts.present() ? "signoff.document.unfinished" : "signoff.document.no-period-file",
                    revision.period(), revision.revision(), data.periodFile(), String.join(", ", missing));
        }
    }
}

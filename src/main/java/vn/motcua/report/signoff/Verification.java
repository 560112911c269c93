package vn.motcua.report.signoff;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.lowagie.text.pdf.PdfReader;
import org.springframework.stereotype.Service;

import vn.motcua.report.document.ReportDocument;
import vn.motcua.report.revision.SignedRevisions;
import vn.motcua.report.revision.SignedRevisions.Sealed;
import vn.motcua.report.revision.SignedRevisions.Signed;
import vn.motcua.report.signoff.SignatureCheck.Finding;
import vn.motcua.report.signoff.SignatureCheck.Signature;
import vn.motcua.report.system.Refusal;
import vn.motcua.report.system.Sha256;

/**
 * Checks a PDF for anyone who received it. Every signature must hold (and, when trust anchors are given,
 * chain to one of them), the signatures must cover the file's revisions in order with nothing but the seal
 * (and what a long-term renewal adds) after the first, and the last must cover the whole file, a document
 * security store excepted. Then: a signed (or sealed) file of this database is {@link Outcome#VERIFIED}; a genuine file this
 * database does not know (a recipient's machine) is {@link Outcome#GENUINE}, with who signed it, when,
 * and what it says it is; anything broken is {@link Outcome#BROKEN}, saying what.
 */
@Service
public class Verification {

    /** The three verdicts, as exit codes 0, 3 and 1. */
    public enum Outcome { VERIFIED, GENUINE, BROKEN }

    /** One sentence of the verdict: a key of messages.properties and its arguments. */
    public record Line(String key, Object... arguments) {
    }

    /** The verdict and the sentences that explain it, the first one saying it all. */
    public record Verdict(Outcome outcome, List<Line> lines) {
        public boolean verified() {
            return outcome == Outcome.VERIFIED;
        }
    }

    private final SignedRevisions signed;

    public Verification(SignedRevisions signed) {
        this.signed = signed;
    }

    /**
     * @param anchors CA certificates to tell whether each signer's chain reaches one; may be empty
     * @throws Refusal when the bytes are not a readable PDF
     */
    public Verdict verify(byte[] file, List<X509Certificate> anchors) {
        SignatureCheck.Report report;
        try {
            report = SignatureCheck.of(file);
        } catch (SignatureCheck.Unreadable e) {
            throw new Refusal(e, "verify.unreadable");
        }
        String sha256 = Sha256.of(file);
        List<Line> lines = new ArrayList<>();
        for (Finding f : report.findings()) {
            lines.add(new Line("verify.damage." + f.damage().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    f.arguments().toArray()));
        }
        int untrusted = 0;
        Levels.FileLevel levels = Levels.of(file, report);
        for (Signature s : report.signatures()) {
            lines.add(describe(s));
            levels.signatures().stream().filter(l -> l.field().equals(s.field())).findFirst()
                    .ifPresent(l -> lines.add(level(l)));
            if (s.valid() && !anchors.isEmpty()) {
                boolean trusted = CertificateChecks.chainsTo(s.chain().toArray(X509Certificate[]::new), anchors,
                        s.time() == null ? java.time.Instant.now() : s.time().toInstant());
                if (trusted) {
                    lines.add(new Line("verify.chain.trusted", s.field()));
                } else {
                    // Why the file is refused comes first, with what changed.
                    lines.add(report.findings().size() + untrusted++,
                            new Line("verify.chain.untrusted", s.field(), s.subject()));
                }
            }
        }
        if (!report.intact() || untrusted > 0) {
            lines.add(0, new Line("verify.broken"));
            return new Verdict(Outcome.BROKEN, lines);
        }
        Known known = known(file, sha256, !report.signatures().isEmpty());
        Optional<Signed> recorded = Optional.ofNullable(known == null ? null : known.signed());
        Optional<Sealed> sealed = Optional.ofNullable(known == null ? null : known.sealed());
        if (report.signatures().isEmpty()) {
            if (recorded.isPresent()) {
                lines.add(0, verified(recorded.get()));
                lines.add(new Line("verify.paper"));
                return new Verdict(Outcome.VERIFIED, lines);
            }
            lines.add(0, new Line("verify.broken"));
            lines.add(new Line("verify.no-signature"));
            return new Verdict(Outcome.BROKEN, lines);
        }
        if (sealed.isPresent()) {
            Sealed s = sealed.get();
            lines.add(0, verified(recorded.orElseThrow()));
            lines.add(1, new Line("verify.sealed", s.organisation(), s.sealedAt()));
            return new Verdict(Outcome.VERIFIED, lines);
        }
        if (recorded.isPresent()) {
            lines.add(0, verified(recorded.get()));
            return new Verdict(Outcome.VERIFIED, lines);
        }
        String[] stated = stated(report.firstSigned());
        lines.add(0, new Line("verify.genuine"));
        lines.add(1, stated == null ? new Line("verify.states-nothing")
                : new Line("verify.states", stated[0], stated[1]));
        if (anchors.isEmpty()) {
            lines.add(new Line("verify.no-anchor"));
        }
        return new Verdict(Outcome.GENUINE, lines);
    }

    /** A file this database recorded: the sign-off, and the seal when the file is (or contains) the sealed one. */
    private record Known(Signed signed, Sealed sealed) {
    }

    /**
     * The recorded file this one is: itself (signed, sealed or renewed), else, when {@code grown}, the longest of
     * its earlier revisions that is (the signed-off file with what other tools appended after it is still that
     * file; whether what they appended is allowed is {@link SignatureCheck}'s to say). Null when none is.
     */
    private Known known(byte[] file, String sha256, boolean grown) {
        Known exact = known(sha256);
        if (exact != null || !grown) {
            return exact;
        }
        List<Integer> ends = revisionEnds(file);
        for (int i = ends.size() - 1; i >= 0; i--) {
            if (ends.get(i) < file.length) {
                Known earlier = known(Sha256.of(java.util.Arrays.copyOf(file, ends.get(i))));
                if (earlier != null) {
                    return earlier;
                }
            }
        }
        return null;
    }

    private Known known(String sha256) {
        Optional<SignedRevisions.Renewal> renewal = signed.renewalBySha256(sha256);
        if (renewal.isPresent()) {
            long id = renewal.get().revisionId();
            Optional<Signed> first = signed.of(id);
            return first.map(f -> new Known(f, signed.sealOf(id).orElse(null))).orElse(null);
        }
        Optional<Sealed> seal = signed.sealBySha256(sha256);
        if (seal.isPresent()) {
            return signed.of(seal.get().revisionId()).map(f -> new Known(f, seal.get())).orElse(null);
        }
        return signed.bySha256(sha256).map(f -> new Known(f, null)).orElse(null);
    }

    /** Where each revision of the file may end: after each %%EOF, with or without its end of line. */
    private static List<Integer> revisionEnds(byte[] file) {
        byte[] eof = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i + eof.length <= file.length; i++) {
            if (java.util.Arrays.equals(file, i, i + eof.length, eof, 0, eof.length)) {
                int end = i + eof.length;
                ends.add(end);
                if (end < file.length && (file[end] == '\n' || file[end] == '\r')) {
                    ends.add(end + 1);
                    if (file[end] == '\r' && end + 1 < file.length && file[end + 1] == '\n') {
                        ends.add(end + 2);
                    }
                }
            }
        }
        return ends;
    }

    private static Line level(Levels.Stamped s) {
        return s.level() == Levels.Level.B_B ? new Line("verify.signature.level-b", s.field(), s.expires())
                : new Line("verify.signature.level", s.field(), s.level().label(), s.stampedAt());
    }

    private static Line verified(Signed s) {
        return new Line("verify.verified", s.period(), s.revision(), s.signer(),
                (s.onBehalf() == null ? "" : s.onBehalf() + ", ") + s.position(), s.signedAt());
    }

    private static Line describe(Signature s) {
        if (s.valid() && s.timeStamp()) {
            return new Line("verify.timestamp.valid", s.field(), s.signer(), s.time(), s.digest());
        }
        if (s.valid()) {
            return new Line("verify.signature.valid", s.field(), s.signer(),
                    s.organisation() == null ? "-" : s.organisation(), s.time(), s.digest(), s.subFilter());
        }
        return new Line("verify.signature." + switch (s.problem()) {
            case CHANGED -> "changed";
            case CERTIFICATE_NOT_VALID_THEN -> "expired";
            case UNREADABLE -> "unreadable";
        }, s.field(), s.signer(), s.time());
    }

    /** {period, revision} as the document's own properties state them, or null. */
    private static String[] stated(byte[] firstSigned) {
        try {
            PdfReader reader = new PdfReader(firstSigned);
            try {
                String period = reader.getInfo().get(ReportDocument.PERIOD_PROPERTY);
                String revision = reader.getInfo().get(ReportDocument.REVISION_PROPERTY);
                return period == null || revision == null ? null : new String[] {period, revision};
            } finally {
                reader.close();
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}

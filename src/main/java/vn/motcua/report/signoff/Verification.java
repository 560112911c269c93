package vn.motcua.report.signoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.motcua.report.revision.SignedRevisions.Signed;
import vn.motcua.report.revision.SignedRevisions;
import vn.motcua.report.signoff.SignatureCheck.Signature;
import vn.motcua.report.system.Sha256;

/**
 * Checks a PDF against the database: it must be byte-identical to a signed revision's recorded file
 * (same SHA-256), and any digital signature in it must be intact and cover the whole file. Says which
 * period, revision and signer, or exactly why not.
 */
@Service
public class Verification {

    /** The verdict and the sentences that explain it. */
    public record Verdict(boolean verified, List<String> lines) {
    }

    private final SignedRevisions signed;

    public Verification(SignedRevisions signed) {
        this.signed = signed;
    }

    public Verdict verify(byte[] file) {
        List<String> lines = new ArrayList<>();
        String sha256 = Sha256.of(file);
        Optional<Signed> recorded = signed.bySha256(sha256);
        List<Signature> signatures;
        String unreadable = null;
        try {
            signatures = SignatureCheck.of(file);
        } catch (Exception e) {
            signatures = List.of();
            unreadable = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        boolean signaturesHold = signatures.stream().allMatch(Signature::valid);
        for (Signature s : signatures) {
            if (s.valid()) {
                lines.add("Digital signature '" + s.field() + "': valid (" + s.digest() + "), covers the whole file,"
                        + " signed by " + s.certificate() + ".");
            } else if (s.problem() != null) {
                lines.add("Digital signature '" + s.field() + "': cannot be checked: " + s.problem() + ".");
            } else if (!s.intact()) {
                lines.add("Digital signature '" + s.field() + "': BROKEN: the signed bytes were changed after signing.");
            } else {
                lines.add("Digital signature '" + s.field() + "': does not cover the whole file: something was"
                        + " appended after signing.");
            }
        }
        if (recorded.isPresent() && signaturesHold && unreadable == null) {
            Signed s = recorded.get();
            lines.add(0, "VERIFIED: this is the signed report of " + s.period() + ", revision " + s.revision()
                    + ", signed off by " + s.signer() + " (" + (s.onBehalf() == null ? "" : s.onBehalf() + ", ")
                    + s.position() + ") on " + s.signedAt() + ".");
            lines.add("SHA-256 " + sha256 + " is the one recorded at sign-off.");
            if (signatures.isEmpty()) {
                lines.add("The file carries no digital signature: it was signed off without a keystore (signed on paper).");
            }
            return new Verdict(true, lines);
        }
        lines.add(0, "NOT VERIFIED.");
        if (recorded.isEmpty()) {
            lines.add("Its SHA-256 " + sha256 + " matches no signed revision: the file is not byte-identical to any"
                    + " signed report (altered, a draft, or never signed off).");
        }
        if (unreadable != null) {
            lines.add("It cannot be read as a PDF: " + unreadable + ".");
        } else if (signatures.isEmpty() && recorded.isEmpty()) {
            lines.add("It carries no digital signature; an unsigned draft is never a signed report.");
        }
        return new Verdict(false, lines);
    }
}

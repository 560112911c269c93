package vn.motcua.report.signoff;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfPKCS7;
import com.lowagie.text.pdf.PdfReader;

/** The digital signatures a PDF carries and whether each holds: its bytes unchanged, the whole file covered. */
public final class SignatureCheck {

    /** One signature of the file. */
    public record Signature(String field, boolean intact, boolean coversWholeFile, String signer, String certificate,
                            String digest, String problem) {
        public boolean valid() {
            return intact && coversWholeFile && problem == null;
        }
    }

    private SignatureCheck() {
    }

    /** The file's signatures; empty when it has none. Throws when the bytes are not a readable PDF. */
    public static List<Signature> of(byte[] pdf) throws java.io.IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            AcroFields fields = reader.getAcroFields();
            List<Signature> found = new ArrayList<>();
            for (String name : fields.getSignedFieldNames()) {
                boolean whole = fields.signatureCoversWholeDocument(name);
                try {
                    PdfPKCS7 cms = fields.verifySignature(name);
                    X509Certificate cert = cms.getSigningCertificate();
                    found.add(new Signature(name, cms.verify(), whole, cms.getSignName(),
                            cert == null ? null : cert.getSubjectX500Principal().getName(), cms.getHashAlgorithm(),
                            null));
                } catch (RuntimeException | java.security.GeneralSecurityException e) {
                    found.add(new Signature(name, false, whole, null, null, null, e.getMessage()));
                }
            }
            return found;
        } finally {
            reader.close();
        }
    }
}

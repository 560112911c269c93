package vn.motcua.report.signoff;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.report.period.VietnamTime;

/**
 * Reads the digital signatures of a PDF and checks each one on its own (the CMS over exactly the bytes its
 * /ByteRange names, the certificate valid when it signed), and the file as a whole: the signatures cover
 * its revisions in order, the last one the whole file, and what came after the first signature is only
 * signatures (no page added, no page's content or annotations changed).
 */
public final class SignatureCheck {

    private static final Logger log = LoggerFactory.getLogger(SignatureCheck.class);

    /** What is wrong with one signature. */
    public enum Problem { CHANGED, UNREADABLE, CERTIFICATE_NOT_VALID_THEN }

    /** What is wrong with the file as a whole. */
    public enum Damage { APPENDED, EXTRA_PAGE, PAGE_CHANGED }

    /**
     * One signature of the file, in the order they were added.
     *
     * @param end      where the revision it signed ends (bytes 0..end, its own /Contents excepted)
     * @param chain    the certificates the CMS carries, the signer's first
     */
    public record Signature(String field, String signer, String organisation, OffsetDateTime time, String subFilter,
                            String digest, int end, List<X509Certificate> chain, Problem problem) {
        public boolean valid() {
            return problem == null;
        }

        public X509Certificate certificate() {
            return chain.isEmpty() ? null : chain.get(0);
        }
    }

    /** Something the file's later revisions changed: what, and on which page (0 when none in particular). */
    public record Finding(Damage damage, int page) {
    }

    /** The file's signatures and what its later revisions changed. */
    public record Report(List<Signature> signatures, List<Finding> findings, byte[] firstSigned) {
        public boolean intact() {
            return findings.isEmpty() && signatures.stream().allMatch(Signature::valid);
        }
    }

    /** The file is not a PDF that can be read at all. */
    public static final class Unreadable extends Exception {
        Unreadable(Throwable cause) {
            super(cause);
        }
    }

    private SignatureCheck() {
    }

    public static Report of(byte[] pdf) throws Unreadable {
        PdfReader reader = open(pdf);
        try {
            AcroFields fields = reader.getAcroFields();
            List<Signature> signatures = new ArrayList<>();
            for (String name : fields.getSignedFieldNames()) {
                signatures.add(signature(pdf, name, fields.getSignatureDictionary(name)));
            }
            signatures.sort(Comparator.comparingInt(Signature::end));
            List<Finding> findings = new ArrayList<>();
            if (signatures.isEmpty()) {
                return new Report(signatures, findings, null);
            }
            byte[] firstSigned = Arrays.copyOf(pdf, Math.min(pdf.length, signatures.get(0).end()));
            PageLook baseline = PageLook.of(firstSigned);
            for (Signature later : signatures.subList(1, signatures.size())) {
                baseline.compare(PageLook.of(Arrays.copyOf(pdf, Math.min(pdf.length, later.end()))), findings);
            }
            int lastEnd = signatures.get(signatures.size() - 1).end();
            if (lastEnd != pdf.length) {
                findings.add(new Finding(Damage.APPENDED, 0));
                if (lastEnd < pdf.length) {
                    baseline.compare(PageLook.of(pdf), findings);
                }
            }
            return new Report(signatures, findings.stream().distinct().toList(), firstSigned);
        } finally {
            reader.close();
        }
    }

    static PdfReader open(byte[] pdf) throws Unreadable {
        try {
            return new PdfReader(pdf);
        } catch (IOException | RuntimeException e) {
            log.info("not a readable PDF", e);
            throw new Unreadable(e);
        }
    }

    private static Signature signature(byte[] pdf, String field, PdfDictionary dictionary) {
        String subFilter = name(dictionary.get(PdfName.SUBFILTER));
        OffsetDateTime time = time(dictionary.getAsString(PdfName.M));
        int[] range = byteRange(dictionary.getAsArray(PdfName.BYTERANGE));
        int end = range == null ? 0 : range[2] + range[3];
        PdfString contents = dictionary.getAsString(PdfName.CONTENTS);
        if (range == null || contents == null || range[0] != 0 || range[1] < 0 || range[2] < range[1]
                || end > pdf.length || end < range[2]) {
            return new Signature(field, null, null, time, subFilter, null, Math.max(end, 0), List.of(), Problem.UNREADABLE);
        }
        byte[] signed = new byte[range[1] + range[3]];
        System.arraycopy(pdf, 0, signed, 0, range[1]);
        System.arraycopy(pdf, range[2], signed, range[1], range[3]);
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contents.getOriginalBytes());
            SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> own = cms.getCertificates().getMatches((Selector) info.getSID());
            if (own.isEmpty()) {
                return new Signature(field, null, null, time, subFilter, null, end, List.of(), Problem.UNREADABLE);
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate certificate = converter.getCertificate(own.iterator().next());
            List<X509Certificate> chain = new ArrayList<>(List.of(certificate));
            for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
                X509Certificate c = converter.getCertificate(holder);
                if (!c.equals(certificate)) {
                    chain.add(c);
                }
            }
            boolean intact = info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            Problem problem = intact ? null : Problem.CHANGED;
            if (intact && time != null && (time.toInstant().isAfter(certificate.getNotAfter().toInstant())
                    || time.toInstant().isBefore(certificate.getNotBefore().toInstant()))) {
                problem = Problem.CERTIFICATE_NOT_VALID_THEN;
            }
            return new Signature(field, CertificateChecks.commonName(certificate).orElse(name(dictionary.get(PdfName.NAME))),
                    CertificateChecks.organisation(certificate).orElse(null), time, subFilter,
                    digestName(info.getDigestAlgOID()), end, List.copyOf(chain), problem);
        } catch (CMSException e) {
            // A digest that no longer matches the bytes is reported by BouncyCastle as an exception.
            log.info("signature {} does not verify", field, e);
            return new Signature(field, null, null, time, subFilter, null, end, List.of(),
                    String.valueOf(e.getMessage()).contains("digest") ? Problem.CHANGED : Problem.UNREADABLE);
        } catch (CertificateException | OperatorCreationException | RuntimeException e) {
            log.info("signature {} cannot be read", field, e);
            return new Signature(field, null, null, time, subFilter, null, end, List.of(), Problem.UNREADABLE);
        }
    }

    private static String digestName(String oid) {
        return switch (oid) {
            case "2.16.840.1.101.3.4.2.1" -> "SHA-256";
            case "2.16.840.1.101.3.4.2.2" -> "SHA-384";
            case "2.16.840.1.101.3.4.2.3" -> "SHA-512";
            case "1.3.14.3.2.26" -> "SHA-1";
            default -> oid;
        };
    }

    private static int[] byteRange(PdfArray array) {
        if (array == null || array.size() != 4) {
            return null;
        }
        int[] range = new int[4];
        for (int i = 0; i < 4; i++) {
            PdfNumber n = array.getAsNumber(i);
            if (n == null) {
                return null;
            }
            range[i] = n.intValue();
        }
        return range;
    }

    private static String name(PdfObject object) {
        if (object instanceof PdfName n) {
            return PdfName.decodeName(n.toString());
        }
        if (object instanceof PdfString s) {
            return s.toUnicodeString();
        }
        return null;
    }

    private static OffsetDateTime time(PdfString m) {
        if (m == null) {
            return null;
        }
        Calendar calendar = PdfDate.decode(m.toString());
        if (calendar == null) {
            return null;
        }
        return calendar.toInstant().atOffset(ZoneOffset.UTC).atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime();
    }
}

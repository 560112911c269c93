package vn.motcua.report.signoff;

import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Collections;
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
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.bouncycastle.util.Selector;
import org.bouncycastle.util.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.report.period.VietnamTime;

/**
 * Reads the digital signatures of a PDF and checks each one on its own (the CMS over exactly the bytes its
 * /ByteRange names, the certificate valid when it signed, the time-stamp it carries, if any, over its signature
 * value ({@link SignatureTimeStamp}); a document time-stamp as an RFC 3161 token over them), that nothing but zero padding follows each signature value in its /Contents and that the gap its
 * byte range leaves is exactly that /Contents, and the file as a whole: the signatures cover its revisions
 * in order, the last one the whole file, and each revision after the first changes only what its signature
 * adds ({@link RevisionChanges}); after the last signature only a document security store may be added.
 */
public final class SignatureCheck {

    private static final Logger log = LoggerFactory.getLogger(SignatureCheck.class);
    private static final PdfName RFC3161 = new PdfName("ETSI.RFC3161");

    /** What is wrong with one signature. */
    public enum Problem {
        CHANGED, UNREADABLE, CERTIFICATE_NOT_VALID_THEN,
        /** The signature holds, but the time-stamp it carries does not: altered or replaced after signing. */
        TIME_STAMP_BROKEN
    }

    /** What is wrong with the file as a whole; each is a sentence {@code verify.damage.NAME} of the messages. */
    public enum Damage {
        APPENDED, EXTRA_PAGE, PAGE_CHANGED, ANNOTATION_ADDED, FIELD_ADDED, CATALOG_CHANGED, FORM_CHANGED, INFO_CHANGED,
        OBJECT_CHANGED, SIGNATURE_AFTER_SEAL, SIGNATURE_AFTER_SEAL_DRAWS, SIGNATURE_DRAWS, WIDGET_FLAGS,
        WIDGET_APPEARANCE, WIDGET_REMOVED, FIELD_CHANGED, SIGNATURE_DICTIONARY, CONTENTS_PADDING, REVISION_UNREADABLE
    }

    /**
     * One signature of the file, in the order they were added.
     *
     * @param end       where the revision it signed ends (bytes 0..end, its own /Contents excepted)
     * @param chain     the certificates the CMS carries, the signer's (or time-stamp authority's) first
     * @param timeStamp a document time-stamp (RFC 3161 token, /SubFilter /ETSI.RFC3161), not a signature
     * @param ownStamp  the signature's own time-stamp, verified; null without one (or when it does not verify)
     */
    public record Signature(String field, String signer, String organisation, OffsetDateTime time, String subFilter,
                            String digest, int end, List<X509Certificate> chain, Problem problem, boolean timeStamp,
                            SignatureTimeStamp ownStamp) {
        public boolean valid() {
            return problem == null;
        }

        public X509Certificate certificate() {
            return chain.isEmpty() ? null : chain.get(0);
        }

        /** The certificate's subject, e.g. "CN=Nguyễn Văn A,O=…,C=VN", or "-" when it could not be read. */
        public String subject() {
            X509Certificate certificate = certificate();
            return certificate == null ? "-" : certificate.getSubjectX500Principal().getName();
        }
    }

    /** Something the file's later revisions changed: what, and the sentence's arguments (a page, a field …). */
    public record Finding(Damage damage, List<Object> arguments) {
        public Finding(Damage damage, Object... arguments) {
            this(damage, Collections.unmodifiableList(Arrays.asList(arguments)));
        }
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
        List<Signature> signatures = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        try {
            AcroFields fields = reader.getAcroFields();
            for (String name : fields.getSignedFieldNames()) {
                PdfDictionary dictionary = fields.getSignatureDictionary(name);
                signatures.add(signature(pdf, name, dictionary));
                findings.addAll(ContentsGap.check(pdf, name, dictionary));
            }
        } finally {
            reader.close();
        }
        signatures.sort(Comparator.comparingInt(Signature::end));
        List<Signature> covering = signatures.stream().filter(s -> s.end() > 0).toList();
        if (covering.isEmpty()) {
            return new Report(signatures, findings, null);
        }
        Signature first = covering.get(0);
        byte[] firstSigned = Arrays.copyOf(pdf, Math.min(pdf.length, first.end()));
        revisions(pdf, covering, findings);
        return new Report(signatures, findings.stream().distinct().toList(), firstSigned);
    }

    /**
     * Compares each revision a signature closes with the one before it, and what follows the last signature
     * with the last signed revision: an update there is accepted only when it adds a document security store
     * and nothing else, and ends where the file does.
     */
    private static void revisions(byte[] pdf, List<Signature> covering, List<Finding> findings) {
        Signature first = covering.get(0);
        PageLook baseline = PageLook.of(Arrays.copyOf(pdf, Math.min(pdf.length, first.end())));
        RevisionChanges.Revision before;
        try {
            before = RevisionChanges.Revision.read(pdf, Math.min(pdf.length, first.end()));
        } catch (IOException e) {
            log.info("revision signed by {} unreadable", first.field(), e);
            findings.add(new Finding(Damage.REVISION_UNREADABLE, first.field()));
            return;
        }
        List<RevisionChanges.Place> places = before.places(first.field());
        RevisionChanges.Place space = places.isEmpty() ? null : places.get(0);
        int approvals = first.timeStamp() ? 0 : 1;
        for (Signature later : covering.subList(1, covering.size())) {
            if (later.end() <= before.end || later.end() > pdf.length) {
                continue;
            }
            baseline.compare(PageLook.of(Arrays.copyOf(pdf, later.end())), findings);
            RevisionChanges.Revision after;
            try {
                after = RevisionChanges.Revision.read(pdf, later.end());
            } catch (IOException e) {
                log.info("revision signed by {} unreadable", later.field(), e);
                findings.add(new Finding(Damage.REVISION_UNREADABLE, later.field()));
                return;
            }
            RevisionChanges.compare(before, after, new RevisionChanges.Closing(later.field(), later.timeStamp(),
                    approvals, later.subject()), space, findings);
            approvals += later.timeStamp() ? 0 : 1;
            before = after;
        }
        int lastEnd = covering.get(covering.size() - 1).end();
        if (lastEnd >= pdf.length) {
            if (lastEnd > pdf.length) {
                findings.add(new Finding(Damage.APPENDED));
            }
            return;
        }
        List<Finding> trailing = new ArrayList<>();
        boolean storeOnly = false;
        try {
            storeOnly = RevisionChanges.compare(before, RevisionChanges.Revision.read(pdf, pdf.length), null, space,
                    trailing);
        } catch (IOException e) {
            log.info("update after the last signature unreadable", e);
        }
        baseline.compare(PageLook.of(pdf), trailing);
        if (!(storeOnly && trailing.isEmpty() && endsAtEof(pdf))) {
            findings.add(new Finding(Damage.APPENDED));
            findings.addAll(trailing);
        }
    }

    /** Whether the file ends with an end-of-file marker (and at most an end of line): a complete update. */
    private static boolean endsAtEof(byte[] pdf) {
        int end = pdf.length;
        for (int eol = 0; eol < 2 && end > 0 && (pdf[end - 1] == '\n' || pdf[end - 1] == '\r'); eol++) {
            end--;
        }
        byte[] eof = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return end >= eof.length && Arrays.equals(pdf, end - eof.length, end, eof, 0, eof.length);
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
        boolean timeStamp = RFC3161.equals(dictionary.getAsName(PdfName.SUBFILTER));
        OffsetDateTime time = time(dictionary.getAsString(PdfName.M));
        int[] range = byteRange(dictionary.getAsArray(PdfName.BYTERANGE));
        int end = range == null ? 0 : range[2] + range[3];
        PdfString contents = dictionary.getAsString(PdfName.CONTENTS);
        if (range == null || contents == null || range[0] != 0 || range[1] < 0 || range[2] < range[1]
                || end > pdf.length || end < range[2]) {
            return unreadable(field, time, subFilter, Math.max(end, 0), timeStamp);
        }
        byte[] signed = new byte[range[1] + range[3]];
        System.arraycopy(pdf, 0, signed, 0, range[1]);
        System.arraycopy(pdf, range[2], signed, range[1], range[3]);
        try {
            if (timeStamp) {
                return timeStamp(field, signed, contents.getOriginalBytes(), end, subFilter);
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contents.getOriginalBytes());
            SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
            List<X509Certificate> chain = chain(cms.getCertificates(), info.getSID());
            if (chain.isEmpty()) {
                return unreadable(field, time, subFilter, end, false);
            }
            X509Certificate certificate = chain.get(0);
            boolean intact = info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            Problem problem = intact ? null : Problem.CHANGED;
            if (intact && time != null && !validAt(certificate, time)) {
                problem = Problem.CERTIFICATE_NOT_VALID_THEN;
            }
            SignatureTimeStamp ownStamp = null;
            if (problem == null) {
                try {
                    ownStamp = SignatureTimeStamp.of(info);
                } catch (SignatureTimeStamp.Broken e) {
                    // Only a missing time-stamp makes a plain B-B signature; one that fails is a false claim.
                    problem = Problem.TIME_STAMP_BROKEN;
                }
            }
            return new Signature(field, CertificateChecks.commonName(certificate).orElse(name(dictionary.get(PdfName.NAME))),
                    CertificateChecks.organisation(certificate).orElse(null), time, subFilter,
                    digestName(info.getDigestAlgOID()), end, chain, problem, false, ownStamp);
        } catch (CMSException | TSPException e) {
            // A digest that no longer matches the bytes is reported by BouncyCastle as an exception.
            log.info("signature {} does not verify", field, e);
            return new Signature(field, null, null, time, subFilter, null, end, List.of(),
                    String.valueOf(e.getMessage()).contains("digest") ? Problem.CHANGED : Problem.UNREADABLE, timeStamp,
                    null);
        } catch (CertificateException | OperatorCreationException | IOException | RuntimeException e) {
            log.info("signature {} cannot be read", field, e);
            return unreadable(field, time, subFilter, end, timeStamp);
        }
    }

    /**
     * A document time-stamp: an RFC 3161 token whose message imprint is the hash of the bytes its byte range
     * names (as a CMS signature it would fail the message-digest check: it signs the token's TSTInfo).
     */
    private static Signature timeStamp(String field, byte[] signed, byte[] contents, int end, String subFilter)
            throws CMSException, TSPException, IOException, CertificateException, OperatorCreationException {
        TimeStampToken token = new TimeStampToken(new CMSSignedData(contents));
        List<X509Certificate> chain = chain(token.getCertificates(), token.getSID());
        if (chain.isEmpty()) {
            return unreadable(field, null, subFilter, end, true);
        }
        X509Certificate authority = chain.get(0);
        TimeStampTokenInfo info = token.getTimeStampInfo();
        OffsetDateTime time = info.getGenTime().toInstant().atZone(VietnamTime.ZONE).toOffsetDateTime();
        DigestCalculator digest = new JcaDigestCalculatorProviderBuilder().build().get(info.getHashAlgorithm());
        try (OutputStream out = digest.getOutputStream()) {
            out.write(signed);
        }
        Problem problem = null;
        if (!Arrays.equals(digest.getDigest(), info.getMessageImprintDigest())) {
            problem = Problem.CHANGED;
        } else if (!validAt(authority, time)) {
            problem = Problem.CERTIFICATE_NOT_VALID_THEN;
        } else {
            try {
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(authority));
            } catch (TSPValidationException e) {
                log.info("document time-stamp {} does not verify", field, e);
                problem = Problem.CHANGED;
            }
        }
        return new Signature(field, CertificateChecks.subject(authority), CertificateChecks.organisation(authority)
                .orElse(null), time, subFilter, digestName(info.getMessageImprintAlgOID().getId()), end, chain, problem,
                true, null);
    }

    /** The signer's certificate first, then the others the CMS carries; empty when the signer's is missing. */
    @SuppressWarnings("unchecked")
    private static List<X509Certificate> chain(Store<X509CertificateHolder> store, SignerId signer)
            throws CertificateException {
        Collection<X509CertificateHolder> own = store.getMatches((Selector) signer);
        if (own.isEmpty()) {
            return List.of();
        }
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        X509Certificate certificate = converter.getCertificate(own.iterator().next());
        List<X509Certificate> chain = new ArrayList<>(List.of(certificate));
        for (X509CertificateHolder holder : store.getMatches(null)) {
            X509Certificate c = converter.getCertificate(holder);
            if (!c.equals(certificate)) {
                chain.add(c);
            }
        }
        return List.copyOf(chain);
    }

    private static boolean validAt(X509Certificate certificate, OffsetDateTime time) {
        return !time.toInstant().isAfter(certificate.getNotAfter().toInstant())
                && !time.toInstant().isBefore(certificate.getNotBefore().toInstant());
    }

    private static Signature unreadable(String field, OffsetDateTime time, String subFilter, int end, boolean timeStamp) {
        return new Signature(field, null, null, time, subFilter, null, end, List.of(), Problem.UNREADABLE, timeStamp,
                null);
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

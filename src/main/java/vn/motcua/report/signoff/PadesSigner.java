package vn.motcua.report.signoff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.UnaryOperator;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.motcua.report.period.VietnamTime;

/**
 * Adds a PAdES-BASELINE-B signature (or -T, with the signature time-stamp) to a PDF (ETSI EN 319 142-1): SubFilter {@code ETSI.CAdES.detached},
 * a detached CMS over SHA-256 whose signed attributes are content-type, message-digest and
 * signing-certificate-v2, and no CMS signing-time (the time is the signature dictionary's {@code /M}).
 * The CMS is built with BouncyCastle; OpenPDF only reserves the space and writes the bytes. With
 * {@code append} the signature is an incremental update that leaves every earlier signature intact.
 */
final class PadesSigner {

    /** Space reserved for the CMS signature (certificate chain included), in bytes. */
    static final int RESERVED = 16_384;

    /** What the signature dictionary says beside the CMS. */
    record Details(String field, String name, String reason, String location, OffsetDateTime when) {
    }

    private PadesSigner() {
    }

    /**
     * Signs {@code pdf} and returns the signed bytes.
     *
     * @param append keep the earlier bytes as they are (required when the file is signed already)
     * @param visible where and what the signature shows, or null for an invisible signature
     */
    static byte[] sign(byte[] pdf, boolean append, SigningKey key, Details details, SignatureLook visible) {
        return sign(pdf, append, key, details, visible, null);
    }

    /**
     * As {@link #sign(byte[], boolean, SigningKey, Details, SignatureLook)}, the signature time-stamped when
     * {@code timeStamper} is given (PAdES-BASELINE-T).
     *
     * @param timeStamper the RFC 3161 token over a signature value, or null for none
     */
    static byte[] sign(byte[] pdf, boolean append, SigningKey key, Details details, SignatureLook visible,
                       UnaryOperator<byte[]> timeStamper) {
        try {
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream signed = new ByteArrayOutputStream(pdf.length + 2 * RESERVED + 65_536);
            PdfStamper stamper = PdfStamper.createSignature(reader, signed, '\0', null, append);
            PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
            Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone(VietnamTime.ZONE));
            calendar.setTimeInMillis(details.when().toInstant().toEpochMilli());
            appearance.setCrypto(null, key.chain(), null, null);
            appearance.setSignDate(calendar);
            appearance.setReason(details.reason());
            appearance.setLocation(details.location());
            appearance.setAcro6Layers(true);
            if (visible == null) {
                appearance.setVisibleSignature(new Rectangle(0, 0, 0, 0), 1, details.field());
            } else {
                float[] r = visible.rectangle();
                appearance.setVisibleSignature(new Rectangle(r[0], r[1], r[2], r[3]), visible.page(), details.field());
                visible.drawOn(appearance.getLayer(2));
            }

            PdfSignature dictionary = new PdfSignature(PdfName.ADOBE_PPKLITE, new PdfName("ETSI.CAdES.detached"));
            dictionary.setReason(details.reason());
            dictionary.setLocation(details.location());
            dictionary.setName(details.name());
            dictionary.setDate(new PdfDate(calendar));
            appearance.setCryptoDictionary(dictionary);
            Map<PdfName, Integer> exclusions = new HashMap<>();
            exclusions.put(PdfName.CONTENTS, RESERVED * 2 + 2);
            appearance.preClose(exclusions);

            byte[] signedBytes;
            try (InputStream range = appearance.getRangeStream()) {
                signedBytes = range.readAllBytes();
            }
            byte[] encoded = cms(signedBytes, key, timeStamper);
            if (encoded.length > RESERVED) {
                throw new IllegalStateException("the signature (" + encoded.length + " bytes) does not fit the "
                        + RESERVED + " bytes reserved for it");
            }
            PdfDictionary update = new PdfDictionary();
            update.put(PdfName.CONTENTS, new PdfString(Arrays.copyOf(encoded, RESERVED)).setHexWriting(true));
            appearance.close(update);
            return signed.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not sign the PDF: " + e.getMessage(), e);
        } catch (GeneralSecurityException | DocumentException | CMSException | OperatorCreationException e) {
            throw new IllegalStateException("could not sign the PDF: " + e.getMessage(), e);
        }
    }

    /** The detached CMS SignedData over {@code content}, DER-encoded. */
    static byte[] cms(byte[] content, SigningKey key)
            throws GeneralSecurityException, OperatorCreationException, CMSException, IOException {
        return cms(content, key, null);
    }

    /** The detached CMS SignedData over {@code content}, with the signature time-stamp when a stamper is given. */
    static byte[] cms(byte[] content, SigningKey key, UnaryOperator<byte[]> timeStamper)
            throws GeneralSecurityException, OperatorCreationException, CMSException, IOException {
        X509Certificate certificate = key.certificate();
        JcaContentSignerBuilder signerBuilder = new JcaContentSignerBuilder(signatureAlgorithm(key));
        if (key.provider() != null) {
            signerBuilder.setProvider(key.provider());
        }
        ContentSigner signer = signerBuilder.build(key.key());
        AttributeTable extra = new AttributeTable(new ASN1EncodableVector(1) {
            {
                add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                        new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId(certificate)}))));
            }
        });
        DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(extra);
        // PAdES: the signing time lives in the signature dictionary's /M, never as a CMS attribute.
        CMSAttributeTableGenerator withoutTime = parameters -> defaults.getAttributes(parameters)
                .remove(CMSAttributes.signingTime);
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(withoutTime)
                .build(signer, certificate));
        generator.addCertificates(new JcaCertStore(Arrays.asList(key.chain())));
        CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
        if (timeStamper != null) {
            signed = timeStamped(signed, timeStamper);
        }
        return signed.getEncoded("DER");
    }

    /** The CMS with the signature-time-stamp unsigned attribute: a token over the signature value. */
    private static CMSSignedData timeStamped(CMSSignedData signed, UnaryOperator<byte[]> timeStamper)
            throws IOException {
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        byte[] token = timeStamper.apply(signer.getSignature());
        ASN1EncodableVector unsigned = new ASN1EncodableVector(1);
        unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ASN1Primitive.fromByteArray(token))));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    private static ESSCertIDv2 certId(X509Certificate certificate) throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))), certificate.getSerialNumber());
        return new ESSCertIDv2(hash, issuerSerial);
    }

    private static String signatureAlgorithm(SigningKey key) {
        String algorithm = key.key().getAlgorithm();
        return switch (algorithm) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> "SHA256withRSA";
        };
    }
}

package vn.motcua.report.signoff;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.encoders.Hex;

/**
 * What an attacker does to a signed and sealed report with ordinary PDF tools (OpenPDF here), each time
 * leaving every signature's own bytes intact: an appended signature whose widget whites out the table's
 * total row and writes other numbers, the director's widget hidden, bytes slipped into a /Contents padding
 * or a /Name into its gap, a signature dictionary rewritten later, page 1's content stream replaced; and, with
 * BouncyCastle, a signature's own time-stamp altered, replaced or removed (the signer's signature does not cover it).
 */
final class Tampering {

    /** Page 1's total row ("Tổng cộng ... 497 ..."), in points, where the outsider draws. */
    static final float[] TOTAL_ROW = {30, 190, 565, 212};

    private Tampering() {
    }

    /**
     * Signs {@code pdf} with OpenPDF's appending signature, a valid CMS by {@code key}, and a visible widget over
     * the total row of page 1 that paints it white and writes "999" over it; {@code alsoChange} may change other
     * objects of the same update (they must be marked used).
     */
    static byte[] outsiderSignature(byte[] pdf, SigningKey key, String field, Consumer<Changes> alsoChange)
            throws Exception {
        PdfReader reader = new PdfReader(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, true);
        PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
        appearance.setCrypto(null, key.chain(), null, null);
        appearance.setSignDate(Calendar.getInstance());
        appearance.setAcro6Layers(true);
        float[] r = TOTAL_ROW;
        appearance.setVisibleSignature(new Rectangle(r[0], r[1], r[2], r[3]), 1, field);
        PdfTemplate layer = appearance.getLayer(2);
        layer.setRGBColorFill(255, 255, 255);
        layer.rectangle(0, 0, r[2] - r[0], r[3] - r[1]);
        layer.fill();
        layer.beginText();
        layer.setRGBColorFill(0, 0, 0);
        layer.setFontAndSize(BaseFont.createFont(), 9);
        layer.showTextAligned(PdfContentByte.ALIGN_LEFT, "Tong cong        999        999        999", 110, 8, 0);
        layer.endText();
        if (alsoChange != null) {
            alsoChange.accept(new Changes(reader, stamper));
        }
        PdfSignature dictionary = new PdfSignature(PdfName.ADOBE_PPKLITE, new PdfName("ETSI.CAdES.detached"));
        dictionary.setDate(new com.lowagie.text.pdf.PdfDate(Calendar.getInstance()));
        appearance.setCryptoDictionary(dictionary);
        Map<PdfName, Integer> exclusions = new HashMap<>();
        exclusions.put(PdfName.CONTENTS, PadesSigner.RESERVED * 2 + 2);
        appearance.preClose(exclusions);
        byte[] signed;
        try (InputStream range = appearance.getRangeStream()) {
            signed = range.readAllBytes();
        }
        PdfDictionary update = new PdfDictionary();
        update.put(PdfName.CONTENTS, new PdfString(Arrays.copyOf(PadesSigner.cms(signed, key), PadesSigner.RESERVED))
                .setHexWriting(true));
        appearance.close(update);
        return out.toByteArray();
    }

    /** An incremental update by a plain stamper (no signature), changing what {@code change} changes. */
    static byte[] update(byte[] pdf, Consumer<Changes> change) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfStamper stamper = new PdfStamper(reader, out, '\0', true);
        change.accept(new Changes(reader, stamper));
        stamper.close();
        return out.toByteArray();
    }

    /** What an update may change, in the reader the stamper writes from. */
    record Changes(PdfReader reader, PdfStamper stamper) {

        /** Sets the widget flags of the named signature field (e.g. hidden). */
        void flags(String field, int flags) {
            AcroFields.Item item = reader.getAcroFields().getFieldItem(field);
            PdfDictionary widget = (PdfDictionary) PdfReader.getPdfObject(item.getWidgetRef(0));
            widget.put(PdfName.F, new PdfNumber(flags));
            stamper.markUsed(widget);
        }

        /** Hides the named signature's widget: hidden and not viewed. */
        void hide(String field) {
            flags(field, PdfAnnotation.FLAGS_HIDDEN | PdfAnnotation.FLAGS_NOVIEW);
        }

        /** Adds /Name to the named field's signature dictionary (a key its signature does not cover). */
        void nameSignature(String field, String name) {
            PdfDictionary signature = reader.getAcroFields().getSignatureDictionary(field);
            signature.put(PdfName.NAME, new PdfString(name));
            stamper.markUsed(signature);
        }

        /** Writes a new version of page 1's content stream: the same drawing, then a white box over the total row. */
        void replacePageContent() {
            try {
                PdfDictionary page = reader.getPageN(1);
                PdfIndirectReference ref = (PdfIndirectReference) page.get(PdfName.CONTENTS);
                byte[] content = PdfReader.getStreamBytes((PRStream) PdfReader.getPdfObject(ref));
                byte[] cover = "\nq 1 g 230 195 60 12 re f Q\n".getBytes(StandardCharsets.US_ASCII);
                byte[] replaced = Arrays.copyOf(content, content.length + cover.length);
                System.arraycopy(cover, 0, replaced, content.length, cover.length);
                PdfStream stream = new PdfStream(replaced);
                stream.flateCompress();
                stamper.getWriter().addToBody(stream, ref);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Rewrites the named signature's CMS in place, in its /Contents, zero padded to the same length: the bytes
     * its byte range covers stay as they are. {@code change} gets the CMS and returns the new one.
     */
    static byte[] rewriteCms(byte[] pdf, String field, UnaryOperator<CMSSignedData> change) throws Exception {
        int[] gap = gap(pdf, field);
        int reserved = (gap[1] - gap[0] - 2) / 2;
        byte[] encoded = change.apply(new CMSSignedData(Hex.decode(Arrays.copyOfRange(pdf, gap[0] + 1, gap[1] - 1))))
                .getEncoded("DER");
        if (encoded.length > reserved) {
            throw new IllegalStateException("the new CMS (" + encoded.length + " bytes) exceeds /Contents (" + reserved + ")");
        }
        byte[] tampered = pdf.clone();
        byte[] hex = Hex.encode(Arrays.copyOf(encoded, reserved));
        System.arraycopy(hex, 0, tampered, gap[0] + 1, hex.length);
        return tampered;
    }

    /** The named signature with its signature-time-stamp attribute replaced by {@code token}, or removed (null). */
    static byte[] signatureTimeStamp(byte[] pdf, String field, byte[] token) throws Exception {
        return rewriteCms(pdf, field, cms -> {
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            AttributeTable unsigned = signer.getUnsignedAttributes()
                    .remove(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            try {
                if (token != null) {
                    unsigned = unsigned.add(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                            ASN1Primitive.fromByteArray(token));
                }
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(e);
            }
            return CMSSignedData.replaceSigners(cms, new SignerInformationStore(
                    SignerInformation.replaceUnsignedAttributes(signer, unsigned.size() == 0 ? null : unsigned)));
        });
    }

    /**
     * The named signature with one bit flipped in the middle of its time-stamp token's own signature value (the
     * authority's), in place: the CMS and the token still parse, the signer's signature still holds.
     */
    static byte[] flipInSignatureTimeStamp(byte[] pdf, String field) throws Exception {
        int[] gap = gap(pdf, field);
        byte[] contents = Hex.decode(Arrays.copyOfRange(pdf, gap[0] + 1, gap[1] - 1));
        SignerInformation signer = new CMSSignedData(contents).getSignerInfos().getSigners().iterator().next();
        byte[] token = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)
                .getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded("DER");
        byte[] authoritySignature = new TimeStampToken(new CMSSignedData(token)).toCMSSignedData().getSignerInfos()
                .getSigners().iterator().next().getSignature();
        int at = indexOf(contents, authoritySignature) + authoritySignature.length / 2;
        contents[at] ^= 0x01;
        byte[] tampered = pdf.clone();
        byte[] hex = Hex.encode(contents);
        System.arraycopy(hex, 0, tampered, gap[0] + 1, hex.length);
        return tampered;
    }

    private static int indexOf(byte[] bytes, byte[] what) {
        for (int i = 0; i + what.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new IllegalStateException("not found");
    }

    /** The gap of the named signature's /ByteRange: {start of '&lt;', end after '&gt;'}. */
    static int[] gap(byte[] pdf, String field) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfArray range = reader.getAcroFields().getSignatureDictionary(field).getAsArray(PdfName.BYTERANGE);
            return new int[] {range.getAsNumber(1).intValue(), range.getAsNumber(2).intValue()};
        } finally {
            reader.close();
        }
    }

    /** Overwrites the end of the named signature's zero padding, in place, with other hex digits: same length. */
    static byte[] bytesInPadding(byte[] pdf, String field) throws Exception {
        int[] gap = gap(pdf, field);
        byte[] tampered = pdf.clone();
        byte[] hex = "DEADBEEFCAFEBABE".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hex, 0, tampered, gap[1] - 1 - hex.length, hex.length);
        return tampered;
    }

    /**
     * Ends the named signature's /Contents early, in place, to slip {@code /Name (…)} into its dictionary inside
     * the gap the byte range leaves: the same length, the signature value untouched.
     */
    static byte[] nameInGap(byte[] pdf, String field, String name) throws Exception {
        int[] gap = gap(pdf, field);
        byte[] tampered = pdf.clone();
        byte[] slipped = (">/Name(" + name + ")/X<00").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(slipped, 0, tampered, gap[1] - 1 - 64 - slipped.length, slipped.length);
        return tampered;
    }
}

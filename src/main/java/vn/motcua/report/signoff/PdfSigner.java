package vn.motcua.report.signoff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.TimeZone;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPKCS7;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;

import vn.motcua.report.period.VietnamTime;

import vn.motcua.report.document.DocumentStyle;

/**
 * Signs a finished PDF: a detached CMS signature over SHA-256 ({@code adbe.pkcs7.detached}, as PAdES
 * basic), with a visible appearance in the signature block's space showing the signer's name and the
 * signing time in ISO-8601 Vietnam time, as Decree 30/2020/NĐ-CP describes for digital signatures.
 */
public final class PdfSigner {

    /** Space reserved for the CMS signature (certificate chain included), in bytes. */
    private static final int RESERVED = 16_384;
    public static final String FIELD = "ChuKySo";

    private PdfSigner() {
    }

    /** Where the visible signature goes: 1-based page and {left, bottom, right, top} in points. */
    public record Placement(int page, float[] rectangle) {
    }

    public static byte[] sign(byte[] pdf, PrivateKey key, Certificate[] chain, String signerName, String reason,
                              String location, OffsetDateTime when, Placement placement) {
        try {
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream signed = new ByteArrayOutputStream(pdf.length + 2 * RESERVED + 4096);
            PdfStamper stamper = PdfStamper.createSignature(reader, signed, '\0');
            PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
            Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone(VietnamTime.ZONE));
            calendar.setTimeInMillis(when.toInstant().toEpochMilli());
            appearance.setCrypto(null, chain, null, null);
            appearance.setSignDate(calendar);
            appearance.setReason(reason);
            appearance.setLocation(location);
            float[] r = placement.rectangle();
            appearance.setVisibleSignature(new Rectangle(r[0], r[1], r[2], r[3]), placement.page(), FIELD);
            appearance.setLayer2Text("Ký bởi: " + signerName + "\nThời gian ký: "
                    + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(when.atZoneSameInstant(VietnamTime.ZONE)));
            appearance.setLayer2Font(new Font(DocumentStyle.REGULAR, 9));
            appearance.setAcro6Layers(true);

            PdfSignature dictionary = new PdfSignature(PdfName.ADOBE_PPKLITE, new PdfName("adbe.pkcs7.detached"));
            dictionary.setReason(reason);
            dictionary.setLocation(location);
            dictionary.setName(signerName);
            dictionary.setDate(new PdfDate(calendar));
            appearance.setCryptoDictionary(dictionary);
            HashMap<PdfName, Integer> exclusions = new HashMap<>();
            exclusions.put(PdfName.CONTENTS, RESERVED * 2 + 2);
            appearance.preClose(exclusions);

            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream range = appearance.getRangeStream()) {
                byte[] buffer = new byte[65_536];
                int n;
                while ((n = range.read(buffer)) > 0) {
                    sha256.update(buffer, 0, n);
                }
            }
            byte[] hash = sha256.digest();
            PdfPKCS7 cms = new PdfPKCS7(key, chain, null, "SHA256", null, false);
            byte[] attributes = cms.getAuthenticatedAttributeBytes(hash, calendar, null);
            cms.update(attributes, 0, attributes.length);
            byte[] encoded = cms.getEncodedPKCS7(hash, calendar);
            if (encoded.length > RESERVED) {
                throw new IllegalStateException("the signature (" + encoded.length + " bytes) does not fit the "
                        + RESERVED + " bytes reserved for it: use a certificate chain without extra certificates");
            }
            byte[] contents = new byte[RESERVED];
            System.arraycopy(encoded, 0, contents, 0, encoded.length);
            PdfDictionary update = new PdfDictionary();
            update.put(PdfName.CONTENTS, new PdfString(contents).setHexWriting(true));
            appearance.close(update);
            return signed.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not sign the PDF: " + e.getMessage(), e);
        } catch (GeneralSecurityException | DocumentException e) {
            throw new IllegalStateException("could not sign the PDF: " + e.getMessage(), e);
        }
    }
}

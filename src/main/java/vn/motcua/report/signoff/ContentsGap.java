package vn.motcua.report.signoff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfString;
import org.bouncycastle.asn1.ASN1InputStream;

import vn.motcua.report.signoff.SignatureCheck.Damage;
import vn.motcua.report.signoff.SignatureCheck.Finding;

/**
 * The one place of a signed revision the signature does not cover: the gap its /ByteRange leaves, which must
 * be exactly the /Contents hex string (else keys of the signature dictionary, such as /Name, were slipped in
 * unsigned), holding the DER signature value followed by zero padding only (else bytes were slipped into
 * the padding, which a CMS reader ignores).
 */
final class ContentsGap {

    private ContentsGap() {
    }

    static List<Finding> check(byte[] pdf, String field, PdfDictionary dictionary) {
        List<Finding> findings = new ArrayList<>();
        PdfArray range = dictionary.getAsArray(PdfName.BYTERANGE);
        PdfString contents = dictionary.getAsString(PdfName.CONTENTS);
        if (range == null || range.size() != 4 || contents == null) {
            return findings;
        }
        PdfNumber gapStart = range.getAsNumber(1);
        PdfNumber gapEnd = range.getAsNumber(2);
        if (gapStart == null || gapEnd == null) {
            return findings;
        }
        int from = gapStart.intValue();
        int to = gapEnd.intValue();
        if (from < 0 || to > pdf.length || to - from < 2) {
            return findings;
        }
        byte[] value = contents.getOriginalBytes();
        byte[] gap = hexString(pdf, from, to);
        if (gap == null || !Arrays.equals(gap, value)) {
            findings.add(new Finding(Damage.SIGNATURE_DICTIONARY, field));
        }
        int used = derLength(value);
        for (int i = used; i < value.length; i++) {
            if (value[i] != 0) {
                findings.add(new Finding(Damage.CONTENTS_PADDING, field));
                break;
            }
        }
        return findings;
    }

    /** The bytes of the hex string that fills {@code pdf[from..to)} exactly, or null when it is anything else. */
    private static byte[] hexString(byte[] pdf, int from, int to) {
        if (pdf[from] != '<' || pdf[to - 1] != '>') {
            return null;
        }
        byte[] out = new byte[(to - from) / 2];
        int count = 0;
        int high = -1;
        for (int i = from + 1; i < to - 1; i++) {
            int b = pdf[i] & 0xff;
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0) {
                continue;
            }
            int digit = Character.digit(b, 16);
            if (digit < 0) {
                return null;
            }
            if (high < 0) {
                high = digit;
            } else {
                out[count++] = (byte) (high << 4 | digit);
                high = -1;
            }
        }
        if (high >= 0) {
            out[count++] = (byte) (high << 4);
        }
        return Arrays.copyOf(out, count);
    }

    /** How many bytes the first DER (or BER) value of {@code bytes} takes; all of them when it cannot be read. */
    private static int derLength(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        try (ASN1InputStream asn1 = new ASN1InputStream(in, bytes.length)) {
            asn1.readObject();
            return bytes.length - in.available();
        } catch (IOException | RuntimeException e) {
            // An unreadable value is reported by the signature check itself.
            return bytes.length;
        }
    }
}

package vn.motcua.report.signoff;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;

import vn.motcua.report.system.Sha256;

/**
 * What each page of one revision of a PDF shows, as fingerprints: its content stream, the images and forms
 * it draws, and its annotations other than signature fields. Two revisions that differ only by a
 * signature look the same.
 */
final class PageLook {

    private final List<String> pages;

    private PageLook(List<String> pages) {
        this.pages = pages;
    }

    /** The look of the revision made of these bytes; a revision that cannot be read looks like nothing. */
    static PageLook of(byte[] revision) {
        List<String> pages = new ArrayList<>();
        try {
            PdfReader reader = new PdfReader(revision);
            try {
                for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                    pages.add(page(reader, p));
                }
            } finally {
                reader.close();
            }
        } catch (IOException | RuntimeException e) {
            pages.add("unreadable");
        }
        return new PageLook(pages);
    }

    /** Adds to {@code findings} what {@code later} shows that this revision did not. */
    void compare(PageLook later, List<SignatureCheck.Finding> findings) {
        if (later.pages.size() != pages.size()) {
            findings.add(new SignatureCheck.Finding(SignatureCheck.Damage.EXTRA_PAGE, Math.min(later.pages.size(),
                    pages.size()) + 1));
        }
        for (int i = 0; i < Math.min(pages.size(), later.pages.size()); i++) {
            if (!pages.get(i).equals(later.pages.get(i))) {
                findings.add(new SignatureCheck.Finding(SignatureCheck.Damage.PAGE_CHANGED, i + 1));
            }
        }
    }

    private static String page(PdfReader reader, int number) throws IOException {
        StringBuilder look = new StringBuilder(Sha256.of(reader.getPageContent(number)));
        PdfDictionary page = reader.getPageN(number);
        PdfDictionary resources = page.getAsDict(PdfName.RESOURCES);
        PdfDictionary xobjects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
        if (xobjects != null) {
            for (PdfName key : xobjects.getKeys()) {
                look.append(' ').append(key).append('=').append(stream(xobjects.get(key)));
            }
        }
        PdfArray annotations = page.getAsArray(PdfName.ANNOTS);
        if (annotations != null) {
            for (int i = 0; i < annotations.size(); i++) {
                PdfDictionary annotation = annotations.getAsDict(i);
                if (annotation != null && !signatureWidget(annotation)) {
                    look.append(" annot ").append(annotation.get(PdfName.SUBTYPE)).append(annotation.get(PdfName.RECT))
                            .append(stream(appearance(annotation)));
                }
            }
        }
        return look.toString();
    }

    private static boolean signatureWidget(PdfDictionary annotation) {
        if (!PdfName.WIDGET.equals(annotation.getAsName(PdfName.SUBTYPE))) {
            return false;
        }
        PdfName type = annotation.getAsName(PdfName.FT);
        PdfDictionary parent = annotation.getAsDict(PdfName.PARENT);
        if (type == null && parent != null) {
            type = parent.getAsName(PdfName.FT);
        }
        return PdfName.SIG.equals(type);
    }

    private static PdfObject appearance(PdfDictionary annotation) {
        PdfDictionary ap = annotation.getAsDict(PdfName.AP);
        return ap == null ? null : ap.get(PdfName.N);
    }

    private static String stream(PdfObject object) {
        PdfObject direct = PdfReader.getPdfObject(object);
        if (direct instanceof PRStream s) {
            try {
                return Sha256.of(PdfReader.getStreamBytesRaw(s));
            } catch (IOException | RuntimeException e) {
                return "unreadable";
            }
        }
        return Objects.toString(direct);
    }
}

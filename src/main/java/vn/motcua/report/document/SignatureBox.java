package vn.motcua.report.document;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Where the signature space of the signature block landed: page (1-based) and rectangle in PDF points,
 * for a visible digital signature between the title line and the signer's name.
 */
public final class SignatureBox {

    private final PdfWriter writer;
    private int page;
    private float left;
    private float bottom;
    private float right;
    private float top;

    SignatureBox(PdfWriter writer) {
        this.writer = writer;
    }

    void place(Rectangle r) {
        page = writer.getPageNumber();
        left = r.getLeft();
        bottom = r.getBottom();
        right = r.getRight();
        top = r.getTop();
    }

    public int page() {
        return page;
    }

    /** {left, bottom, right, top} in points. */
    public float[] rectangle() {
        return new float[] {left, bottom, right, top};
    }
}

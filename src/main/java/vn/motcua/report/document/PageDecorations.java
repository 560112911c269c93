package vn.motcua.report.document;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * What every page carries: its number centred in the top margin (none on page 1, as Decree 30 asks) and,
 * until sign-off, the "DỰ THẢO" (draft) mark: a label in the top right margin and a faint diagonal stamp.
 */
final class PageDecorations extends PdfPageEventHelper {

    static final String DRAFT = "DỰ THẢO";

    private final boolean draft;
    private int pages;

    PageDecorations(boolean draft) {
        this.draft = draft;
    }

    int pages() {
        return pages;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        pages++;
        Rectangle page = document.getPageSize();
        PdfContentByte cb = writer.getDirectContent();
        float marginMiddle = page.getHeight() - DocumentStyle.TOP / 2 - 4;
        int number = writer.getPageNumber();
        if (number > 1) {
            ColumnText.showTextAligned(cb, Element.ALIGN_CENTER,
                    new Phrase(Integer.toString(number), DocumentStyle.regular(13)),
                    (page.getWidth() + DocumentStyle.LEFT - DocumentStyle.RIGHT) / 2, marginMiddle, 0);
        }
        if (!draft) {
            return;
        }
        Font label = new Font(DocumentStyle.BOLD, 12, Font.NORMAL, DocumentStyle.DRAFT);
        float right = page.getWidth() - DocumentStyle.RIGHT;
        float width = DocumentStyle.BOLD.getWidthPoint(DRAFT, 12);
        cb.saveState();
        cb.setColorStroke(DocumentStyle.DRAFT);
        cb.setLineWidth(1f);
        cb.rectangle(right - width - 8, marginMiddle - 5, width + 8, 18);
        cb.stroke();
        cb.restoreState();
        ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(DRAFT, label), right - 4, marginMiddle, 0);

        cb.saveState();
        PdfGState faint = new PdfGState();
        faint.setFillOpacity(0.12f);
        cb.setGState(faint);
        float angle = (float) Math.toDegrees(Math.atan2(page.getHeight(), page.getWidth()));
        ColumnText.showTextAligned(cb, Element.ALIGN_CENTER,
                new Phrase(DRAFT, new Font(DocumentStyle.BOLD, 110, Font.NORMAL, DocumentStyle.DRAFT)),
                page.getWidth() / 2, page.getHeight() / 2 - 35, angle);
        cb.restoreState();
    }
}

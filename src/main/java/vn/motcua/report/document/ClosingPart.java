package vn.motcua.report.document;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import vn.motcua.report.config.ReportSettings;

/**
 * "Nơi nhận:" (12 pt bold italic, the list in 11 pt, ending "- Lưu: …") on the left and the signature block
 * on the right: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC", the space where the signature goes, the signer's name.
 * Where that space lands is recorded, so a signature appearance can be put there later.
 */
final class ClosingPart {

    /**
     * Height of the space left for the handwritten or digital signatures: the signature and seal images,
     * the signer's three lines and the seal's two (see signoff/SignatureLook).
     */
    static final float SIGNATURE_SPACE = 120;

    private ClosingPart() {
    }

    static void add(Document document, ReportDocumentData data, SignatureBox box) {
        PdfPTable t = new PdfPTable(new float[] {48, 52});
        t.setWidthPercentage(100);
        t.setSpacingBefore(12);
        t.setKeepTogether(true);

        PdfPCell recipients = plain();
        Paragraph title = new Paragraph(14, "Nơi nhận:", DocumentStyle.boldItalic(12));
        recipients.addElement(title);
        for (String line : data.recipients()) {
            recipients.addElement(new Paragraph(13, "- " + line, DocumentStyle.regular(11)));
        }
        recipients.addElement(new Paragraph(13, "- Lưu: " + data.archive() + ".", DocumentStyle.regular(11)));
        t.addCell(recipients);

        PdfPCell sign = plain();
        ReportSettings.Signer signer = data.signer();
        if (signer.onBehalf() != null) {
            sign.addElement(DocumentStyle.centred(signer.onBehalf(), DocumentStyle.bold(13)));
        }
        sign.addElement(DocumentStyle.centred(signer.position(), DocumentStyle.bold(13)));
        PdfPTable inner = new PdfPTable(1);
        inner.setWidthPercentage(100);
        PdfPCell space = new PdfPCell();
        space.setBorder(Rectangle.NO_BORDER);
        space.setFixedHeight(SIGNATURE_SPACE);
        space.setCellEvent((cell, position, canvases) -> box.place(position));
        inner.addCell(space);
        sign.addElement(inner);
        sign.addElement(DocumentStyle.centred(signer.name(), DocumentStyle.bold(13)));
        t.addCell(sign);
        document.add(t);
    }

    private static PdfPCell plain() {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(0);
        c.setHorizontalAlignment(Element.ALIGN_LEFT);
        return c;
    }
}

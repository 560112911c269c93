package vn.motcua.report.document;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Utilities;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;

/**
 * Fonts and measures of the document (Decree 30/2020/NĐ-CP, Appendix I): Liberation Serif 2.00.5 (Times New
 * Roman metrics, every Vietnamese letter; embedded as Identity-H so text reads back exactly), 13 pt body,
 * A4 with margins top/bottom 20 mm, left 30 mm, right 15 mm. Every font is embedded (PDF/A, {@link ArchivalPdf}).
 */
public final class DocumentStyle {

    static final float TOP = Utilities.millimetersToPoints(20);
    static final float BOTTOM = Utilities.millimetersToPoints(20);
    static final float LEFT = Utilities.millimetersToPoints(30);
    static final float RIGHT = Utilities.millimetersToPoints(15);
    static final float INDENT = Utilities.millimetersToPoints(10);
    static final float BODY = 13;

    public static final BaseFont REGULAR = load("LiberationSerif-Regular.ttf");
    static final BaseFont BOLD = load("LiberationSerif-Bold.ttf");
    static final BaseFont ITALIC = load("LiberationSerif-Italic.ttf");
    static final BaseFont BOLD_ITALIC = load("LiberationSerif-BoldItalic.ttf");

    static final Color ON_TIME = new Color(58, 110, 165);
    static final Color LATE = new Color(200, 55, 45);
    static final Color PENDING = new Color(235, 175, 50);
    static final Color DRAFT = new Color(200, 30, 30);

    private DocumentStyle() {
    }

    static Font regular(float size) {
        return new Font(REGULAR, size, Font.NORMAL);
    }

    static Font bold(float size) {
        return new Font(BOLD, size, Font.NORMAL);
    }

    static Font italic(float size) {
        return new Font(ITALIC, size, Font.NORMAL);
    }

    static Font boldItalic(float size) {
        return new Font(BOLD_ITALIC, size, Font.NORMAL);
    }

    /** A body paragraph: justified, first line indented, 6 pt after. */
    static Paragraph body(String text) {
        Paragraph p = new Paragraph(BODY * 1.2f, text, regular(BODY));
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setFirstLineIndent(INDENT);
        p.setSpacingAfter(6);
        return p;
    }

    /** A marked gap where staff have not written the text yet. */
    static Paragraph missing(String text) {
        Paragraph p = new Paragraph(BODY * 1.2f, text, new Font(ITALIC, BODY, Font.NORMAL, DRAFT));
        p.setAlignment(Element.ALIGN_LEFT);
        p.setFirstLineIndent(INDENT);
        p.setSpacingAfter(6);
        return p;
    }

    static Paragraph heading(String text) {
        Paragraph p = new Paragraph(BODY * 1.2f, text, bold(BODY));
        p.setFirstLineIndent(INDENT);
        p.setSpacingBefore(6);
        p.setSpacingAfter(6);
        return p;
    }

    static Paragraph centred(String text, Font font) {
        Paragraph p = new Paragraph(font.getSize() * 1.2f, text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    /** A table cell with thin borders, centred text, small padding. */
    static PdfPCell cell(String text, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(font.getSize() * 1.15f, text, font));
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPaddingTop(2);
        c.setPaddingBottom(4);
        c.setPaddingLeft(2);
        c.setPaddingRight(2);
        c.setUseAscender(true);
        c.setBorderWidth(0.5f);
        return c;
    }

    /** A heading cell spanning columns and rows. */
    static PdfPCell heading(String text, Font font, int colspan, int rowspan) {
        PdfPCell c = cell(text, font, Element.ALIGN_CENTER);
        c.setColspan(colspan);
        c.setRowspan(rowspan);
        return c;
    }

    /** A body cell, top-aligned so a row's figures share the baseline of the field name's first line. */
    static PdfPCell data(String text, Font font, int align) {
        PdfPCell c = cell(text, font, align);
        c.setVerticalAlignment(Element.ALIGN_TOP);
        c.setPaddingBottom(3);
        return c;
    }

    private static BaseFont load(String file) {
        String resource = "liberation/" + file;
        try (InputStream in = DocumentStyle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing from the class path (openpdf-fonts-extra)");
            }
            BaseFont font = BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
            // A subset's CIDSet must list exactly the glyphs kept, which OpenPDF does not; PDF/A-2 and 3 need none.
            font.setIncludeCidSet(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read font " + resource, e);
        }
    }
}

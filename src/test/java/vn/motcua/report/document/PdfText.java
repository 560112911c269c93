package vn.motcua.report.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** A PDF read back with PDFBox: page sizes, fonts, and the text of each page. */
record PdfText(List<float[]> pageSizes, List<String> bodyByPosition, List<String> bodyAsWritten, List<String> margin,
               List<String> stamp,
               List<String> fonts, List<String> notEmbedded) {

    /** The top margin (20 mm) holds only the page number and the draft label. */
    private static final float TOP_MARGIN = 56;

    static PdfText read(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<float[]> sizes = new ArrayList<>();
            List<String> fonts = new ArrayList<>();
            List<String> notEmbedded = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                // A landscape page is a portrait media box turned by /Rotate 90: report it as it is seen.
                boolean turned = page.getRotation() % 180 != 0;
                float w = page.getMediaBox().getWidth();
                float h = page.getMediaBox().getHeight();
                sizes.add(turned ? new float[] {h, w} : new float[] {w, h});
                fonts(page.getResources(), fonts, notEmbedded);
            }
            List<String> sorted = new ArrayList<>();
            List<String> margin = new ArrayList<>();
            List<String> stamp = new ArrayList<>();
            List<String> written = new ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                sorted.add(text(doc, i, new Part(Part.BODY), true));
                written.add(text(doc, i, new Part(Part.BODY), false));
                margin.add(text(doc, i, new Part(Part.MARGIN), true));
                stamp.add(text(doc, i, new Part(Part.STAMP), false));
            }
            return new PdfText(sizes, sorted, written, margin, stamp, fonts, notEmbedded);
        }
    }

    /**
     * The body text of all pages in the order it was written, whitespace collapsed: a sentence wrapped over
     * lines reads as one, a heading wrapped inside its table cell too. (Tables come after the paragraphs of
     * their page in this order; {@link #bodyByPosition} has the page as it looks.)
     */
    String flat() {
        return collapse(String.join(" ", bodyAsWritten));
    }

    String flat(int page) {
        return collapse(bodyAsWritten.get(page - 1));
    }

    /** The page as it looks, line by line, whitespace collapsed within lines. */
    String byPosition(int page) {
        return collapse(bodyByPosition.get(page - 1));
    }

    /** What the top margin of a page says (page number, draft label), whitespace collapsed. */
    String margin(int page) {
        return collapse(margin.get(page - 1)).strip();
    }

    int pages() {
        return bodyByPosition.size();
    }

    private static String collapse(String s) {
        return s.replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }

    private static String text(PDDocument doc, int page, PDFTextStripper stripper, boolean sorted) throws IOException {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.setSortByPosition(sorted);
        return stripper.getText(doc);
    }

    private static void fonts(PDResources resources, List<String> fonts, List<String> notEmbedded) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            fonts.add(font.getName());
            if (!font.isEmbedded()) {
                notEmbedded.add(font.getName());
            }
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                fonts(form.getResources(), fonts, notEmbedded);
            }
        }
    }

    /** The letters of the large diagonal stamp on a page, sorted (a rotated text reads back in no useful order). */
    String stampLetters(int page) {
        return stamp.get(page - 1).replaceAll("\\s+", "").chars().sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** One part of a page: the body, the top margin (page number, draft label), or the large diagonal stamp. */
    private static final class Part extends PDFTextStripper {
        static final int BODY = 0;
        static final int MARGIN = 1;
        static final int STAMP = 2;
        private final int part;

        Part(int part) {
            this.part = part;
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            int where = text.getFontSizeInPt() > 40 ? STAMP : text.getYDirAdj() < TOP_MARGIN ? MARGIN : BODY;
            if (where == part) {
                super.processTextPosition(text);
            }
        }
    }
}

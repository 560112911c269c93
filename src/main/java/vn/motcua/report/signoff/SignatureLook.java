package vn.motcua.report.signoff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.lowagie.text.BadElementException;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;

import vn.motcua.report.document.DocumentStyle;

/**
 * What a visible signature shows, laid out as Decree 30/2020/NĐ-CP (Appendix I) describes, in the
 * signature space of the document's signature block (between the title line and the name):
 * <pre>
 *   ┌──────────────────────────────────────┐
 *   │ [seal]  handwritten-signature image  │  image row (top)
 *   │       Signer's name · organisation   │  signer's text, 10 pt, centred
 *   │       ISO 8601 Vietnam time          │
 *   │ seal's organisation and time, 10 pt  │  seal's strip (bottom), left
 *   └──────────────────────────────────────┘
 * </pre>
 * The seal image covers the left third of the signer's image. Both signatures share this layout, so
 * the seal, added later, finds its place without changing what the first signature covers.
 */
final class SignatureLook {

    /** Share of the space's height that the images take, at its top. */
    static final float IMAGE_ROW = 0.45f;
    private static final float SIGNER_FONT = 10;
    private static final float SEAL_FONT = 10;
    private static final float SEAL_STRIP = 2 * SEAL_FONT + 6;

    private final int page;
    private final float[] rectangle;
    private final Drawing drawing;

    private interface Drawing {
        void on(PdfTemplate layer, float width, float height) throws DocumentException;
    }

    private SignatureLook(int page, float[] rectangle, Drawing drawing) {
        this.page = page;
        this.rectangle = rectangle;
        this.drawing = drawing;
    }

    int page() {
        return page;
    }

    /** The widget's {left, bottom, right, top} in points. */
    float[] rectangle() {
        return rectangle.clone();
    }

    void drawOn(PdfTemplate layer) throws DocumentException {
        drawing.on(layer, rectangle[2] - rectangle[0], rectangle[3] - rectangle[1]);
    }

    /**
     * The signer's look over the whole space: the handwritten-signature image (if any) in the image row,
     * then the lines (name, organisation, time) centred below it.
     */
    static SignatureLook signer(int page, float[] space, byte[] image, List<String> lines) {
        return new SignatureLook(page, space, (layer, width, height) -> {
            float imageRow = height * IMAGE_ROW;
            if (image != null) {
                float[] at = imageBox(width, height);
                place(layer, picture(image), at);
            }
            float lineHeight = SIGNER_FONT + 2;
            float y = height - imageRow - SIGNER_FONT;
            for (String line : lines) {
                text(layer, line, SIGNER_FONT, width / 2, y, PdfContentByte.ALIGN_CENTER, width);
                y -= lineHeight;
            }
        });
    }

    /**
     * The seal's look, over the same space: the seal image over the left third of the signer's image, and
     * the organisation and time (10 pt) in the bottom strip.
     */
    static SignatureLook seal(int page, float[] space, byte[] image, List<String> lines) {
        return new SignatureLook(page, space, (layer, w, h) -> {
            if (image != null) {
                float[] signerImage = imageBox(w, h);
                float side = h * IMAGE_ROW + 10;
                float centreX = signerImage[0] + (signerImage[2] - signerImage[0]) / 6;
                place(layer, picture(image), new float[] {centreX - side / 2, h - side, centreX + side / 2, h});
            }
            float y = SEAL_STRIP - SEAL_FONT - 1;
            for (String line : lines) {
                text(layer, line, SEAL_FONT, 0, y, PdfContentByte.ALIGN_LEFT, w);
                y -= SEAL_FONT + 2;
            }
        });
    }

    /** Where the signer's image goes in a space of this size: {left, bottom, right, top} inside it. */
    private static float[] imageBox(float width, float height) {
        float rowHeight = height * IMAGE_ROW;
        float imageWidth = Math.min(width * 0.5f, rowHeight * 2.2f);
        float left = (width - imageWidth) / 2;
        return new float[] {left, height - rowHeight, left + imageWidth, height};
    }

    private static Image picture(byte[] png) {
        try {
            return Image.getInstance(png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BadElementException e) {
            throw new IllegalArgumentException("not an image: " + e.getMessage(), e);
        }
    }

    /** Scales the image to fit the box, keeping its proportions, centred. */
    private static void place(PdfTemplate layer, Image image, float[] box) throws DocumentException {
        float boxWidth = box[2] - box[0];
        float boxHeight = box[3] - box[1];
        float scale = Math.min(boxWidth / image.getWidth(), boxHeight / image.getHeight());
        float w = image.getWidth() * scale;
        float h = image.getHeight() * scale;
        layer.addImage(image, w, 0, 0, h, box[0] + (boxWidth - w) / 2, box[1] + (boxHeight - h) / 2);
    }

    /** One line of text, shrunk to the width when it would not fit. */
    private static void text(PdfTemplate layer, String line, float size, float x, float y, int align, float width) {
        BaseFont font = DocumentStyle.REGULAR;
        float fitted = Math.min(size, size * width / Math.max(1, font.getWidthPoint(line, size)));
        layer.beginText();
        layer.setFontAndSize(font, fitted);
        layer.setRGBColorFill(0, 0, 0);
        layer.showTextAligned(align, line, x, y, 0);
        layer.endText();
    }
}

package vn.motcua.report.document;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.List;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfFileSpecification;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.xml.xmp.XmpWriter;

/**
 * What makes the report an archival PDF, PDF/A-3b (ISO 19005-3; Vietnam's TCVN 14159-2:2024 is PDF/A-2,
 * which it extends only by embedded files): PDF 1.7, the sRGB output intent, XMP metadata naming the
 * conformance, fonts embedded without a CIDSet ({@link DocumentStyle}), and the report's own tables embedded as
 * associated files of the document, so the numbers travel inside what is signed. OpenPDF knows only PDF/A-1,
 * which forbids the transparency the signature images need, hence these parts set by hand.
 */
final class ArchivalPdf {

    private static final PdfName AF_RELATIONSHIP = new PdfName("AFRelationship");
    private static final PdfName DATA = new PdfName("Data");
    private static final String PDFA_ID = "http://www.aiim.org/pdfa/ns/id/";

    /** A file the PDF carries: its name (what {@code pdfdetach} saves it as), content, MIME type and description. */
    record Attachment(String name, byte[] content, String mimeType, String description) {
    }

    private ArchivalPdf() {
    }

    /** Before the document is opened. */
    static void prepare(PdfWriter writer) {
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
    }

    /**
     * The output intent and the associated files, once the document is open.
     *
     * @param when the files' modification date (they are made with the document)
     */
    static void describe(PdfWriter writer, List<Attachment> attachments, Calendar when) {
        try {
            ICC_Profile srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB);
            writer.setOutputIntents("sRGB IEC61966-2.1", "", "http://www.color.org", "sRGB IEC61966-2.1", srgb);
            // OpenPDF writes a PDF/X intent; PDF/A asks for the same intent under /GTS_PDFA1.
            writer.getExtraCatalog().getAsArray(PdfName.OUTPUTINTENTS).getAsDict(0).put(PdfName.S, PdfName.GTS_PDFA1);
            PdfArray associated = new PdfArray();
            for (Attachment a : attachments) {
                PdfDictionary params = new PdfDictionary();
                params.put(PdfName.MODDATE, new PdfDate(when));
                PdfFileSpecification file = PdfFileSpecification.fileEmbedded(writer, null, a.name(), a.content(),
                        a.mimeType(), params, PdfStream.BEST_COMPRESSION);
                file.setUnicodeFileName(a.name(), true);
                file.put(PdfName.DESC, new PdfString(a.description(), PdfObject.TEXT_UNICODE));
                file.put(AF_RELATIONSHIP, DATA);
                writer.addFileAttachment(a.description(), file);
                associated.add(file.getReference());
            }
            if (!associated.isEmpty()) {
                writer.getExtraCatalog().put(PdfName.AF, associated);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not add the archival parts to the PDF", e);
        }
    }

    /** The XMP metadata, from the document's properties as they stand: called last, before the document closes. */
    static void metadata(PdfWriter writer) {
        try {
            ByteArrayOutputStream xmp = new ByteArrayOutputStream();
            try (XmpWriter w = new XmpWriter(xmp, writer.getInfo(), PdfWriter.PDFXNONE)) {
                w.addRdfDescription("xmlns:pdfaid=\"" + PDFA_ID + "\"",
                        "<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>");
            }
            writer.setXmpMetadata(xmp.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PDF's metadata", e);
        }
    }
}

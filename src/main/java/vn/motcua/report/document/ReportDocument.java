package vn.motcua.report.document;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfWriter;

import vn.motcua.report.period.VietnamTime;
import vn.motcua.report.revision.CsvTables;
import vn.motcua.report.revision.ReportFiles;
import vn.motcua.report.revision.ReportKey;

/**
 * The period report as a PDF a director signs: the seed report's content in its order (header, section 1
 * table, sections 2 and 3, recipients and signature block), then the appendices (Biểu 06, the list of
 * late and overdue dossiers grouped by unit (a consolidation's by receiving centre first), charts, the table by
 * unit, and a consolidation's table by receiving centre). Plain code, no Spring: the report job renders the draft,
 * and sign-off renders the final version with the signer's block.
 */
public final class ReportDocument {

    private ReportDocument() {
    }

    /** The document's properties (PDF Info) naming its period and revision. */
    public static final String PERIOD_PROPERTY = "MotcuaPeriod";
    /** The code of the centre whose report this is; absent for report.yaml's one centre. */
    public static final String CENTRE_PROPERTY = "MotcuaCentre";
    public static final String REVISION_PROPERTY = "MotcuaRevision";
    private static final String TEXT_CSV = "text/csv";

    /** What was rendered: the page count and where the signature space is. */
    public record Rendered(int pages, int signaturePage, float[] signatureRectangle) {
    }

    /**
     * Renders the document.
     *
     * @param draft true until sign-off: every page carries "DỰ THẢO"
     * @param out   receives the PDF; not closed
     */
    public static Rendered render(ReportDocumentData data, boolean draft, OutputStream out) {
        Document document = new Document(PageSize.A4, DocumentStyle.LEFT, DocumentStyle.RIGHT, DocumentStyle.TOP,
                DocumentStyle.BOTTOM);
        PdfWriter writer = PdfWriter.getInstance(document, new NonClosing(out));
        ArchivalPdf.prepare(writer);
        PageDecorations decorations = new PageDecorations(draft);
        writer.setPageEvent(decorations);
        writer.setCloseStream(true);
        // Justify with word spacing only: stretched letter spacing reads back from the PDF as broken words.
        writer.setSpaceCharRatio(PdfWriter.NO_SPACE_CHAR_RATIO);
        document.addTitle("Báo cáo tình hình tiếp nhận, giải quyết TTHC " + VietnameseFormat.period(data.period())
                + (draft ? " (dự thảo)" : ""));
        document.addAuthor(data.centre().name());
        document.addCreator("motcua-report");
        // What the document is, in its own properties, so that a recipient's verify can say it.
        document.addHeader(PERIOD_PROPERTY, data.period().name());
        if (data.table().revision().key().ofCentre()) {
            document.addHeader(CENTRE_PROPERTY, data.table().revision().centre());
        }
        document.addHeader(REVISION_PROPERTY, String.valueOf(data.revision()));
        SignatureBox box = new SignatureBox(writer);
        document.open();
        ArchivalPdf.describe(writer, tables(data), Calendar.getInstance(TimeZone.getTimeZone(VietnamTime.ZONE)));

        HeaderPart.add(document, data);
        SeedTablePart.add(document, data.table());
        if (CentreAppendix.present(data)) {
            document.add(DocumentStyle.body(CentreAppendix.summary(data, centreAppendixNumber(data))));
        }
        SectionsPart.add(document, data);
        ClosingPart.add(document, data, box);

        landscape(document);
        NationalFormAppendix.add(document, data);
        document.newPage();
        DossierListAppendix.add(document, writer, data);
        portrait(document);
        ChartAppendix.add(document, writer, data);
        if (UnitAppendix.present(data)) {
            landscape(document);
            UnitAppendix.add(document, data);
        }
        if (CentreAppendix.present(data)) {
            landscape(document);
            CentreAppendix.add(document, data, centreAppendixNumber(data));
        }

        ArchivalPdf.metadata(writer);
        document.close();
        return new Rendered(decorations.pages(), box.page(), box.rectangle());
    }

    /**
     * The report's tables as the CSV files written beside it, byte for byte: by field, then by unit (when counted),
     * then a consolidation's by centre.
     */
    static List<ArchivalPdf.Attachment> tables(ReportDocumentData data) {
        List<ArchivalPdf.Attachment> tables = new ArrayList<>();
        ReportKey report = data.table().revision().key();
        tables.add(new ArchivalPdf.Attachment(ReportFiles.name(report, data.revision(), CsvTables.BY_FIELD),
                CsvTables.byField(data.table()), TEXT_CSV,
                "Bảng số liệu theo lĩnh vực (CSV)"));
        if (!data.units().rows().isEmpty()) {
            tables.add(new ArchivalPdf.Attachment(ReportFiles.name(report, data.revision(), CsvTables.BY_UNIT),
                    CsvTables.byUnit(data.units()), TEXT_CSV,
                    "Bảng số liệu theo đơn vị (CSV)"));
        }
        if (data.hasCentres()) {
            tables.add(new ArchivalPdf.Attachment(ReportFiles.name(report, data.revision(), CsvTables.BY_CENTRE),
                    CsvTables.byCentre(data.centres()), TEXT_CSV,
                    "Bảng số liệu theo nơi tiếp nhận (CSV)"));
        }
        return tables;
    }

    /** The table by centre comes after the table by unit when there is one. */
    private static String centreAppendixNumber(ReportDocumentData data) {
        return UnitAppendix.present(data) ? "PHỤ LỤC 05" : "PHỤ LỤC 04";
    }

    private static void landscape(Document document) {
        document.setPageSize(PageSize.A4.rotate());
        document.newPage();
    }

    private static void portrait(Document document) {
        Rectangle a4 = PageSize.A4;
        document.setPageSize(a4);
        document.newPage();
    }

    /** The caller owns the stream: closing the document flushes it but leaves it open. */
    static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }
}

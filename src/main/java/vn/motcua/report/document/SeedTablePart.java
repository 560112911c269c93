package vn.motcua.report.document;

import static vn.motcua.report.document.VietnameseFormat.count;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import vn.motcua.report.classify.Tally;
import vn.motcua.report.revision.ReportRow;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.TableColumn;

/**
 * Section 1: the table in the seed report's form, columns (1)–(12) under the seed's two-level headings, one
 * row per field in catalogue order and the "Tổng cộng" row. Tight columns keep it on the portrait page;
 * the four heading rows repeat on every page the table runs onto.
 */
final class SeedTablePart {

    static final String SECTION = "1. Tình hình tiếp nhận, giải quyết";

    private SeedTablePart() {
    }

    static void add(Document document, ReportTable table) {
        document.add(DocumentStyle.heading(SECTION));
        Font head = DocumentStyle.bold(9);
        Font body = DocumentStyle.regular(10);
        Font total = DocumentStyle.bold(10);
        PdfPTable t = new PdfPTable(new float[] {23, 115, 33, 31, 31, 31, 31, 31, 31, 31, 31, 28});
        t.setWidthPercentage(100);
        t.setHeaderRows(4);
        t.setSpacingAfter(8);

        FormHeadings.Layout headings = FormHeadings.SEED;
        Font numberFont = DocumentStyle.italic(9);
        for (FormHeadings.Cell h : headings.cells()) {
            t.addCell(DocumentStyle.heading(h.text(), FormHeadings.isNumber(h) ? numberFont : head, h.columns(), h.rows()));
        }

        for (ReportRow row : table.rows()) {
            t.addCell(DocumentStyle.data(Integer.toString(row.position()), body, Element.ALIGN_CENTER));
            t.addCell(DocumentStyle.data(row.name(), body, Element.ALIGN_LEFT));
            figures(t, row.counts(), body);
        }
        PdfPCell label = DocumentStyle.data("Tổng cộng", total, Element.ALIGN_CENTER);
        label.setColspan(2);
        t.addCell(label);
        figures(t, table.total(), total);
        document.add(t);
    }

    /** Columns (3)–(11) of the seed form, then the empty (12) "Ghi chú". */
    static long[] columns(Tally c) {
        return TableColumn.inTable(c);
    }

    private static void figures(PdfPTable t, Tally counts, Font font) {
        for (long n : columns(counts)) {
            t.addCell(DocumentStyle.data(count(n), font, Element.ALIGN_CENTER));
        }
        t.addCell(DocumentStyle.data("", font, Element.ALIGN_CENTER));
    }
}

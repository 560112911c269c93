package vn.motcua.report.document;

import static vn.motcua.report.classify.Counter.*;
import static vn.motcua.report.document.VietnameseFormat.*;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import vn.motcua.report.classify.Tally;
import vn.motcua.report.revision.ReportRow;
import vn.motcua.report.revision.ReportTable;

/**
 * Appendix 01: the same counts in the current national form, Biểu 06 of Circular 01/2020/TT-VPCP
 * (13 columns: new online vs direct/postal, carried over; early / on time / late; pending in time /
 * overdue), on a landscape page, with the Decision 766/QĐ-TTg on-time indicator under it.
 */
final class NationalFormAppendix {

    static final String TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC";

    private NationalFormAppendix() {
    }

    static void add(Document document, ReportDocumentData data) {
        AppendixHeading.add(document, data, "PHỤ LỤC 01", "Biểu số 06 (Thông tư số 01/2020/TT-VPCP): " + TITLE);
        form(document, FormHeadings.NATIONAL, data.table());
        Tally total = data.table().total();
        long inTime = total.get(EARLY) + total.get(ON_TIME) + total.get(NOT_YET_DUE);
        document.add(note("Ghi chú: (3) = (4) + (5) + (6) = (7) + (11); (7) = (8) + (9) + (10); (11) = (12) + (13). "
                + "Hồ sơ rút hoặc trả lại theo yêu cầu được tính là trả đúng hạn. BCCI: dịch vụ bưu chính công ích."));
        document.add(note("Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn và đang giải quyết trong hạn (Quyết định số "
                + "766/QĐ-TTg): [(8) + (9) + (12)] / (3) = " + count(inTime) + "/" + count(total.get(TOTAL)) + " = "
                + percent(inTime, total.get(TOTAL)) + "."));
    }

    /** The 13-column table, one row per row of {@code table} (a field or a unit), "Tổng cộng" last. */
    static void form(Document document, FormHeadings.Layout layout, ReportTable table) {
        Font head = DocumentStyle.bold(9);
        Font body = DocumentStyle.regular(10);
        Font bold = DocumentStyle.bold(10);
        PdfPTable t = new PdfPTable(new float[] {26, 240, 40, 42, 50, 42, 40, 40, 40, 40, 40, 40, 40});
        t.setWidthPercentage(100);
        t.setHeaderRows(4);
        for (FormHeadings.Cell h : layout.cells()) {
            t.addCell(DocumentStyle.heading(h.text(), FormHeadings.isNumber(h) ? DocumentStyle.italic(9) : head,
                    h.columns(), h.rows()));
        }
        for (ReportRow row : table.rows()) {
            t.addCell(DocumentStyle.data(Integer.toString(row.position()), body, Element.ALIGN_CENTER));
            t.addCell(DocumentStyle.data(row.name(), body, Element.ALIGN_LEFT));
            figures(t, row.counts(), body);
        }
        PdfPCell label = DocumentStyle.data("Tổng cộng", bold, Element.ALIGN_CENTER);
        label.setColspan(2);
        t.addCell(label);
        figures(t, table.total(), bold);
        document.add(t);
    }

    /** Columns (3)–(13) of Biểu 06. */
    static long[] columns(Tally c) {
        return new long[] {c.get(TOTAL), c.get(NEW_ONLINE), c.get(NEW_DIRECT) + c.get(NEW_POSTAL), c.get(CARRIED_OVER),
                c.get(RESOLVED), c.get(EARLY), c.get(ON_TIME), c.get(LATE), c.get(PENDING), c.get(NOT_YET_DUE),
                c.get(OVERDUE)};
    }

    private static void figures(PdfPTable t, Tally counts, Font font) {
        for (long n : columns(counts)) {
            t.addCell(DocumentStyle.data(count(n), font, Element.ALIGN_CENTER));
        }
    }

    static com.lowagie.text.Paragraph note(String text) {
        com.lowagie.text.Paragraph p = new com.lowagie.text.Paragraph(13, text, DocumentStyle.italic(11));
        p.setSpacingBefore(3);
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        return p;
    }
}

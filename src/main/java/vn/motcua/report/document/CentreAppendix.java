package vn.motcua.report.document;

import static vn.motcua.report.document.VietnameseFormat.count;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import vn.motcua.report.classify.Tally;
import vn.motcua.report.revision.CentreTable;
import vn.motcua.report.revision.TableColumn;

/**
 * The consolidation's table by receiving centre (Biểu tổng hợp theo nơi tiếp nhận), on landscape pages: the
 * seed's columns (3)–(11), each centre's on-time indicator in (12), the centres grouped by level with their
 * subtotals ({@link CentreLines}). Present only in a consolidation; a single centre's report has no such table.
 */
final class CentreAppendix {

    static final String TITLE = "BIỂU TỔNG HỢP TÌNH HÌNH TIẾP NHẬN, GIẢI QUYẾT TTHC THEO NƠI TIẾP NHẬN";
    static final String NOTE = "Ghi chú: (3) = (4) + (5) = (6) + (9); (6) = (7) + (8); (9) = (10) + (11); cột (7) gồm cả "
            + "hồ sơ trả trước hạn. Cột (12): tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn và đang giải quyết trong hạn "
            + "(Quyết định số 766/QĐ-TTg), [(7) + (10)] / (3). Các dòng cộng và tổng cộng là tổng các dòng nơi tiếp nhận.";

    private CentreAppendix() {
    }

    static boolean present(ReportDocumentData data) {
        return data.hasCentres();
    }

    /**
     * The sentence under section 1's table in a consolidation: the province's Decision 766/QĐ-TTg indicator, and
     * where each centre's figures are.
     */
    static String summary(ReportDocumentData data, String number) {
        Tally total = data.centres().total();
        return "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn và đang giải quyết trong hạn (Quyết định số 766/QĐ-TTg) "
                + "của các Trung tâm trên địa bàn là " + CentreLines.indicator(total) + "; số liệu và tỷ lệ của từng nơi "
                + "tiếp nhận tại " + number.charAt(0) + number.substring(1).toLowerCase(java.util.Locale.ROOT) + ".";
    }

    /** The appendix under its number ("PHỤ LỤC 05"): heading, table, note. */
    static void add(Document document, ReportDocumentData data, String number) {
        AppendixHeading.add(document, data, number, TITLE);
        table(document, data.centres());
        document.add(NationalFormAppendix.note(NOTE));
    }

    static void table(Document document, CentreTable centres) {
        Font head = DocumentStyle.bold(9);
        Font body = DocumentStyle.regular(10);
        Font bold = DocumentStyle.bold(10);
        PdfPTable t = new PdfPTable(new float[] {28, 230, 42, 42, 42, 42, 42, 42, 42, 42, 42, 58});
        t.setWidthPercentage(100);
        t.setHeaderRows(4);
        FormHeadings.Layout layout = FormHeadings.BY_CENTRE;
        for (FormHeadings.Cell h : layout.cells()) {
            t.addCell(DocumentStyle.heading(h.text(), FormHeadings.isNumber(h) ? DocumentStyle.italic(9) : head,
                    h.columns(), h.rows()));
        }
        for (CentreLines.Line line : CentreLines.of(centres)) {
            switch (line.kind()) {
                case GROUP -> {
                    t.addCell(DocumentStyle.data(line.number(), bold, Element.ALIGN_CENTER));
                    t.addCell(DocumentStyle.data(line.label(), bold, Element.ALIGN_LEFT));
                    for (int c = 2; c < layout.columns(); c++) {
                        t.addCell(DocumentStyle.data("", body, Element.ALIGN_CENTER));
                    }
                }
                case CENTRE -> {
                    t.addCell(DocumentStyle.data(line.number(), body, Element.ALIGN_CENTER));
                    t.addCell(DocumentStyle.data(line.label(), body, Element.ALIGN_LEFT));
                    figures(t, line.counts(), body);
                }
                case SUBTOTAL, TOTAL -> {
                    PdfPCell label = DocumentStyle.data(line.label(), bold, Element.ALIGN_CENTER);
                    label.setColspan(2);
                    t.addCell(label);
                    figures(t, line.counts(), bold);
                }
            }
        }
        document.add(t);
    }

    /** Columns (3)–(11) of the seed form, then the indicator (12). */
    private static void figures(PdfPTable t, Tally counts, Font font) {
        for (long n : TableColumn.inTable(counts)) {
            t.addCell(DocumentStyle.data(count(n), font, Element.ALIGN_CENTER));
        }
        t.addCell(DocumentStyle.data(CentreLines.indicator(counts), font, Element.ALIGN_CENTER));
    }
}

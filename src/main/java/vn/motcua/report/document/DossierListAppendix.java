package vn.motcua.report.document;

import static vn.motcua.report.classify.Counter.*;
import static vn.motcua.report.document.VietnameseFormat.*;

import java.util.Objects;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import vn.motcua.report.revision.CentreRow;

/**
 * Appendix 02: the dossiers resolved late and those pending overdue at the cutoff, with field, dates, days
 * late and the apology letter, grouped by handling unit (a row naming the unit and its count), worst first; a
 * consolidation's grouped by receiving centre (a row naming the centre and its count), then by unit. Each list
 * stops at the report's list limit (report.yaml's {@code pdf-list-limit}, default 1,000) with a line saying how
 * many more there are and that the workbook
 * holds them all: nobody reads 1,800 pages of a list on paper. The lists are streamed from the database and
 * the table is flushed to the page every {@value #FLUSH} rows; the heading rows repeat on each page.
 */
final class DossierListAppendix {

    static final String TITLE = "DANH SÁCH HỒ SƠ GIẢI QUYẾT TRỄ HẸN VÀ HỒ SƠ ĐANG GIẢI QUYẾT QUÁ HẠN";
    static final String[] HEADINGS = {"STT", "Mã hồ sơ", "Lĩnh vực", "Ngày tiếp nhận", "Ngày hẹn trả",
            "Ngày trả kết quả", "Số ngày trễ hẹn", "Thư xin lỗi"};
    private static final int FLUSH = 200;
    /** More than the tallest row (a field name over three lines). */
    private static final float ROOM_FOR_A_ROW = 60;

    private DossierListAppendix() {
    }

    static void add(Document document, PdfWriter writer, ReportDocumentData data) {
        AppendixHeading.add(document, data, "PHỤ LỤC 02", TITLE);
        long late = data.table().total().get(LATE);
        long overdue = data.table().total().get(OVERDUE);
        document.add(DocumentStyle.heading("a) Hồ sơ đã giải quyết trễ hẹn: " + count(late) + " hồ sơ"));
        list(document, writer, data, data.lateDossiers(), late, false);
        document.add(DocumentStyle.heading("b) Hồ sơ đang giải quyết quá hạn tại ngày " + date(data.period().end()) + ": "
                + count(overdue) + " hồ sơ"));
        list(document, writer, data, data.overdueDossiers(), overdue, true);
        Paragraph note = new Paragraph(14, "Số ngày trễ hẹn tính theo ngày lịch: từ ngày hẹn trả đến ngày trả kết quả, "
                + "hoặc đến ngày " + date(data.period().end()) + " đối với hồ sơ đang giải quyết.", DocumentStyle.italic(11));
        note.setSpacingBefore(6);
        document.add(note);
    }

    /** How many of the list's dossiers the unit has, from the per-unit table. */
    private static long unitCount(ReportDocumentData data, String unit, boolean pending) {
        return data.units().rows().stream().filter(r -> r.name().equals(unit)).findFirst()
                .map(r -> r.counts().get(pending ? OVERDUE : LATE)).orElse(0L);
    }

    /**
     * A consolidation's group row: the receiving centre as the table by centre names it (an unlisted one by its
     * exported name, none as "Chưa xác định nơi tiếp nhận") and its count there, from the stored row.
     */
    static String centreGroup(ReportDocumentData data, Integer centreRow, boolean pending) {
        if (centreRow == null) {
            return CentreLines.OTHER;
        }
        CentreRow row = data.centres().rows().get(centreRow - 1);
        return row.name() + ": " + count(row.counts().get(pending ? OVERDUE : LATE)) + " hồ sơ";
    }

    /** The line under a list cut at the limit. */
    static String moreLine(ReportDocumentData data, long expected, long shown) {
        return "Danh sách trên gồm " + count(shown) + " hồ sơ trễ hẹn nhiều ngày nhất; còn " + count(expected - shown)
                + " hồ sơ khác. Đủ cả " + count(expected) + " hồ sơ có trong bảng tính " + data.workbookName()
                + " kèm theo báo cáo này.";
    }

    /**
     * A flushed table continues without repeating its headings (they are already above on this page), but
     * OpenPDF also skips them when the continuation starts a new page. So the headings are asked for when the
     * writer stands at the top of a page, or when the page is nearly full (the next page is started here).
     */
    private static void continueOnThisPageOrNext(Document document, PdfWriter writer, PdfPTable t) {
        float position = writer.getVerticalPosition(false);
        boolean atTop = position >= document.top() - 1;
        boolean nearlyFull = position - document.bottom() < ROOM_FOR_A_ROW;
        if (nearlyFull) {
            document.newPage();
        }
        t.setSkipFirstHeader(!(atTop || nearlyFull));
    }

    private static void list(Document document, PdfWriter writer, ReportDocumentData data, DossierList dossiers,
                             long expected, boolean pending) {
        if (expected == 0) {
            document.add(DocumentStyle.body("Không có hồ sơ."));
            return;
        }
        Font head = DocumentStyle.bold(10);
        Font body = DocumentStyle.regular(10);
        PdfPTable t = new PdfPTable(new float[] {34, 130, 170, 66, 66, 84, 60, 104});
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        t.setComplete(false);
        for (String h : HEADINGS) {
            t.addCell(DocumentStyle.heading(h, head, 1, 1));
        }
        long[] n = {0};
        String[] unit = {null};
        Integer[] centre = {null};
        boolean byCentre = data.hasCentres();
        dossiers.forEach(d -> {
            if (byCentre && (n[0] == 0 || !Objects.equals(d.centreRow(), centre[0]))) {
                centre[0] = d.centreRow();
                unit[0] = null;
                PdfPCell group = DocumentStyle.data(centreGroup(data, d.centreRow(), pending), DocumentStyle.bold(10),
                        Element.ALIGN_LEFT);
                group.setColspan(HEADINGS.length);
                t.addCell(group);
            }
            if (byCentre && data.hasUnits() && d.unit() != null && !d.unit().equals(unit[0])) {
                // The per-unit table counts a unit over every centre: within one centre, the list's own count.
                unit[0] = d.unit();
                PdfPCell group = DocumentStyle.data(d.unit() + (d.unitInCentre() == null ? ""
                        : ": " + count(d.unitInCentre()) + " hồ sơ"), DocumentStyle.italic(10), Element.ALIGN_LEFT);
                group.setColspan(HEADINGS.length);
                t.addCell(group);
            } else if (!byCentre && data.hasUnits() && d.unit() != null && !d.unit().equals(unit[0])) {
                unit[0] = d.unit();
                PdfPCell group = DocumentStyle.data(d.unit() + ": " + count(unitCount(data, d.unit(), pending)) + " hồ sơ",
                        DocumentStyle.bold(10), Element.ALIGN_LEFT);
                group.setColspan(HEADINGS.length);
                t.addCell(group);
            }
            n[0]++;
            t.addCell(DocumentStyle.data(count(n[0]), body, Element.ALIGN_CENTER));
            t.addCell(DocumentStyle.data(d.code(), body, Element.ALIGN_LEFT));
            t.addCell(DocumentStyle.data(d.field(), body, Element.ALIGN_LEFT));
            t.addCell(DocumentStyle.data(date(d.received()), body, Element.ALIGN_CENTER));
            t.addCell(DocumentStyle.data(date(d.due()), body, Element.ALIGN_CENTER));
            t.addCell(DocumentStyle.data(d.finished() == null ? "Đang giải quyết" : date(d.finished()), body,
                    Element.ALIGN_CENTER));
            t.addCell(DocumentStyle.data(count(d.daysLate()), body, Element.ALIGN_CENTER));
            t.addCell(DocumentStyle.data(d.apologyOn() == null ? "Chưa có" : "Có, ngày " + date(d.apologyOn()), body,
                    Element.ALIGN_CENTER));
            if (n[0] % FLUSH == 0) {
                document.add(t);
                continueOnThisPageOrNext(document, writer, t);
            }
        });
        t.setComplete(true);
        document.add(t);
        long shown = Math.min(expected, data.listLimit());
        if (n[0] != shown) {
            // The list and the table come from the same revision; a mismatch means the data changed under us.
            throw new IllegalStateException("the list of " + (pending ? "overdue" : "late") + " dossiers has " + n[0]
                    + " rows but the table counts " + expected + " (at most " + data.listLimit() + " listed)");
        }
        if (expected > shown) {
            document.add(DocumentStyle.body(moreLine(data, expected, shown)));
        }
    }
}

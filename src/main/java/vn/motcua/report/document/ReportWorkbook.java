package vn.motcua.report.document;

import static vn.motcua.report.document.VietnameseFormat.*;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.revision.ReportRow;
import vn.motcua.report.revision.TableColumn;

/**
 * The revision as an Excel workbook, for the district and the province to add up: the seed form, Biểu 06
 * and the table by unit as formatted sheets (the PDF's merged headings, numbers as numbers, "Tổng cộng" last), then the
 * complete lists of late and overdue dossiers. The lists are streamed from the database and the sheet is
 * flushed every {@value #FLUSH} rows, dossier codes written inline (not in the shared string table), so
 * memory does not grow with the list. Plain code, no Spring; fastexcel writes it.
 */
public final class ReportWorkbook {

    public static final String SEED_SHEET = "Biểu mẫu báo cáo";
    public static final String NATIONAL_SHEET = "Biểu 06";
    public static final String UNIT_SHEET = "Theo đơn vị";
    public static final String CENTRE_SHEET = "Theo nơi tiếp nhận";
    public static final String LATE_SHEET = "Trễ hẹn";
    public static final String OVERDUE_SHEET = "Quá hạn";
    public static final String TOTAL_LABEL = "Tổng cộng";

    static final String[] LATE_HEADINGS = {"STT", "Mã hồ sơ", "Lĩnh vực", "Ngày tiếp nhận", "Ngày hẹn trả",
            "Ngày trả kết quả", "Số ngày trễ hẹn", "Thư xin lỗi", "Cơ quan, đơn vị giải quyết"};
    static final String[] OVERDUE_HEADINGS = {"STT", "Mã hồ sơ", "Lĩnh vực", "Ngày tiếp nhận", "Ngày hẹn trả",
            "Số ngày quá hạn", "Thư xin lỗi", "Cơ quan, đơn vị giải quyết"};

    private static final int FLUSH = 1000;
    private static final String DATE = "dd/mm/yyyy";
    /** Rows above a table: centre, title, period, a blank line. */
    private static final int TITLE_ROWS = 4;

    private ReportWorkbook() {
    }

    /** Writes the workbook to {@code out} (not closed). */
    public static void write(ReportDocumentData data, OutputStream out) throws IOException {
        Workbook wb = new Workbook(new ReportDocument.NonClosing(out), "motcua-report", "1.0");
        wb.setGlobalDefaultFont("Times New Roman", 12);
        wb.properties().setTitle("Báo cáo tình hình tiếp nhận, giải quyết TTHC " + period(data.period()));
        try {
            form(wb.newWorksheet(SEED_SHEET), data, SeedTablePart.SECTION.substring(3), FormHeadings.SEED,
                    data.table().rows(), ReportWorkbook::seedColumns);
            form(wb.newWorksheet(NATIONAL_SHEET), data, "Biểu số 06 (Thông tư số 01/2020/TT-VPCP): "
                    + NationalFormAppendix.TITLE, FormHeadings.NATIONAL, data.table().rows(), NationalFormAppendix::columns);
            if (!data.units().rows().isEmpty()) {
                form(wb.newWorksheet(UNIT_SHEET), data, UnitAppendix.TITLE, FormHeadings.NATIONAL_BY_UNIT,
                        data.units().rows(), NationalFormAppendix::columns);
            }
            if (data.hasCentres()) {
                centres(wb.newWorksheet(CENTRE_SHEET), data);
            }
            list(wb.newWorksheet(LATE_SHEET), data, "DANH SÁCH HỒ SƠ GIẢI QUYẾT TRỄ HẸN", LATE_HEADINGS,
                    data.lateDossiers(), false);
            list(wb.newWorksheet(OVERDUE_SHEET), data, "DANH SÁCH HỒ SƠ ĐANG GIẢI QUYẾT QUÁ HẠN TẠI NGÀY "
                    + date(data.period().end()), OVERDUE_HEADINGS, data.overdueDossiers(), true);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        wb.finish();
    }

    /** Seed form columns (3)–(11); (12) "Ghi chú" stays empty. */
    private static long[] seedColumns(Tally t) {
        return TableColumn.inTable(t);
    }

    private static void titles(Worksheet ws, ReportDocumentData data, String title, int width) {
        ws.value(0, 0, upper(data.centre().name()));
        ws.style(0, 0).bold().set();
        ws.value(1, 0, title);
        ws.range(1, 0, 1, width - 1).merge();
        ws.range(1, 0, 1, width - 1).style().bold().fontSize(13).horizontalAlignment("center").wrapText(true).set();
        ws.rowHeight(1, 36);
        ws.value(2, 0, "Kỳ báo cáo " + period(data.period()) + ", từ ngày " + date(data.period().start())
                + " đến ngày " + date(data.period().end()));
        ws.range(2, 0, 2, width - 1).merge();
        ws.range(2, 0, 2, width - 1).style().italic().horizontalAlignment("center").set();
    }

    private static void form(Worksheet ws, ReportDocumentData data, String title, FormHeadings.Layout layout,
                             List<ReportRow> rows, java.util.function.Function<Tally, long[]> columns) {
        int width = layout.columns();
        titles(ws, data, title, width);
        int top = TITLE_ROWS;
        headings(ws, layout, top);
        int r = top + layout.rows();
        for (ReportRow row : rows) {
            ws.value(r, 0, row.position());
            ws.value(r, 1, row.name());
            ws.style(r, 0).horizontalAlignment("center").borderStyle(BorderStyle.THIN).set();
            ws.style(r, 1).wrapText(true).borderStyle(BorderStyle.THIN).set();
            figures(ws, r, columns.apply(row.counts()), width, false);
            r++;
        }
        ws.value(r, 0, TOTAL_LABEL);
        ws.range(r, 0, r, 1).merge();
        ws.range(r, 0, r, 1).style().bold().horizontalAlignment("center").borderStyle(BorderStyle.THIN).set();
        Tally total = new Tally();
        rows.forEach(row -> total.add(row.counts()));
        figures(ws, r, columns.apply(total), width, true);
        ws.freezePane(2, top + layout.rows());
    }

    /** The merged two-level headings from row {@code top}, and the columns' widths. */
    private static void headings(Worksheet ws, FormHeadings.Layout layout, int top) {
        for (FormHeadings.Cell h : layout.cells()) {
            int r = top + h.row();
            int c = h.column();
            ws.value(r, c, h.text());
            var style = ws.range(r, c, r + h.rows() - 1, c + h.columns() - 1).style()
                    .horizontalAlignment("center").verticalAlignment("center").wrapText(true)
                    .borderStyle(BorderStyle.THIN);
            (FormHeadings.isNumber(h) ? style.italic() : style.bold()).set();
            if (h.rows() > 1 || h.columns() > 1) {
                ws.range(r, c, r + h.rows() - 1, c + h.columns() - 1).merge();
            }
        }
        ws.width(0, 6);
        ws.width(1, 42);
        for (int c = 2; c < layout.columns(); c++) {
            ws.width(c, 11);
        }
        for (int r = top; r < top + layout.rows() - 1; r++) {
            ws.rowHeight(r, 42);
        }
    }

    /**
     * The table by centre as the PDF prints it ({@link CentreLines}): group rows, centres, the level subtotals and
     * "Tổng cộng"; column (12) the on-time indicator as a fraction shown as a percentage (empty when no dossier).
     */
    private static void centres(Worksheet ws, ReportDocumentData data) {
        FormHeadings.Layout layout = FormHeadings.BY_CENTRE;
        int width = layout.columns();
        titles(ws, data, CentreAppendix.TITLE, width);
        int top = TITLE_ROWS;
        headings(ws, layout, top);
        ws.width(width - 1, 14);
        int r = top + layout.rows();
        for (CentreLines.Line line : CentreLines.of(data.centres())) {
            boolean bold = line.kind() != CentreLines.Kind.CENTRE;
            switch (line.kind()) {
                case GROUP, CENTRE -> {
                    if (line.kind() == CentreLines.Kind.CENTRE) {
                        ws.value(r, 0, Integer.parseInt(line.number()));
                    } else {
                        ws.value(r, 0, line.number());
                    }
                    ws.value(r, 1, line.label());
                    var number = ws.style(r, 0).horizontalAlignment("center").borderStyle(BorderStyle.THIN);
                    var label = ws.style(r, 1).wrapText(true).borderStyle(BorderStyle.THIN);
                    (bold ? number.bold() : number).set();
                    (bold ? label.bold() : label).set();
                }
                case SUBTOTAL, TOTAL -> {
                    ws.value(r, 0, line.label());
                    ws.range(r, 0, r, 1).merge();
                    ws.range(r, 0, r, 1).style().bold().horizontalAlignment("center").borderStyle(BorderStyle.THIN).set();
                }
            }
            if (line.counts() == null) {
                figures(ws, r, new long[0], width, true);
            } else {
                figures(ws, r, TableColumn.inTable(line.counts()), width, bold);
                long total = line.counts().get(Counter.TOTAL);
                if (total > 0) {
                    ws.value(r, width - 1, (double) CentreLines.inTime(line.counts()) / total);
                    var style = ws.style(r, width - 1).format("0.0%").horizontalAlignment("center")
                            .borderStyle(BorderStyle.THIN);
                    (bold ? style.bold() : style).set();
                }
            }
            r++;
        }
        ws.freezePane(2, top + layout.rows());
    }

    /** The figures from column (3) on; a column past them (the seed's "Ghi chú") is left empty. */
    private static void figures(Worksheet ws, int r, long[] figures, int width, boolean bold) {
        for (int i = 0; i < width - 2; i++) {
            int c = i + 2;
            if (i < figures.length) {
                ws.value(r, c, figures[i]);
            }
            var style = ws.style(r, c).horizontalAlignment("center").borderStyle(BorderStyle.THIN);
            (bold ? style.bold() : style).set();
        }
    }

    /** A consolidation's lists name each dossier's receiving centre in a last column. */
    static final String CENTRE_HEADING = "Nơi tiếp nhận";

    private static void list(Worksheet ws, ReportDocumentData data, String title, String[] ownHeadings,
                             DossierList dossiers, boolean pending) {
        boolean byCentre = data.hasCentres();
        String[] headings = ownHeadings;
        if (byCentre) {
            headings = Arrays.copyOf(ownHeadings, ownHeadings.length + 1);
            headings[ownHeadings.length] = CENTRE_HEADING;
        }
        titles(ws, data, title, headings.length);
        int top = TITLE_ROWS;
        for (int c = 0; c < headings.length; c++) {
            ws.value(top, c, headings[c]);
            ws.style(top, c).bold().horizontalAlignment("center").verticalAlignment("center").wrapText(true)
                    .borderStyle(BorderStyle.THIN).set();
        }
        double[] widths = pending ? new double[] {7, 24, 40, 14, 14, 12, 18, 40}
                : new double[] {7, 24, 40, 14, 14, 14, 12, 18, 40};
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, widths[c]);
        }
        if (byCentre) {
            ws.width(widths.length, 45);
        }
        ws.freezePane(0, top + 1);
        int[] r = {top + 1};
        long[] n = {0};
        dossiers.forEach(d -> {
            int row = r[0]++;
            int c = 0;
            ws.value(row, c++, ++n[0]);
            ws.inlineString(row, c++, d.code());
            ws.value(row, c++, d.field());
            dateCell(ws, row, c++, d.received());
            dateCell(ws, row, c++, d.due());
            if (!pending) {
                dateCell(ws, row, c++, d.finished());
            }
            ws.value(row, c++, d.daysLate());
            if (d.apologyOn() == null) {
                ws.value(row, c++, "Chưa có");
            } else {
                dateCell(ws, row, c++, d.apologyOn());
            }
            if (d.unit() != null) {
                ws.value(row, c, d.unit());
            }
            if (byCentre && d.centreRow() != null) {
                ws.value(row, c + 1, data.centres().rows().get(d.centreRow() - 1).name());
            }
            if (n[0] % FLUSH == 0) {
                try {
                    ws.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        if (n[0] == 0) {
            ws.value(r[0], 0, "Không có hồ sơ.");
        } else {
            ws.setAutoFilter(top, 0, r[0] - 1, headings.length - 1);
        }
        try {
            ws.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dateCell(Worksheet ws, int r, int c, LocalDate d) {
        if (d != null) {
            ws.value(r, c, d);
            ws.style(r, c).format(DATE).horizontalAlignment("center").set();
        }
    }
}

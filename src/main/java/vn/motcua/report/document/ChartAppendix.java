package vn.motcua.report.document;

import static vn.motcua.report.classify.Counter.*;
import static vn.motcua.report.document.VietnameseFormat.*;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import vn.motcua.report.classify.Tally;
import vn.motcua.report.revision.ReportRow;

/**
 * Appendix 03: two charts drawn as vector graphics with the document's font. (a) per field, dossiers resolved
 * on time (early included), resolved late and pending; (b) the late rate of this period and of up to 11
 * earlier periods of the same kind that have a completed report in the database.
 */
final class ChartAppendix {

    static final String TITLE = "BIỂU ĐỒ KẾT QUẢ GIẢI QUYẾT HỒ SƠ";
    static final String FIELDS = "a) Kết quả giải quyết theo lĩnh vực";
    static final String TREND = "b) Tỷ lệ hồ sơ giải quyết trễ hẹn qua các kỳ báo cáo";
    /** With more fields than this, the largest are drawn and the rest summed in one bar. */
    static final int MAX_BARS = 25;

    private static final float ROW = 19;
    private static final float LABEL = 190;
    private static final float VALUES = 78;
    private static final float LEGEND = 26;

    private ChartAppendix() {
    }

    static void add(Document document, PdfWriter writer, ReportDocumentData data) {
        AppendixHeading.add(document, data, "PHỤ LỤC 03", TITLE);
        float width = document.getPageSize().getWidth() - DocumentStyle.LEFT - DocumentStyle.RIGHT;
        document.add(DocumentStyle.heading(FIELDS));
        document.add(image(fieldChart(writer, bars(data.table().rows()), width)));
        Paragraph trend = DocumentStyle.heading(TREND);
        trend.setSpacingBefore(14);
        document.add(trend);
        List<ReportDocumentData.LateRate> rates = data.lateRates();
        if (rates.size() < 2) {
            document.add(note("Cơ sở dữ liệu chưa có báo cáo hoàn thành của kỳ trước cùng loại; biểu đồ chỉ có kỳ này và "
                    + "sẽ có đủ 12 kỳ gần nhất khi các kỳ trước được lập báo cáo."));
        }
        document.add(image(trendChart(writer, rates, width)));
    }

    record Bar(String label, long onTime, long late, long pending) {
        long total() {
            return onTime + late + pending;
        }
    }

    static List<Bar> bars(List<ReportRow> rows) {
        List<Bar> bars = new ArrayList<>();
        List<ReportRow> shown = rows;
        List<ReportRow> rest = List.of();
        if (rows.size() > MAX_BARS) {
            List<ReportRow> largest = rows.stream()
                    .sorted(Comparator.comparingLong((ReportRow r) -> -r.counts().get(TOTAL)).thenComparing(ReportRow::position))
                    .limit(MAX_BARS - 1).toList();
            shown = rows.stream().filter(largest::contains).toList();
            rest = rows.stream().filter(r -> !largest.contains(r)).toList();
        }
        for (ReportRow r : shown) {
            bars.add(bar(r.position() + ". " + r.name(), r.counts()));
        }
        if (!rest.isEmpty()) {
            Tally sum = new Tally();
            rest.forEach(r -> sum.add(r.counts()));
            bars.add(bar("Các lĩnh vực còn lại (" + count(rest.size()) + " lĩnh vực)", sum));
        }
        return bars;
    }

    private static Bar bar(String label, Tally t) {
        return new Bar(label, t.onTimeOrEarly(), t.get(LATE), t.get(PENDING));
    }

    private static PdfTemplate fieldChart(PdfWriter writer, List<Bar> bars, float width) {
        float height = LEGEND + bars.size() * ROW + 4;
        PdfTemplate t = writer.getDirectContent().createTemplate(width, height);
        legend(t, width, height - 14);
        float barArea = width - LABEL - VALUES - 8;
        long max = Math.max(1, bars.stream().mapToLong(Bar::total).max().orElse(1));
        float y = height - LEGEND;
        for (Bar b : bars) {
            float mid = y - ROW / 2;
            List<String> lines = wrap(b.label(), 8.5f, LABEL - 6, 2);
            float textY = lines.size() == 1 ? mid - 3 : mid + 1.5f;
            for (String line : lines) {
                text(t, DocumentStyle.REGULAR, 8.5f, Color.BLACK, Element.ALIGN_RIGHT, line, LABEL - 6, textY);
                textY -= 9.5f;
            }
            float x = LABEL;
            x = segment(t, x, mid, b.onTime(), max, barArea, DocumentStyle.ON_TIME);
            x = segment(t, x, mid, b.late(), max, barArea, DocumentStyle.LATE);
            x = segment(t, x, mid, b.pending(), max, barArea, DocumentStyle.PENDING);
            text(t, DocumentStyle.REGULAR, 8.5f, Color.BLACK, Element.ALIGN_LEFT,
                    count(b.onTime()) + " / " + count(b.late()) + " / " + count(b.pending()), x + 4, mid - 3);
            y -= ROW;
        }
        t.setColorStroke(Color.GRAY);
        t.setLineWidth(0.5f);
        t.moveTo(LABEL, height - LEGEND + 2);
        t.lineTo(LABEL, y + 2);
        t.stroke();
        return t;
    }

    private static void legend(PdfTemplate t, float width, float y) {
        String[] names = {"Đúng hạn (kể cả trước hạn)", "Trễ hạn", "Đang giải quyết"};
        Color[] colours = {DocumentStyle.ON_TIME, DocumentStyle.LATE, DocumentStyle.PENDING};
        float x = LABEL;
        for (int i = 0; i < names.length; i++) {
            t.setColorFill(colours[i]);
            t.rectangle(x, y - 1, 9, 9);
            t.fill();
            text(t, DocumentStyle.REGULAR, 9, Color.BLACK, Element.ALIGN_LEFT, names[i], x + 13, y);
            x += 13 + DocumentStyle.REGULAR.getWidthPoint(names[i], 9) + 16;
        }
        text(t, DocumentStyle.ITALIC, 8.5f, Color.DARK_GRAY, Element.ALIGN_RIGHT, "số hồ sơ: đúng hạn / trễ hạn / đang giải quyết",
                width, y - 12);
    }

    private static float segment(PdfTemplate t, float x, float mid, long n, long max, float area, Color colour) {
        if (n == 0) {
            return x;
        }
        float w = Math.max(1.5f, area * n / max);
        t.setColorFill(colour);
        t.rectangle(x, mid - 6, w, 12);
        t.fill();
        return x + w;
    }

    private static PdfTemplate trendChart(PdfWriter writer, List<ReportDocumentData.LateRate> rates, float width) {
        float height = 165;
        float axisX = 44;
        float bottom = 30;
        float top = height - 14;
        PdfTemplate t = writer.getDirectContent().createTemplate(width, height);
        double maxRate = rates.stream().mapToDouble(r -> rate(r)).max().orElse(0);
        double scale = niceCeiling(maxRate * 1.15);
        t.setLineWidth(0.4f);
        for (int i = 0; i <= 4; i++) {
            double v = scale * i / 4;
            float y = (float) (bottom + (top - bottom) * i / 4);
            t.setColorStroke(i == 0 ? Color.BLACK : Color.LIGHT_GRAY);
            t.moveTo(axisX, y);
            t.lineTo(width, y);
            t.stroke();
            text(t, DocumentStyle.REGULAR, 8.5f, Color.BLACK, Element.ALIGN_RIGHT, decimal(v) + "%", axisX - 4, y - 3);
        }
        float slot = (width - axisX) / 12;
        float x = axisX + slot * (12 - rates.size());
        for (ReportDocumentData.LateRate r : rates) {
            double v = rate(r);
            float h = (float) ((top - bottom) * v / scale);
            t.setColorFill(DocumentStyle.LATE);
            t.rectangle(x + slot * 0.2f, bottom, slot * 0.6f, Math.max(h, 0.5f));
            t.fill();
            text(t, DocumentStyle.REGULAR, 8.5f, Color.BLACK, Element.ALIGN_CENTER,
                    r.resolved() == 0 ? "–" : percent(r.late(), r.resolved()), x + slot / 2, bottom + h + 3);
            text(t, DocumentStyle.REGULAR, 8.5f, Color.BLACK, Element.ALIGN_CENTER, r.label(), x + slot / 2, bottom - 11);
            String counts = count(r.late()) + "/" + count(r.resolved());
            if (DocumentStyle.REGULAR.getWidthPoint(counts, 7.5f) < slot - 2) {
                text(t, DocumentStyle.REGULAR, 7.5f, Color.DARK_GRAY, Element.ALIGN_CENTER, counts, x + slot / 2, bottom - 21);
            }
            x += slot;
        }
        return t;
    }

    private static double rate(ReportDocumentData.LateRate r) {
        return r.resolved() == 0 ? 0 : 100.0 * r.late() / r.resolved();
    }

    private static double niceCeiling(double v) {
        for (double step : new double[] {2, 4, 5, 10, 20, 40, 50, 100}) {
            if (v <= step) {
                return step;
            }
        }
        return 100;
    }

    private static String decimal(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format("%.1f", v).replace('.', ',');
    }

    private static void text(PdfTemplate t, BaseFont font, float size, Color colour, int align, String s, float x, float y) {
        t.beginText();
        t.setColorFill(colour);
        t.setFontAndSize(font, size);
        t.showTextAligned(align, s, x, y, 0);
        t.endText();
    }

    /** Splits a label into at most {@code lines} lines that fit, ending in "…" when cut. */
    static List<String> wrap(String s, float size, float width, int lines) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = s.split(" ");
        int i = 0;
        while (i < words.length) {
            String candidate = line.isEmpty() ? words[i] : line + " " + words[i];
            if (DocumentStyle.REGULAR.getWidthPoint(candidate, size) <= width || line.isEmpty()) {
                line = new StringBuilder(candidate);
                i++;
                continue;
            }
            out.add(line.toString());
            line = new StringBuilder();
            if (out.size() == lines - 1) {
                break;
            }
        }
        String rest = line + (i < words.length ? (line.isEmpty() ? "" : " ") + String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length)) : "");
        if (!rest.isBlank()) {
            while (DocumentStyle.REGULAR.getWidthPoint(rest, size) > width && rest.length() > 1) {
                rest = rest.substring(0, rest.length() - 2).stripTrailing() + "…";
            }
            out.add(rest);
        }
        return out;
    }

    private static Image image(PdfTemplate t) {
        Image image = Image.getInstance(t);
        image.setAlignment(Element.ALIGN_LEFT);
        return image;
    }

    private static Paragraph note(String text) {
        Paragraph p = new Paragraph(14, text, DocumentStyle.italic(11));
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setSpacingAfter(6);
        return p;
    }
}

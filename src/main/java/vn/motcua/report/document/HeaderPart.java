package vn.motcua.report.document;

import static vn.motcua.report.document.VietnameseFormat.*;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.draw.LineSeparator;

import vn.motcua.report.config.ReportSettings;

/**
 * The top of page 1 (Decree 30): parent body and centre on the left with a short rule, the national
 * motto on the right with a rule as long as its second line; the number and the place-and-date line;
 * the title, the subject with the period, and the sentence stating the period's dates.
 */
final class HeaderPart {

    static final String MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO_2 = "Độc lập - Tự do - Hạnh phúc";

    private HeaderPart() {
    }

    static void add(Document document, ReportDocumentData data) {
        ReportSettings.Centre centre = data.centre();
        float width = document.getPageSize().getWidth() - DocumentStyle.LEFT - DocumentStyle.RIGHT;
        float[] widths = {width * 0.45f, width * 0.55f};
        PdfPTable header = new PdfPTable(2);
        header.setTotalWidth(widths);
        header.setLockedWidth(true);

        String centreName = upper(centre.name());
        PdfPCell left = plain();
        left.addElement(DocumentStyle.centred(upper(centre.parentBody()), DocumentStyle.regular(12)));
        left.addElement(DocumentStyle.centred(centreName, DocumentStyle.bold(12)));
        // Decree 30: the rule under the issuing body is 1/3 to 1/2 as long as its line.
        left.addElement(rule(DocumentStyle.BOLD.getWidthPoint(centreName, 12) * 0.45f, widths[0]));
        header.addCell(left);

        PdfPCell right = plain();
        right.addElement(DocumentStyle.centred(MOTTO, DocumentStyle.bold(12)));
        right.addElement(DocumentStyle.centred(MOTTO_2, DocumentStyle.bold(13)));
        right.addElement(rule(DocumentStyle.BOLD.getWidthPoint(MOTTO_2, 13), widths[1]));
        header.addCell(right);

        PdfPCell number = plain();
        number.addElement(DocumentStyle.centred(data.documentNumber(), DocumentStyle.regular(13)));
        header.addCell(number);
        PdfPCell date = plain();
        date.addElement(DocumentStyle.centred(placeAndDate(centre.place(), data.texts().date()), DocumentStyle.italic(13)));
        header.addCell(date);
        document.add(header);

        Paragraph title = DocumentStyle.centred("BÁO CÁO", DocumentStyle.bold(14));
        title.setSpacingBefore(18);
        document.add(title);
        Font subject = DocumentStyle.bold(14);
        document.add(DocumentStyle.centred("Tình hình tiếp nhận, giải quyết và trả kết quả", subject));
        String second = "theo cơ chế một cửa tại " + where(data) + " " + period(data.period());
        document.add(DocumentStyle.centred(second, subject));
        Paragraph subjectRule = rule(DocumentStyle.BOLD.getWidthPoint(second, 14) * 0.35f, width);
        subjectRule.setSpacingBefore(5);
        subjectRule.setSpacingAfter(10);
        document.add(subjectRule);

        document.add(DocumentStyle.body(opening(data)));
        if (data.provisional()) {
            document.add(DocumentStyle.body(provisional(data)));
        }
        if (data.correction() != null) {
            document.add(DocumentStyle.body(correction(data)));
        }
    }

    /**
     * The sentence under the subject: "Thực hiện chế độ báo cáo định kỳ, X tổng hợp … tại X trong thời gian từ …"; a
     * consolidation's speaks of the centres in its province, and how many of each level it sums.
     */
    static String opening(ReportDocumentData data) {
        String dates = " trong thời gian từ ngày " + date(data.period().start()) + " đến ngày "
                + date(data.period().end()) + " như sau:";
        String sentence = "Thực hiện chế độ báo cáo định kỳ, " + data.centre().name()
                + " tổng hợp tình hình tiếp nhận, giải quyết TTHC theo cơ chế một cửa " + period(data.period())
                + " tại " + where(data);
        if (!data.hasCentres()) {
            return sentence + dates;
        }
        int provincial = data.centres().provincial().size();
        int communes = data.centres().communes().size();
        List<String> levels = new ArrayList<>();
        if (provincial > 0) {
            levels.add("cấp tỉnh " + twoDigits(provincial));
        }
        if (communes > 0) {
            levels.add("cấp xã " + twoDigits(communes));
        }
        return sentence + " (" + twoDigits(provincial + communes) + " trung tâm: " + String.join(", ", levels) + ")"
                + dates;
    }

    /** Where the reported dossiers were received: the centre, or for a consolidation every centre of its province. */
    static String where(ReportDocumentData data) {
        return data.hasCentres() ? "các Trung tâm Phục vụ hành chính công trên địa bàn " + area(data.centre())
                : data.centre().name();
    }

    /**
     * The consolidating body's province as its parent body names it ("UBND tỉnh Hà Tiên": "tỉnh Hà Tiên"); its place
     * when the parent body is named otherwise.
     */
    static String area(ReportSettings.Centre body) {
        String parent = body.parentBody() == null ? "" : body.parentBody().strip();
        for (String committee : new String[] {"UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân "}) {
            if (parent.regionMatches(true, 0, committee, 0, committee.length())) {
                String rest = parent.substring(committee.length()).strip();
                if (rest.startsWith("tỉnh ") || rest.startsWith("thành phố ")) {
                    return rest;
                }
            }
        }
        return "tỉnh " + body.place();
    }

    /** The sentence that marks a report counted before its period closed. */
    static String provisional(ReportDocumentData data) {
        return "Báo cáo được lập trước ngày kết thúc kỳ báo cáo (" + date(data.period().end())
                + ") nên là số liệu tạm tính; số liệu chính thức được tổng hợp khi chạy lại báo cáo sau ngày này.";
    }

    /** "Báo cáo này thay thế Báo cáo số 15/BC-TTHCC ngày 26/02/2021 (lần 1). Lý do điều chỉnh: …" */
    static String correction(ReportDocumentData data) {
        ReportDocumentData.Correction c = data.correction();
        String replaced = c.number() == null ? "báo cáo lần " + c.revision()
                : "Báo cáo số " + c.number() + "/BC-" + data.centre().symbol()
                        + (c.date() == null ? "" : " ngày " + date(c.date())) + " (lần " + c.revision() + ")";
        if (c.number() == null && c.date() != null) {
            replaced += " ngày " + date(c.date());
        }
        return "Báo cáo này (lần " + data.revision() + ") thay thế " + replaced + "."
                + (c.reason() == null ? "" : " Lý do điều chỉnh: " + c.reason() + ".");
    }

    private static PdfPCell plain() {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(0);
        c.setPaddingBottom(2);
        return c;
    }

    /** A centred thin rule of the given length. */
    private static Paragraph rule(float length, float available) {
        // The separator is drawn relative to the baseline of its own (4 pt) line: -3 puts it clear of descenders.
        Paragraph p = new Paragraph(4, "", DocumentStyle.regular(4));
        Chunk line = new Chunk(new LineSeparator(0.6f, Math.min(100, length / available * 100), Color.BLACK,
                Element.ALIGN_CENTER, -3));
        line.setFont(DocumentStyle.regular(4));
        p.add(line);
        p.setSpacingAfter(6);
        return p;
    }
}

package vn.motcua.report.document;

import static vn.motcua.report.document.VietnameseFormat.*;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;

/** The heading of an appendix: its number, its title, and which report it belongs to. */
final class AppendixHeading {

    private AppendixHeading() {
    }

    static void add(Document document, ReportDocumentData data, String number, String title) {
        document.add(DocumentStyle.centred(number, DocumentStyle.bold(13)));
        document.add(DocumentStyle.centred(title, DocumentStyle.bold(13)));
        String of = "(Kèm theo Báo cáo " + data.documentNumber().replace("Số: ", "số ").replace("\u00a0", "…").replaceAll("…+", "…")
                + (data.texts().date() == null ? "" : " ngày " + date(data.texts().date())) + " của " + data.centre().name()
                + "; kỳ báo cáo " + period(data.period()) + ", từ ngày " + date(data.period().start()) + " đến ngày "
                + date(data.period().end()) + ")";
        Paragraph p = DocumentStyle.centred(of, DocumentStyle.italic(12));
        p.setSpacingAfter(8);
        document.add(p);
    }
}

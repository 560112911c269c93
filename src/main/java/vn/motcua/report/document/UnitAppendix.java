package vn.motcua.report.document;

import com.lowagie.text.Document;

/**
 * Appendix 04: the counts by handling unit in the 13 columns of Biểu 06, as Biểu II.06a of Circular
 * 01/2020/TT-VPCP has them at a Public Administration Center: the catalogue's units in its order, the units it
 * does not list under the names the exports give, then the dossiers without a unit. Left out when no dossier
 * names a unit (and for a revision made before units were counted).
 */
final class UnitAppendix {

    static final String TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC THEO CƠ QUAN, ĐƠN VỊ GIẢI QUYẾT";

    private UnitAppendix() {
    }

    static boolean present(ReportDocumentData data) {
        return data.hasUnits();
    }

    static void add(Document document, ReportDocumentData data) {
        AppendixHeading.add(document, data, "PHỤ LỤC 04", TITLE);
        NationalFormAppendix.form(document, FormHeadings.NATIONAL_BY_UNIT, data.units());
    }
}

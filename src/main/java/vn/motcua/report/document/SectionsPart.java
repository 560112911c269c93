package vn.motcua.report.document;

import static vn.motcua.report.classify.Counter.*;
import static vn.motcua.report.document.VietnameseFormat.*;

import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Document;

import vn.motcua.report.classify.Tally;
import vn.motcua.report.config.PeriodTexts;
import vn.motcua.report.period.LocalGovernment;
import vn.motcua.report.revision.CentreLevel;
import vn.motcua.report.revision.CentreRow;

/**
 * Sections 2 and 3. Section 2 opens with the sentences computed from the data, in the seed report's
 * wording (late rate, apology letters, postal transfers by direction, the figures staff entered), then
 * the paragraphs staff wrote; section 3 names the centres (a consolidation's) and the units with late or overdue
 * dossiers, then staff text. Text staff have not written is marked.
 */
final class SectionsPart {

    static final String SECTION_2 = "2. Tình hình hoạt động và phối hợp giải quyết hồ sơ";
    static final String SECTION_3 = "3. Kiến nghị, đề xuất";

    private static final String DISTRICT = "Trung tâm Hành chính công huyện";
    private static final String PROVINCE = "Trung tâm Phục vụ Hành chính công tỉnh";

    private SectionsPart() {
    }

    static void add(Document document, ReportDocumentData data) {
        document.add(DocumentStyle.heading(SECTION_2));
        for (String sentence : computed(data)) {
            document.add(DocumentStyle.body(sentence));
        }
        staffText(document, data, data.texts().section2(), "phần 2 (section-2)");
        document.add(DocumentStyle.heading(SECTION_3));
        if (data.hasCentres()) {
            document.add(DocumentStyle.body(lateCentres(data)));
        }
        if (data.hasUnits()) {
            document.add(DocumentStyle.body(lateUnits(data)));
        }
        staffText(document, data, data.texts().section3(), "phần 3 (section-3)");
    }

    /** The section 2 paragraphs worked out from the data, in the order the seed report gives them. */
    static List<String> computed(ReportDocumentData data) {
        String period = period(data.period());
        Tally total = data.table().total();
        long resolved = total.get(RESOLVED);
        long late = total.get(LATE);
        List<String> sentences = new ArrayList<>();

        if (resolved == 0) {
            sentences.add("- Kết quả giải quyết hồ sơ " + period + ": chưa có hồ sơ nào được giải quyết.");
        } else if (late == 0) {
            sentences.add("- Kết quả giải quyết hồ sơ " + period + ", " + count(resolved)
                    + " hồ sơ đã giải quyết, không có hồ sơ giải quyết trễ hẹn.");
        } else {
            sentences.add("- Kết quả giải quyết hồ sơ " + period + ", có " + count(late) + "/" + count(resolved)
                    + " hồ sơ đã giải quyết trễ hẹn, chiếm tỷ lệ " + percent(late, resolved) + ".");
        }

        long apologies = total.get(LATE_WITH_APOLOGY);
        String apology;
        if (late == 0) {
            apology = "- Về thư xin lỗi: trong kỳ không có hồ sơ giải quyết trễ hẹn phải ban hành thư xin lỗi.";
        } else if (apologies == 0) {
            apology = "- Về thư xin lỗi: có " + twoDigits(late) + " hồ sơ giải quyết trễ hẹn nhưng chưa ban hành thư xin lỗi nào.";
        } else if (apologies < late) {
            apology = "- Về thư xin lỗi: có " + twoDigits(late) + " hồ sơ giải quyết trễ hẹn nhưng chỉ ban hành "
                    + twoDigits(apologies) + " thư xin lỗi.";
        } else {
            apology = "- Về thư xin lỗi: có " + twoDigits(late) + " hồ sơ giải quyết trễ hẹn và đã ban hành đủ "
                    + twoDigits(apologies) + " thư xin lỗi.";
        }
        if (data.overdueWithoutApology() > 0) {
            apology += " Ngoài ra, " + twoDigits(data.overdueWithoutApology())
                    + " hồ sơ đang giải quyết quá hạn chưa có thư xin lỗi (danh sách tại Phụ lục 02).";
        }
        sentences.add(apology);

        Transfers t = data.transfers();
        String capitalised = Character.toUpperCase(period.charAt(0)) + period.substring(1);
        if (t.total() == 0) {
            sentences.add("- " + capitalised + ", không có hồ sơ chuyển qua dịch vụ Bưu chính công ích giữa các cấp.");
        } else if (!t.involves("district") && !LocalGovernment.hasDistricts(data.period().start())) {
            sentences.add("- " + capitalised + ", việc chuyển hồ sơ qua dịch vụ Bưu chính công ích từ cấp xã lên "
                    + PROVINCE + " là " + twoDigits(t.count("commune", "province")) + " lượt và từ " + PROVINCE
                    + " về cấp xã " + twoDigits(t.count("province", "commune")) + " lượt.");
        } else {
            String s = "- " + capitalised + ", việc chuyển hồ sơ qua dịch vụ Bưu chính công ích từ " + DISTRICT
                    + " về cấp xã là " + twoDigits(t.count("district", "commune")) + " lượt và lên " + PROVINCE + " "
                    + twoDigits(t.count("district", "province")) + " lượt, ngược lại từ cấp xã lên " + DISTRICT + " là "
                    + twoDigits(t.count("commune", "district")) + " lượt và từ " + PROVINCE + " về " + DISTRICT + " "
                    + twoDigits(t.count("province", "district")) + " lượt.";
            long communeProvince = t.count("commune", "province");
            long provinceCommune = t.count("province", "commune");
            if (communeProvince + provinceCommune > 0) {
                s += " Ngoài ra, từ cấp xã lên " + PROVINCE + " " + twoDigits(communeProvince) + " lượt và từ "
                        + PROVINCE + " về cấp xã " + twoDigits(provinceCommune) + " lượt.";
            }
            sentences.add(s);
        }

        for (PeriodTexts.StaffFigure f : data.texts().figures()) {
            StringBuilder s = new StringBuilder("- Đối với thủ tục " + f.procedure() + ": ");
            if (f.note() != null) {
                s.append(f.note()).append(f.note().endsWith(".") ? " " : ". ");
            }
            s.append("Cụ thể: từ ngày ").append(dayMonth(f.from())).append(" đến ").append(dayMonth(f.to()))
                    .append(" đã tiếp nhận và xử lý ").append(count(f.dossiers())).append(" hồ sơ");
            if (f.perDay() != null) {
                s.append(", bình quân mỗi ngày khoảng ").append(count(f.perDay())).append(" hồ sơ");
            }
            sentences.add(s.append('.').toString());
        }
        return sentences;
    }

    /**
     * Section 3's sentence on the units with late or overdue dossiers, most first (late + overdue, then the
     * table's order), each with its counts: what the seed wrote by hand as "các cơ quan có hồ sơ trễ hẹn nhiều".
     */
    static String lateUnits(ReportDocumentData data) {
        List<vn.motcua.report.revision.ReportRow> units = data.units().rows().stream()
                .filter(r -> r.counts().get(LATE) + r.counts().get(OVERDUE) > 0)
                .sorted(java.util.Comparator.comparingLong(
                        (vn.motcua.report.revision.ReportRow r) -> -(r.counts().get(LATE) + r.counts().get(OVERDUE)))
                        .thenComparingInt(vn.motcua.report.revision.ReportRow::position))
                .toList();
        if (units.isEmpty()) {
            return "- Trong kỳ, không có cơ quan, đơn vị nào có hồ sơ giải quyết trễ hẹn hoặc đang giải quyết quá hạn.";
        }
        List<String> parts = new ArrayList<>();
        for (vn.motcua.report.revision.ReportRow u : units) {
            List<String> counts = new ArrayList<>();
            if (u.counts().get(LATE) > 0) {
                counts.add(twoDigits(u.counts().get(LATE)) + " hồ sơ giải quyết trễ hẹn");
            }
            if (u.counts().get(OVERDUE) > 0) {
                counts.add(twoDigits(u.counts().get(OVERDUE)) + " hồ sơ đang giải quyết quá hạn");
            }
            parts.add(u.name() + " (" + String.join(", ", counts) + ")");
        }
        return "- Các cơ quan, đơn vị có hồ sơ giải quyết trễ hẹn hoặc đang giải quyết quá hạn trong kỳ: "
                + String.join("; ", parts) + ". Đề nghị các cơ quan, đơn vị này khắc phục, giải quyết dứt điểm "
                + "hồ sơ quá hạn và ban hành thư xin lỗi theo quy định (danh sách tại Phụ lục 02).";
    }

    /** How many centres section 3 names, most late and overdue dossiers first. */
    static final int NAMED_CENTRES = 3;

    /**
     * A consolidation's section 3 sentence on the receiving centres with most late and overdue dossiers (late +
     * overdue, then the table's order), at most {@value #NAMED_CENTRES}, each with its counts from the stored table
     * by centre; the dossiers with no receiving centre are told apart, not ranked as a centre.
     */
    static String lateCentres(ReportDocumentData data) {
        List<CentreRow> withLate = data.centres().rows().stream()
                .filter(r -> r.level() != CentreLevel.UNDETERMINED && lateAndOverdue(r) > 0).toList();
        List<CentreRow> most = withLate.stream()
                .sorted(java.util.Comparator.comparingLong((CentreRow r) -> -lateAndOverdue(r))).limit(NAMED_CENTRES)
                .toList();
        StringBuilder s = new StringBuilder("- ");
        if (most.isEmpty()) {
            s.append("Trong kỳ, không có Trung tâm nào có hồ sơ giải quyết trễ hẹn hoặc đang giải quyết quá hạn.");
        } else {
            List<String> parts = new ArrayList<>();
            for (CentreRow r : most) {
                parts.add(r.name() + " (" + counts(r.counts()) + ")");
            }
            s.append("Trong kỳ, ").append(twoDigits(withLate.size()))
                    .append(" nơi tiếp nhận có hồ sơ giải quyết trễ hẹn hoặc đang giải quyết quá hạn; ")
                    .append("nhiều nhất là: ")
                    .append(String.join("; ", parts)).append(". Đề nghị các Trung tâm phối hợp với cơ quan, đơn vị giải "
                            + "quyết khắc phục, giải quyết dứt điểm hồ sơ quá hạn (danh sách theo nơi tiếp nhận tại Phụ "
                            + "lục 02).");
        }
        data.centres().undetermined().filter(r -> lateAndOverdue(r) > 0).ifPresent(r -> s.append(" Ngoài ra, ")
                .append(counts(r.counts())).append(" chưa xác định nơi tiếp nhận."));
        return s.toString();
    }

    private static long lateAndOverdue(CentreRow r) {
        return r.counts().get(LATE) + r.counts().get(OVERDUE);
    }

    /** "05 hồ sơ giải quyết trễ hẹn, 02 hồ sơ đang giải quyết quá hạn", leaving out a count of none. */
    private static String counts(Tally t) {
        List<String> counts = new ArrayList<>();
        if (t.get(LATE) > 0) {
            counts.add(twoDigits(t.get(LATE)) + " hồ sơ giải quyết trễ hẹn");
        }
        if (t.get(OVERDUE) > 0) {
            counts.add(twoDigits(t.get(OVERDUE)) + " hồ sơ đang giải quyết quá hạn");
        }
        return String.join(", ", counts);
    }

    private static void staffText(Document document, ReportDocumentData data, List<String> paragraphs, String part) {
        if (!paragraphs.isEmpty()) {
            paragraphs.forEach(p -> document.add(DocumentStyle.body(p)));
            return;
        }
        String why = data.texts().present()
                ? "tệp " + data.periodFile() + " chưa có nội dung " + part
                : "chưa có tệp " + data.periodFile();
        document.add(DocumentStyle.missing("[Chưa nhập nội dung: " + why + ". Cán bộ nhập nội dung rồi chạy lại báo cáo.]"));
    }
}

package vn.motcua.report.document;

import java.util.ArrayList;
import java.util.List;

import vn.motcua.report.classify.Counter;
import vn.motcua.report.classify.Tally;
import vn.motcua.report.revision.CentreRow;
import vn.motcua.report.revision.CentreTable;

/**
 * The table by centre as the PDF and the workbook print it, one list for both: a bold group row and a subtotal
 * for each level (I. Cấp tỉnh, II. Cấp xã; a level without centres is left out and the next takes its numeral),
 * then the other receiving places (unlisted centres, "Chưa xác định nơi tiếp nhận") under their own group row,
 * then "Tổng cộng". Centres are numbered through the table as the CSV numbers them.
 */
final class CentreLines {

    static final String PROVINCIAL = "Cấp tỉnh";
    static final String COMMUNE = "Cấp xã";
    static final String OTHER = "Nơi tiếp nhận khác";
    static final String PROVINCIAL_TOTAL = "Cộng cấp tỉnh";
    static final String COMMUNE_TOTAL = "Cộng cấp xã";
    static final String TOTAL = "Tổng cộng";

    enum Kind {
        /** A level's heading: numeral and name, no figures. */
        GROUP,
        CENTRE,
        SUBTOTAL,
        TOTAL
    }

    /** One printed row; {@code counts} is null for a group row, {@code number} empty for a subtotal or the total. */
    record Line(Kind kind, String number, String label, Tally counts) {
    }

    private static final String[] NUMERALS = {"I", "II", "III"};

    private CentreLines() {
    }

    static List<Line> of(CentreTable table) {
        List<Line> lines = new ArrayList<>();
        int[] no = {0};
        int group = 0;
        if (!table.provincial().isEmpty()) {
            lines.add(new Line(Kind.GROUP, NUMERALS[group++], PROVINCIAL, null));
            table.provincial().forEach(r -> lines.add(centre(++no[0], r)));
            lines.add(new Line(Kind.SUBTOTAL, "", PROVINCIAL_TOTAL, table.provincialTotal()));
        }
        if (!table.communes().isEmpty()) {
            lines.add(new Line(Kind.GROUP, NUMERALS[group++], COMMUNE, null));
            table.communes().forEach(r -> lines.add(centre(++no[0], r)));
            lines.add(new Line(Kind.SUBTOTAL, "", COMMUNE_TOTAL, table.communeTotal()));
        }
        List<CentreRow> other = new ArrayList<>(table.unlisted());
        table.undetermined().ifPresent(other::add);
        if (!other.isEmpty()) {
            lines.add(new Line(Kind.GROUP, NUMERALS[group], OTHER, null));
            other.forEach(r -> lines.add(centre(++no[0], r)));
        }
        lines.add(new Line(Kind.TOTAL, "", TOTAL, table.total()));
        return List.copyOf(lines);
    }

    /** Column (12): the Decision 766/QĐ-TTg indicator's numerator, resolved on time or early plus pending in time. */
    static long inTime(Tally t) {
        return t.onTimeOrEarly() + t.get(Counter.NOT_YET_DUE);
    }

    /** Column (12) as printed: "98,2%", or a dash for a centre that had no dossier. */
    static String indicator(Tally t) {
        long total = t.get(Counter.TOTAL);
        return total == 0 ? "–" : VietnameseFormat.percent(inTime(t), total);
    }

    private static Line centre(int number, CentreRow row) {
        return new Line(Kind.CENTRE, Integer.toString(number), row.name(), row.counts());
    }
}

package vn.motcua.report.revision;

import vn.motcua.report.classify.Intake;
import vn.motcua.report.classify.Result;
import vn.motcua.report.dossier.Outcome;

/**
 * A dossier's cell packed in an int, as {@code report_dossier_block.cells} stores it (the layout is
 * in {@code sql/V61__report_dossier_cells_int.sql}; the view {@code report_dossier} unpacks it in SQL).
 * The field is its catalogue position, so no field text is repeated per dossier.
 */
public final class CellCode {

    /** Field positions take the bits above the eight of the cell itself. */
    public static final int MAX_FIELD_POSITION = (1 << 23) - 1;

    private CellCode() {
    }

    public static int encode(int fieldPosition, Intake intake, Result result, Outcome outcome, boolean apology) {
        if (fieldPosition < 1 || fieldPosition > MAX_FIELD_POSITION) {
            throw new IllegalArgumentException("field position " + fieldPosition + " is outside 1.." + MAX_FIELD_POSITION);
        }
        int outcomeCode = outcome == null ? 0 : outcome.ordinal() + 1;
        return intake.ordinal() | result.ordinal() << 2 | outcomeCode << 5 | (apology ? 1 : 0) << 7 | fieldPosition << 8;
    }

    public static int fieldPosition(int cell) {
        return cell >>> 8;
    }

    public static Intake intake(int cell) {
        return Intake.values()[cell & 3];
    }

    public static Result result(int cell) {
        return Result.values()[cell >> 2 & 7];
    }

    public static Outcome outcome(int cell) {
        int code = cell >> 5 & 3;
        return code == 0 ? null : Outcome.values()[code - 1];
    }

    public static boolean apology(int cell) {
        return (cell >> 7 & 1) == 1;
    }
}

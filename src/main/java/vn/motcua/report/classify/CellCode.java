package vn.motcua.report.classify;

import vn.motcua.report.dossier.Outcome;

/**
 * A dossier's cell packed in a smallint, as {@code report_dossier_block.cells} stores it (the layout is
 * in {@code sql/V60__report_dossier_blocks.sql}; the view {@code report_dossier} unpacks it in SQL).
 * The field is its catalogue position, so no field text is repeated per dossier.
 */
public final class CellCode {

    /** Field positions fit in six bits. */
    public static final int MAX_FIELD_POSITION = 63;

    private CellCode() {
    }

    public static short encode(int fieldPosition, Intake intake, Result result, Outcome outcome, boolean apology) {
        if (fieldPosition < 1 || fieldPosition > MAX_FIELD_POSITION) {
            throw new IllegalArgumentException("field position " + fieldPosition + " is outside 1.." + MAX_FIELD_POSITION);
        }
        int outcomeCode = outcome == null ? 0 : outcome.ordinal() + 1;
        return (short) (fieldPosition | intake.ordinal() << 6 | result.ordinal() << 8 | outcomeCode << 11
                | (apology ? 1 : 0) << 13);
    }

    public static int fieldPosition(short cell) {
        return cell & 63;
    }

    public static Intake intake(short cell) {
        return Intake.values()[cell >> 6 & 3];
    }

    public static Result result(short cell) {
        return Result.values()[cell >> 8 & 7];
    }

    public static Outcome outcome(short cell) {
        int code = cell >> 11 & 3;
        return code == 0 ? null : Outcome.values()[code - 1];
    }

    public static boolean apology(short cell) {
        return (cell >> 13 & 1) == 1;
    }
}

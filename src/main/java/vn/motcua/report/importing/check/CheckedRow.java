package vn.motcua.report.importing.check;

import java.util.List;

/**
 * A row after checking: its values ready for the staging table, or the reasons it was refused (and its code, when
 * it has one, so a code repeated on a refused line is still reported).
 */
public record CheckedRow(long line, Object[] values, List<Reject> rejects, String code) {

    public CheckedRow(long line, Object[] values, List<Reject> rejects) {
        this(line, values, rejects, null);
    }

    public boolean refused() {
        return !rejects.isEmpty();
    }
}

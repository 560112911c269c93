package vn.motcua.report.dossier;

import java.util.List;

/** A row after checking: its values ready for the staging table, or the reasons it was refused. */
public record CheckedRow(long line, Object[] values, List<Reject> rejects) {

    public boolean refused() {
        return !rejects.isEmpty();
    }
}

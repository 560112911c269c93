package vn.motcua.report.revision;

import java.util.Objects;

import vn.motcua.report.classify.Tally;

/**
 * One receiving centre's counters in the consolidation's table by centre.
 *
 * @param code  the configured centre's code; null for an unlisted centre and for the undetermined row
 * @param name  the configured name, the name the export gives an unlisted centre, or {@link #UNDETERMINED_NAME}
 */
public record CentreRow(String code, String name, CentreLevel level, Tally counts) {

    public static final String UNDETERMINED_NAME = "Chưa xác định nơi tiếp nhận";

    public CentreRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(counts, "counts");
        if (level.listed() == (code == null)) {
            throw new IllegalArgumentException("a " + level.word() + " row " + (code == null ? "needs" : "has no")
                    + " centre code: " + name);
        }
    }

    /** A centre the configuration lists. */
    public static CentreRow listed(String code, String name, CentreLevel level, Tally counts) {
        return new CentreRow(Objects.requireNonNull(code, "code"), name, level, counts);
    }

    /** A receiving centre the export names and the configuration does not list, under the export's name. */
    public static CentreRow unlisted(String name, Tally counts) {
        return new CentreRow(null, name, CentreLevel.UNLISTED, counts);
    }

    /** The dossiers that name no receiving centre. */
    public static CentreRow undetermined(Tally counts) {
        return new CentreRow(null, UNDETERMINED_NAME, CentreLevel.UNDETERMINED, counts);
    }
}

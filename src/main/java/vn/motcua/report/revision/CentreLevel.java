package vn.motcua.report.revision;

import vn.motcua.report.centre.Level;

/**
 * Where a row of the table by centre belongs: a listed centre's level in the two-level local government (the
 * province's own centre, its branches, the communes' centres), or a receiving centre the configuration does
 * not list, or none given: a configured centre's {@link Level}, or one of the two kinds of rows no configuration
 * names. Declared in the table's order ({@link CentreTable} sorts by it).
 */
public enum CentreLevel {
    PROVINCE("province"),
    BRANCH("branch"),
    COMMUNE("commune"),
    /** A receiving centre the export names but the configuration does not list. */
    UNLISTED("unlisted"),
    /** No receiving centre given: "Chưa xác định nơi tiếp nhận". */
    UNDETERMINED("undetermined");

    private final String word;

    CentreLevel(String word) {
        this.word = word;
    }

    /** The word in the CSV's {@code level} column (and, for a listed centre, in the configuration). */
    public String word() {
        return word;
    }

    /** A level a configured centre has. */
    public boolean listed() {
        return this == PROVINCE || this == BRANCH || this == COMMUNE;
    }

    /** Cấp tỉnh: the province's centre and its branches. */
    public boolean provincial() {
        return this == PROVINCE || this == BRANCH;
    }

    /** A configured centre's row kind. */
    public static CentreLevel of(Level level) {
        return switch (level) {
            case PROVINCE -> PROVINCE;
            case BRANCH -> BRANCH;
            case COMMUNE -> COMMUNE;
        };
    }
}

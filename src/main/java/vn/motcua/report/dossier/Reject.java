package vn.motcua.report.dossier;

/** Why one value of one line was refused. Line numbers are those of the file, the heading being line 1. */
public record Reject(long line, String column, String value, String reason) {

    @Override
    public String toString() {
        return "line " + line + ", " + column + (value == null || value.isEmpty() ? "" : " '" + value + "'") + ": " + reason;
    }
}

package vn.motcua.report.dossier;

/** How a finished dossier ended. Withdrawn and returned dossiers count as resolved on time. */
public enum Outcome {
    RESOLVED, WITHDRAWN, RETURNED;

    public String code() {
        return name().toLowerCase();
    }
}

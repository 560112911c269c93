package vn.motcua.report.classify;

/** Where a dossier in scope comes from: the previous period, or newly received by a channel. */
public enum Intake {
    CARRIED_OVER, NEW_ONLINE, NEW_DIRECT, NEW_POSTAL
}

package vn.motcua.report.dossier;

/** How a dossier reached the centre. */
public enum Channel {
    DIRECT, ONLINE, POSTAL;

    public String code() {
        return name().toLowerCase();
    }
}

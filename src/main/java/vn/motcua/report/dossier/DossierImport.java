package vn.motcua.report.dossier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/** The canonical dossier CSV: one row per dossier, re-importing a code updates that dossier. */
public class DossierImport implements ImportKind {

    static final List<String> COLUMNS = List.of("code", "field", "procedure", "channel", "received_at", "due_at",
            "finished_at", "outcome", "paused_from", "paused_until", "apology_at");

    private static final List<String> STAGING = List.of("code", "field_code", "procedure", "channel", "received_on",
            "due_on", "finished_on", "outcome", "paused_from", "paused_until", "apology_on");

    private static final String VALUES = String.join(", ", STAGING);

    private final Set<String> fields;

    /** @param fields the catalogue's field codes */
    public DossierImport(Set<String> fields) {
        this.fields = fields;
    }

    @Override
    public String name() {
        return "dossiers";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> required() {
        return List.of("code", "field", "channel", "received_at", "due_at", "finished_at", "outcome");
    }

    @Override
    public CheckedRow check(CsvRow row) {
        List<Reject> rejects = new ArrayList<>();
        Values.columnCount(row, COLUMNS.size(), rejects);
        String code = Values.required(row, "code", rejects);
        String field = Values.required(row, "field", rejects);
        if (!field.isEmpty() && !fields.contains(field)) {
            rejects.add(new Reject(row.line(), "field", field, "is not a field code of the catalogue"));
        }
        Channel channel = Values.oneOf(row, "channel", Channel.class, true, rejects);
        LocalDate received = Values.date(row, "received_at", true, rejects);
        LocalDate due = Values.date(row, "due_at", false, rejects);
        LocalDate finished = Values.date(row, "finished_at", false, rejects);
        Outcome outcome = Values.oneOf(row, "outcome", Outcome.class, false, rejects);
        LocalDate pausedFrom = Values.date(row, "paused_from", false, rejects);
        LocalDate pausedUntil = Values.date(row, "paused_until", false, rejects);
        LocalDate apology = Values.date(row, "apology_at", false, rejects);

        Values.notBefore(row, "due_at", due, "received_at", received, rejects);
        Values.notBefore(row, "finished_at", finished, "received_at", received, rejects);
        if (row.get("finished_at").isEmpty() != row.get("outcome").isEmpty()) {
            rejects.add(new Reject(row.line(), "outcome", row.get("outcome"), row.get("outcome").isEmpty()
                    ? "is empty but finished_at is set: a finished dossier needs resolved|withdrawn|returned"
                    : "is set but finished_at is empty: an open dossier has no outcome"));
        }
        if (row.get("paused_from").isEmpty() && !row.get("paused_until").isEmpty()) {
            rejects.add(new Reject(row.line(), "paused_until", row.get("paused_until"), "is set but paused_from is empty"));
        }
        Values.notBefore(row, "paused_from", pausedFrom, "received_at", received, rejects);
        Values.notBefore(row, "paused_until", pausedUntil, "paused_from", pausedFrom, rejects);
        Values.notBefore(row, "finished_at", finished, "paused_from", pausedFrom, rejects);
        Values.notBefore(row, "finished_at", finished, "paused_until", pausedUntil, rejects);
        if (pausedFrom != null && pausedUntil == null && finished != null) {
            rejects.add(new Reject(row.line(), "paused_until", "",
                    "is empty (still waiting for the citizen) but the dossier is finished"));
        }
        Values.notBefore(row, "apology_at", apology, "received_at", received, rejects);
        if (!rejects.isEmpty()) {
            return new CheckedRow(row.line(), null, rejects);
        }
        return new CheckedRow(row.line(), new Object[] {code, field, row.get("procedure"), channel.code(), received, due,
                finished, outcome == null ? null : outcome.code(), pausedFrom, pausedUntil, apology}, rejects);
    }

    @Override
    public String stagingTable() {
        return "import_dossier";
    }

    @Override
    public List<String> stagingColumns() {
        return STAGING;
    }

    @Override
    public String duplicatesSql() {
        return """
                INSERT INTO import_reject (import_id, line, col, value, reason)
                SELECT import_id, line, 'code', code, 'repeats the code of line ' || first_line
                  FROM (SELECT import_id, line, code, min(line) OVER (PARTITION BY code) AS first_line
                          FROM import_dossier WHERE import_id = ?) s
                 WHERE line > first_line""";
    }

    @Override
    public int[] store(JdbcTemplate jdbc, long importId) {
        Integer added = jdbc.queryForObject("""
                SELECT count(*) FROM import_dossier i
                 WHERE i.import_id = ? AND NOT EXISTS (SELECT 1 FROM dossier d WHERE d.code = i.code)""",
                Integer.class, importId);
        Integer total = jdbc.queryForObject("SELECT count(*) FROM import_dossier WHERE import_id = ?", Integer.class,
                importId);
        String excluded = "EXCLUDED." + VALUES.replace(", ", ", EXCLUDED.");
        String current = "dossier." + VALUES.replace(", ", ", dossier.");
        StringBuilder set = new StringBuilder();
        for (String c : STAGING.subList(1, STAGING.size())) {
            set.append(c).append(" = EXCLUDED.").append(c).append(", ");
        }
        int written = jdbc.update("INSERT INTO dossier (" + VALUES + ", import_id) SELECT " + VALUES
                + ", import_id FROM import_dossier WHERE import_id = ? ORDER BY line"
                + " ON CONFLICT (code) DO UPDATE SET " + set + "import_id = EXCLUDED.import_id, updated_at = now()"
                + " WHERE (" + current + ") IS DISTINCT FROM (" + excluded + ")", importId);
        return new int[] {added, written - added, total - written};
    }
}

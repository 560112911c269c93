package vn.motcua.report.dossier;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import vn.motcua.report.dossier.Reject.Rule;
import vn.motcua.report.system.TextKey;

import org.springframework.jdbc.core.JdbcTemplate;

/** The canonical dossier CSV: one row per dossier, re-importing a code updates that dossier. */
public class DossierImport implements ImportKind {

    static final List<String> COLUMNS = List.of("code", "field", "procedure", "channel", "received_at", "due_at",
            "finished_at", "outcome", "paused_from", "paused_until", "apology_at", "unit", "procedure_code");

    private static final List<String> STAGING = List.of("code", "field_code", "procedure", "channel", "received_on",
            "due_on", "finished_on", "outcome", "paused_from", "paused_until", "apology_on", "unit");

    private static final String VALUES = String.join(", ", STAGING);

    private final Map<String, String> fieldNames;
    private final Map<String, String> procedureFields;
    private final Map<String, String> fields = new HashMap<>();
    private final ImportMapping mapping;

    /**
     * @param fieldNames   the catalogue: each field code and its Vietnamese name
     * @param fieldAliases the catalogue's other spellings: alias → field code
     * @param procedureFields the catalogue's procedures, Mã TTHC or name (as {@link Names#key}) → field code: with
     *                     any, the field column may be absent or empty and the procedure says the field
     * @param mapping      the headings and labels understood
     */
    public DossierImport(Map<String, String> fieldNames, Map<String, String> fieldAliases,
                         Map<String, String> procedureFields, ImportMapping mapping) {
        this.fieldNames = fieldNames;
        this.procedureFields = procedureFields;
        this.mapping = mapping;
        fieldNames.forEach((code, name) -> {
            fields.put(Names.key(code), code);
            fields.put(Names.key(name), code);
        });
        fieldAliases.forEach((alias, code) -> fields.put(Names.key(alias), code));
        fields.putAll(mapping.labels("field"));
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
        return procedureFields.isEmpty()
                ? List.of("code", "field", "channel", "received_at", "due_at", "finished_at", "outcome")
                : List.of("code", "channel", "received_at", "due_at", "finished_at", "outcome");
    }

    @Override
    public Map<String, String> headings() {
        return mapping.headings(name());
    }

    @Override
    public CheckedRow check(CsvRow row) {
        List<Reject> rejects = new ArrayList<>();
        Values.columnCount(row, rejects);
        String code = Values.required(row, "code", rejects);
        String field = field(row, rejects);
        String channel = Values.label(row, "channel", mapping.labels("channel"), true,
                "direct|online|postal (Trực tiếp, Trực tuyến, Bưu chính công ích)", rejects);
        LocalDate received = Values.date(row, "received_at", true, rejects);
        LocalDate due = Values.date(row, "due_at", false, rejects);
        LocalDate finished = Values.date(row, "finished_at", false, rejects);
        String outcome = Values.label(row, "outcome", mapping.labels("outcome"), false,
                "resolved|withdrawn|returned (Đã giải quyết, Rút hồ sơ, Trả lại)", rejects);
        LocalDate pausedFrom = Values.date(row, "paused_from", false, rejects);
        LocalDate pausedUntil = Values.date(row, "paused_until", false, rejects);
        LocalDate apology = Values.date(row, "apology_at", false, rejects);

        Values.notBefore(row, "due_at", due, "received_at", received, Rule.ORDER, rejects);
        Values.notBefore(row, "finished_at", finished, "received_at", received, Rule.ORDER, rejects);
        if (row.get("finished_at").isEmpty() != row.get("outcome").isEmpty()) {
            String f = row.heading("finished_at");
            if (row.get("outcome").isEmpty()) {
                Values.reject(row, "outcome", "", Rule.OUTCOME,
                        "để trống nhưng " + f + " đã có: hồ sơ đã xong phải ghi Đã giải quyết, Rút hồ sơ hoặc Trả lại",
                        "is empty but " + f + " is set: a finished dossier needs resolved, withdrawn or returned", rejects);
            } else {
                Values.reject(row, "outcome", row.get("outcome"), Rule.OUTCOME,
                        "đã ghi nhưng " + f + " để trống: hồ sơ đang giải quyết chưa có kết quả",
                        "is set but " + f + " is empty: an open dossier has no outcome", rejects);
            }
        }
        if (row.get("paused_from").isEmpty() && !row.get("paused_until").isEmpty()) {
            Values.reject(row, "paused_until", row.get("paused_until"), Rule.PAUSE,
                    "đã ghi nhưng " + row.heading("paused_from") + " để trống",
                    "is set but " + row.heading("paused_from") + " is empty", rejects);
        }
        Values.notBefore(row, "paused_from", pausedFrom, "received_at", received, Rule.PAUSE, rejects);
        Values.notBefore(row, "paused_until", pausedUntil, "paused_from", pausedFrom, Rule.PAUSE, rejects);
        Values.notBefore(row, "finished_at", finished, "paused_from", pausedFrom, Rule.PAUSE, rejects);
        Values.notBefore(row, "finished_at", finished, "paused_until", pausedUntil, Rule.PAUSE, rejects);
        if (pausedFrom != null && pausedUntil == null && finished != null) {
            Values.reject(row, "paused_until", "", Rule.PAUSE,
                    "để trống (còn chờ công dân bổ sung) nhưng hồ sơ đã có kết quả",
                    "is empty (still waiting for the citizen) but the dossier is finished", rejects);
        }
        Values.notBefore(row, "apology_at", apology, "received_at", received, Rule.ORDER, rejects);
        if (!rejects.isEmpty()) {
            return new CheckedRow(row.line(), null, rejects, code.isEmpty() ? null : code);
        }
        return new CheckedRow(row.line(), new Object[] {code, field, row.get("procedure"), channel, received, due,
                finished, outcome, pausedFrom, pausedUntil, apology, unit(row)}, rejects);
    }

    /** The handling unit as the export names it (normalised), or null: it is matched to the catalogue at run time. */
    private static String unit(CsvRow row) {
        String v = TextKey.normal(row.get("unit"));
        return v.isEmpty() ? null : v;
    }

    /** The field's catalogue code, given by code or by its exact Vietnamese name; else a reject suggesting the name meant. */
    private String field(CsvRow row, List<Reject> rejects) {
        if (row.get("field").isEmpty() && !procedureFields.isEmpty()) {
            return fieldOfProcedure(row, rejects);
        }
        String v = Values.required(row, "field", rejects);
        if (v.isEmpty()) {
            return null;
        }
        String code = fields.get(Names.key(v));
        if (code == null) {
            String near = Names.closest(v, fieldNames.values());
            Values.reject(row, "field", v, Rule.FIELD,
                    "không phải mã hay tên lĩnh vực trong danh mục" + (near == null ? "" : "; có phải \"" + near + "\"?"),
                    "is not a field code or name of the catalogue" + (near == null ? "" : "; did you mean \"" + near + "\"?"), rejects);
        }
        return code;
    }

    /** No field given: the field of the row's procedure (its Mã TTHC first, then its name) in the catalogue. */
    private String fieldOfProcedure(CsvRow row, List<Reject> rejects) {
        for (String column : new String[] {"procedure_code", "procedure"}) {
            String code = row.get(column).isEmpty() ? null : procedureFields.get(Names.key(row.get(column)));
            if (code != null) {
                return code;
            }
        }
        String named = !row.get("procedure_code").isEmpty() ? row.get("procedure_code") : row.get("procedure");
        Values.reject(row, "field", named, Rule.FIELD,
                "lĩnh vực để trống và thủ tục này không có trong danh mục thủ tục (procedures của jobs/catalogue.yaml)",
                "the field is empty and this procedure is not in the catalogue's procedures (jobs/catalogue.yaml)", rejects);
        return null;
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
                INSERT INTO import_reject (import_id, line, col, value, reason, rule, reason_vi)
                SELECT import_id, line, ?, code, 'repeats the code of line ' || first_line, 'duplicate',
                       'trùng mã hồ sơ ở dòng ' || first_line
                  FROM (SELECT import_id, line, code, min(line) OVER (PARTITION BY code) AS first_line
                          FROM (SELECT import_id, line, code FROM import_dossier WHERE import_id = ?
                                UNION ALL
                                SELECT import_id, line, code FROM import_refused_code WHERE import_id = ?) u) s
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

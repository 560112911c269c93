package vn.motcua.report.importing.check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import vn.motcua.report.importing.check.Reject.Rule;
import vn.motcua.report.system.TextKey;
import vn.motcua.report.importing.source.Row;
import vn.motcua.report.importing.source.Names;


/** The canonical dossier CSV: one row per dossier, re-importing a code updates that dossier. */
public class DossierCheck implements RowCheck {

    static final List<String> COLUMNS = List.of("code", "field", "procedure", "channel", "received_at", "due_at",
            "finished_at", "outcome", "status", "paused_from", "paused_until", "apology_at", "unit", "procedure_code", "centre");

    /** The names of a checked row's values, in order: the staging table's columns (after import_id and line). */
    public static final List<String> VALUES = List.of("code", "field_code", "procedure", "channel", "received_on",
            "due_on", "finished_on", "outcome", "paused_from", "paused_until", "apology_on", "not_counted", "unit",
            "centre");

    private static final List<String> DATES = List.of("received_at", "due_at", "finished_at", "paused_from",
            "paused_until", "apology_at");

    private static final String STATUSES = "the labels of an open, paused, withdrawn, returned, resolved or not counted"
            + " dossier (Đang xử lý, Chờ bổ sung, Đã rút, Trả lại, Đã trả kết quả, Đã hủy, ...)";

    /** A group row: "LĨNH VỰC ĐẤT ĐAI (19 hồ sơ)", "II. Hộ tịch: 12 hồ sơ"; the field's name is in group 2. */
    private static final java.util.regex.Pattern GROUP = java.util.regex.Pattern.compile(
            "(?iu)^(?:(?:[IVXLC]+|\\d+|[a-z])[.)]\\s*)?(lĩnh vực\\s*[:\\-–]?\\s*)?(.+?)\\s*(?:[(:\\-–]\\s*\\d+\\s*hồ sơ\\s*\\)?)?$");

    private final Map<String, String> fieldNames;
    private final Map<String, String> procedureFields;
    private final Map<String, String> fields = new HashMap<>();
    private final java.util.Set<String> fieldsUsed = new java.util.HashSet<>();
    /** Whether a row checked before named a field: a CSV's empty fields under it may be a merged cell's. */
    private boolean fieldAbove;
    private final ImportMapping mapping;
    private final Dates dates;

    /** Reads dates in the order each column's values show. */
    public DossierCheck(Map<String, String> fieldNames, ImportMapping mapping) {
        this(fieldNames, Map.of(), Map.of(), mapping, new Dates(Map.of()));
    }

    /**
     * @param fieldNames   the catalogue: each field code and its Vietnamese name
     * @param fieldAliases the catalogue's other spellings: alias → field code
     * @param procedureFields the catalogue's procedures, Mã TTHC or name (as {@link Names#key}) → field code: with
     *                     any, the field column may be absent or empty and the procedure says the field
     * @param mapping      the headings and labels understood
     * @param dates        how the file's dates are read
     */
    public DossierCheck(Map<String, String> fieldNames, Map<String, String> fieldAliases,
                         Map<String, String> procedureFields, ImportMapping mapping, Dates dates) {
        this.fieldNames = fieldNames;
        this.procedureFields = procedureFields;
        this.mapping = mapping;
        this.dates = dates;
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

    /** The field may come from group rows instead of a column; the outcome from a status column. */
    @Override
    public List<String> required() {
        return List.of("code", "channel", "received_at", "due_at", "finished_at");
    }

    @Override
    public List<String> missing(java.util.Set<String> found) {
        List<String> missing = new ArrayList<>(RowCheck.super.missing(found));
        if (!found.contains("outcome") && !found.contains("status")) {
            missing.add("outcome (\"Kết quả\") or status (\"Trạng thái\")");
        }
        return missing;
    }

    @Override
    public List<String> dateColumns() {
        return DATES;
    }

    @Override
    public String groupColumn() {
        return "field";
    }

    /** The field code a group row names ("LĨNH VỰC ĐẤT ĐAI (19 hồ sơ)"), or the name it gives when it says "Lĩnh vực". */
    @Override
    public String groupValue(String text) {
        java.util.regex.Matcher m = GROUP.matcher(java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFC));
        if (!m.matches()) {
            return null;
        }
        String code = fields.get(Names.key(m.group(2)));
        return code != null ? code : m.group(1) != null ? m.group(2) : null;
    }

    @Override
    public java.util.Set<String> fieldsUsed() {
        return fieldsUsed;
    }

    @Override
    public List<String> valueColumns() {
        return VALUES;
    }

    @Override
    public Dates dates() {
        return dates;
    }

    @Override
    public Map<String, String> headings() {
        return mapping.headings(name());
    }

    @Override
    public CheckedRow check(Row row) {
        List<Reject> rejects = new ArrayList<>();
        Values.columnCount(row, rejects);
        if (!rejects.isEmpty()) {
            // Values shifted by a separator inside a value would only give misleading per-column messages.
            return new CheckedRow(row.line(), null, rejects, row.get("code").isEmpty() ? null : row.get("code"));
        }
        String code = Values.required(row, "code", rejects);
        String field = field(row, rejects);
        String channel = Values.label(row, "channel", mapping.labels("channel"), true,
                "direct|online|postal (Trực tiếp, Trực tuyến, Dịch vụ bưu chính công ích)", rejects);
        LocalDate received = dates.date(row, "received_at", true, rejects);
        LocalDate due = dates.date(row, "due_at", false, rejects);
        LocalDate finished = dates.date(row, "finished_at", false, rejects);
        String outcome = Values.label(row, "outcome", mapping.labels("outcome"), false,
                "resolved|withdrawn|returned (Đã giải quyết, Rút hồ sơ, Trả lại)", rejects);
        String status = Values.label(row, "status", mapping.labels("status"), false, STATUSES, rejects);
        LocalDate pausedFrom = dates.date(row, "paused_from", false, rejects);
        LocalDate pausedUntil = dates.date(row, "paused_until", false, rejects);
        LocalDate apology = dates.date(row, "apology_at", false, rejects);

        boolean notCounted = ImportMapping.NOT_COUNTED.equals(status);
        String outcomeOfStatus = status == null ? null : switch (status) {
            case "resolved", "withdrawn", "returned" -> status;
            default -> null;
        };
        if (status != null && outcome != null && !outcome.equals(outcomeOfStatus)) {
            Values.reject(row, "status", row.get("status"), Rule.STATUS,
                    "không khớp với " + row.heading("outcome") + " '" + row.get("outcome") + "'",
                    "disagrees with " + row.heading("outcome") + " '" + row.get("outcome") + "'", rejects);
        } else if (outcome == null) {
            outcome = outcomeOfStatus;
        }
        Values.notBefore(row, "due_at", due, "received_at", received, Rule.ORDER, rejects);
        Values.notBefore(row, "finished_at", finished, "received_at", received, Rule.ORDER, rejects);
        String f = row.heading("finished_at");
        boolean hasFinish = !row.get("finished_at").isEmpty();
        if (status != null && !notCounted && outcomeOfStatus == null && hasFinish) {
            Values.reject(row, "status", row.get("status"), Rule.STATUS,
                    "là hồ sơ đang giải quyết nhưng " + f + " đã có",
                    "is an open dossier's status but " + f + " is set", rejects);
        } else if (status != null && outcomeOfStatus != null && !hasFinish) {
            Values.reject(row, "status", row.get("status"), Rule.STATUS,
                    "là hồ sơ đã xong nhưng " + f + " để trống",
                    "is a finished dossier's status but " + f + " is empty", rejects);
        } else if (status == null && hasFinish != !row.get("outcome").isEmpty()) {
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
        if ("paused".equals(status) && row.get("paused_from").isEmpty()) {
            Values.reject(row, "status", row.get("status"), Rule.PAUSE,
                    "là hồ sơ tạm dừng chờ bổ sung nhưng " + row.heading("paused_from") + " để trống: ghi ngày bắt đầu tạm dừng",
                    "is a paused dossier's status but " + row.heading("paused_from") + " is empty: give the day the pause began",
                    rejects);
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
        if (!notCounted && pausedFrom != null && pausedUntil == null && finished != null) {
            Values.reject(row, "paused_until", "", Rule.PAUSE,
                    "để trống (còn chờ công dân bổ sung) nhưng hồ sơ đã có kết quả",
                    "is empty (still waiting for the citizen) but the dossier is finished", rejects);
        }
        Values.notBefore(row, "apology_at", apology, "received_at", received, Rule.ORDER, rejects);
        if (!rejects.isEmpty()) {
            return new CheckedRow(row.line(), null, rejects, code.isEmpty() ? null : code);
        }
        fieldsUsed.add(field);
        if (notCounted) {
            // Kept, with its status as the file writes it, but counted in no report: no finish, no outcome.
            return new CheckedRow(row.line(), new Object[] {code, field, row.get("procedure"), channel, received, due,
                    null, null, pausedFrom, pausedUntil, apology,
                    Names.key(row.get("status")).isEmpty() ? null : row.get("status").strip(), unit(row), centre(row)}, rejects);
        }
        return new CheckedRow(row.line(), new Object[] {code, field, row.get("procedure"), channel, received, due,
                finished, outcome, pausedFrom, pausedUntil, apology, null, unit(row), centre(row)}, rejects);
    }

    /** The handling unit as the export names it (normalised), or null: it is matched to the catalogue at run time. */
    private static String unit(Row row) {
        String v = TextKey.normal(row.get("unit"));
        return v.isEmpty() ? null : v;
    }

    /**
     * The receiving centre as the export names it (normalised, its case kept), or null: it is matched to
     * jobs/centres.yaml at run time, so an alias added there later needs no re-import.
     */
    private static String centre(Row row) {
        String v = TextKey.normal(row.get("centre"));
        return v.isEmpty() ? null : v;
    }

    /** The field's catalogue code, given by code or by its exact Vietnamese name; else a reject suggesting the name meant. */
    private String field(Row row, List<Reject> rejects) {
        if (row.get("field").isEmpty() && !procedureFields.isEmpty()) {
            return fieldOfProcedure(row, rejects);
        }
        String v = row.get("field");
        if (v.isEmpty()) {
            if (fieldAbove && row.fromText()) {
                Values.reject(row, "field", "", Rule.REQUIRED, "không được để trống; nếu bảng tính gộp ô lĩnh vực cho"
                        + " nhiều dòng thì bản lưu CSV chỉ giữ tên ở dòng đầu: hãy nhập chính bảng tính (.xlsx, .xls, .ods)",
                        "is required; if the workbook merged the field's cell over several rows, saving it as CSV kept"
                                + " the name on the first row only: import the workbook itself (.xlsx, .xls, .ods)",
                        rejects);
            } else {
                Values.required(row, "field", rejects);
            }
            return null;
        }
        fieldAbove = true;
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
    private String fieldOfProcedure(Row row, List<Reject> rejects) {
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
}

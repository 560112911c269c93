package vn.motcua.report.importing.check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.motcua.report.importing.check.Reject.Rule;
import vn.motcua.report.period.LocalGovernment;
import vn.motcua.report.importing.source.Row;

/**
 * Transfers between levels by the public postal service; the same transfer imported twice is kept once. A transfer
 * sent from 1 July 2025 names no district.
 */
public class TransferCheck implements RowCheck {

    static final List<String> COLUMNS = List.of("dossier_code", "from_level", "to_level", "sent_at");

    private static final String LEVELS = "commune|district|province (Xã, Huyện, Tỉnh)";

    private final ImportMapping mapping;

    private final Dates dates;

    public TransferCheck(ImportMapping mapping) {
        this(mapping, new Dates(Map.of()));
    }

    TransferCheck(ImportMapping mapping, Dates dates) {
        this.mapping = mapping;
        this.dates = dates;
    }

    /** The names of a checked row's values, in order: the staging table's columns (after import_id and line). */
    public static final List<String> VALUES = List.of("dossier_code", "from_level", "to_level", "sent_on");

    @Override
    public List<String> valueColumns() {
        return VALUES;
    }

    @Override
    public Dates dates() {
        return dates;
    }

    @Override
    public List<String> dateColumns() {
        return List.of("sent_at");
    }

    @Override
    public String name() {
        return "transfers";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> required() {
        return COLUMNS;
    }

    @Override
    public Map<String, String> headings() {
        return mapping.headings(name());
    }

    @Override
    public CheckedRow check(Row row) {
        List<Reject> rejects = new ArrayList<>();
        Values.columnCount(row, rejects);
        String code = Values.required(row, "dossier_code", rejects);
        String from = Values.label(row, "from_level", mapping.labels("level"), true, LEVELS, rejects);
        String to = Values.label(row, "to_level", mapping.labels("level"), true, LEVELS, rejects);
        LocalDate sent = dates.date(row, "sent_at", true, rejects);
        for (String column : List.of("from_level", "to_level")) {
            String level = "from_level".equals(column) ? from : to;
            if ("district".equals(level) && sent != null && !LocalGovernment.hasDistricts(sent)) {
                Values.reject(row, column, row.get(column), Rule.LABEL,
                        "không còn cấp huyện từ ngày 01/07/2025 (chính quyền địa phương hai cấp): hồ sơ chuyển giữa cấp xã"
                                + " và cấp tỉnh",
                        "there is no district level from 1 July 2025 (two-level local government): transfers run"
                                + " between commune and province", rejects);
            }
        }
        if (from != null && from.equals(to)) {
            Values.reject(row, "to_level", row.get("to_level"), Rule.LABEL, "trùng cấp với " + row.heading("from_level"),
                    "is the same level as " + row.heading("from_level"), rejects);
        }
        if (!rejects.isEmpty()) {
            return new CheckedRow(row.line(), null, rejects);
        }
        return new CheckedRow(row.line(), new Object[] {code, from, to, sent}, rejects);
    }
}

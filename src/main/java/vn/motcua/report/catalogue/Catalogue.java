package vn.motcua.report.catalogue;

import java.util.List;

/**
 * The centre's own catalogue, as {@code jobs/catalogue.yaml} gives it: its fields (lĩnh vực) in report
 * order, its handling units in the order of the per-unit table, and optionally which field each procedure
 * belongs to. Names and aliases are matched whatever their case, spacing or Unicode form.
 */
public record Catalogue(List<Entry> fields, List<Entry> units, List<Procedure> procedures) {

    /** A field or a unit: its code, its name as the report prints it, other spellings exports use. */
    public record Entry(String code, String name, List<String> aliases) {
    }

    /** A procedure by its national code (Mã TTHC) and/or its name, and the code of its field. */
    public record Procedure(String code, String name, String field) {
    }
}

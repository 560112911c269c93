package vn.motcua.report.importing.check;

import java.util.Map;
import java.util.Set;

import vn.motcua.report.importing.source.ImportException;
import vn.motcua.report.importing.source.Row;
import vn.motcua.report.importing.source.TableShape;

/** How one kind of import checks its rows: each row's values ready for staging, or why it is refused. */
public interface RowCheck extends TableShape {

    /**
     * The kind named on the command line: "dossiers" (checked against the catalogue: field code → name) or "transfers",
     * understanding the headings and labels of {@code mapping}.
     */
    static RowCheck of(String name, Map<String, String> fields, ImportMapping mapping) {
        return of(name, fields, Map.of(), Map.of(), mapping, new Dates(Map.of()));
    }

    /**
     * As {@link #of(String, Map, ImportMapping)}, with the catalogue's other spellings (alias → field code),
     * its procedures (→ field code), and reading dates with {@code dates}.
     */
    static RowCheck of(String name, Map<String, String> fields, Map<String, String> fieldAliases,
                       Map<String, String> procedureFields, ImportMapping mapping, Dates dates) {
        return switch (name) {
            case "dossiers" -> new DossierCheck(fields, fieldAliases, procedureFields, mapping, dates);
            case "transfers" -> new TransferCheck(mapping, dates);
            default -> throw new ImportException("import.unknown-kind", name);
        };
    }

    @Override
    default String vietnameseHeading(String column) {
        return ImportMapping.vietnameseHeading(name(), column);
    }

    /** Checks one row; returns its values in {@link #valueColumns()} order, or its rejects. */
    CheckedRow check(Row row);

    /** The names of a checked row's values, in order (the staging table's columns). */
    java.util.List<String> valueColumns();

    /** The catalogue's field codes that the rows checked so far name (and that must still exist when they are stored). */
    default Set<String> fieldsUsed() {
        return Set.of();
    }

    /** How this import reads dates, and what its date columns showed so far. */
    Dates dates();
}

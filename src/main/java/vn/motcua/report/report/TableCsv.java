package vn.motcua.report.report;

import java.io.IOException;
import java.nio.file.Path;

import vn.motcua.report.revision.CsvTables;
import vn.motcua.report.revision.ReportFiles;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;

/** The seed form's tables as CSV files beside the report, for other tools and for Excel ({@link CsvTables}). */
public final class TableCsv {

    private TableCsv() {
    }

    /** {@code DIR/2021-02/bao-cao-2021-02-r1.csv}. */
    public static Path path(Path outDir, Revision revision) {
        return ReportFiles.path(outDir, revision, CsvTables.BY_FIELD);
    }

    /** Writes the CSV (UTF-8 with a byte order mark) through a temporary file, so a reader never sees half a table. */
    public static Path write(Path outDir, ReportTable table) throws IOException {
        byte[] csv = CsvTables.byField(table);
        return ReportFiles.writeAtomically(path(outDir, table.revision()), out -> out.write(csv));
    }

    /** {@code DIR/2021-02/bao-cao-2021-02-r1-don-vi.csv}: the per-unit table, as {@link #write} writes the field table. */
    public static Path writeUnits(Path outDir, ReportTable units) throws IOException {
        byte[] csv = CsvTables.byUnit(units);
        return ReportFiles.writeAtomically(unitsPath(outDir, units.revision()), out -> out.write(csv));
    }

    /** {@code DIR/2021-02/bao-cao-2021-02-r1-don-vi.csv}. */
    static Path unitsPath(Path outDir, Revision revision) {
        return ReportFiles.path(outDir, revision, CsvTables.BY_UNIT);
    }
}

package vn.motcua.report.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import vn.motcua.report.classify.Tally;
import vn.motcua.report.revision.ReportFiles;
import vn.motcua.report.revision.ReportRow;
import vn.motcua.report.revision.ReportTable;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.TableColumn;

/** The seed form's table as CSV, for other tools and for Excel (UTF-8 with a byte order mark). */
public final class TableCsv {

    public static final String[] HEADER = Stream.concat(Stream.of("no", "field", "name"),
            TableColumn.IN_TABLE.stream().map(TableColumn::header)).toArray(String[]::new);

    private TableCsv() {
    }

    /** {@code DIR/2021-02/bao-cao-2021-02-r1.csv}. */
    public static Path path(Path outDir, Revision revision) {
        return ReportFiles.path(outDir, revision, ".csv");
    }

    /** The per-unit table's columns: {@code unit} is the catalogue's code, or the name of a unit it does not list. */
    public static final String[] UNIT_HEADER = Stream.concat(Stream.of("no", "unit", "name"),
            TableColumn.IN_TABLE.stream().map(TableColumn::header)).toArray(String[]::new);

    /** Writes the CSV (UTF-8 with a byte order mark) through a temporary file, so a reader never sees half a table. */
    public static Path write(Path outDir, ReportTable table) throws IOException {
        return write(path(outDir, table.revision()), HEADER, table);
    }

    /** {@code DIR/2021-02/bao-cao-2021-02-r1-don-vi.csv}: the per-unit table, as {@link #write} writes the field table. */
    public static Path writeUnits(Path outDir, ReportTable units) throws IOException {
        return write(ReportFiles.path(outDir, units.revision(), "-don-vi.csv"), UNIT_HEADER, units);
    }

    private static Path write(Path target, String[] header, ReportTable table) throws IOException {
        return ReportFiles.writeAtomically(target, out -> {
            // An encoder, not a charset: unmappable text fails the write instead of turning into '?' (as before).
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()));
            // A byte order mark: Excel then reads the Vietnamese names as UTF-8 (scripts skip it as commons-csv does).
            w.write('\uFEFF');
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).get())) {
                for (ReportRow row : table.rows()) {
                    csv.printRecord(cells(Integer.toString(row.position()), row.field(), row.name(), row.counts()));
                }
                csv.printRecord(cells("", "TOTAL", "Tổng cộng", table.total()));
            }
        });
    }

    private static Object[] cells(String no, String field, String name, Tally t) {
        return Stream.concat(Stream.of(no, field, name), LongStream.of(TableColumn.inTable(t)).boxed()).toArray();
    }
}

package vn.motcua.report.revision;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import vn.motcua.report.classify.Tally;

/**
 * A revision's tables as CSV (RFC 4180, UTF-8 with a byte order mark so that Excel reads the Vietnamese
 * names): the one source of the bytes written beside the report and of those its PDF embeds, so the two are
 * always the same.
 */
public final class CsvTables {

    /** The table by field: {@code bao-cao-2021-02-r1.csv}. */
    public static final String BY_FIELD = ".csv";
    /** The table by handling unit: {@code bao-cao-2021-02-r1-don-vi.csv}. */
    public static final String BY_UNIT = "-don-vi.csv";

    public static final String[] FIELD_HEADER = header("field");
    /** {@code unit} is the catalogue's code, or the name of a unit it does not list. */
    public static final String[] UNIT_HEADER = header("unit");

    private CsvTables() {
    }

    public static byte[] byField(ReportTable table) {
        return csv(FIELD_HEADER, table);
    }

    public static byte[] byUnit(ReportTable units) {
        return csv(UNIT_HEADER, units);
    }

    private static String[] header(String key) {
        return Stream.concat(Stream.of("no", key, "name"), TableColumn.IN_TABLE.stream().map(TableColumn::header))
                .toArray(String[]::new);
    }

    private static byte[] csv(String[] header, ReportTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // An encoder, not a charset: unmappable text fails instead of turning into '?'.
        Writer w = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8.newEncoder()));
        try {
            w.write('\uFEFF');
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).get())) {
                for (ReportRow row : table.rows()) {
                    csv.printRecord(cells(Integer.toString(row.position()), row.field(), row.name(), row.counts()));
                }
                csv.printRecord(cells("", "TOTAL", "Tổng cộng", table.total()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the table as CSV", e);
        }
        return bytes.toByteArray();
    }

    private static Object[] cells(String no, String field, String name, Tally t) {
        return Stream.concat(Stream.of(no, field, name), LongStream.of(TableColumn.inTable(t)).boxed()).toArray();
    }
}

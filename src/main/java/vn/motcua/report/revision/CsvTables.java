package vn.motcua.report.revision;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    /** The consolidation's table by receiving centre: {@code bao-cao-tong-hop-2021-02-r1-trung-tam.csv}. */
    public static final String BY_CENTRE = "-trung-tam.csv";

    public static final String[] FIELD_HEADER = header("field");
    /** {@code unit} is the catalogue's code, or the name of a unit it does not list. */
    public static final String[] UNIT_HEADER = header("unit");
    /**
     * {@code centre} is the configured centre's code, empty for an unlisted centre and for the dossiers with none
     * (whose {@code name} says which); {@code level} is {@link CentreLevel#word}.
     */
    public static final String[] CENTRE_HEADER = Stream.concat(Stream.of("no", "centre", "name", "level"),
            TableColumn.IN_TABLE.stream().map(TableColumn::header)).toArray(String[]::new);

    private CsvTables() {
    }

    public static byte[] byField(ReportTable table) {
        return csv(FIELD_HEADER, table);
    }

    public static byte[] byUnit(ReportTable units) {
        return csv(UNIT_HEADER, units);
    }

    /** One row per centre in the table's order, no subtotals, then the {@code TOTAL} row. */
    public static byte[] byCentre(CentreTable centres) {
        return csv(CENTRE_HEADER, csv -> {
            int no = 0;
            for (CentreRow row : centres.rows()) {
                csv.printRecord(cells(List.of(Integer.toString(++no), row.code() == null ? "" : row.code(), row.name(),
                        row.level().word()), row.counts()));
            }
            csv.printRecord(cells(List.of("", "TOTAL", "Tổng cộng", ""), centres.total()));
        });
    }

    private static String[] header(String key) {
        return Stream.concat(Stream.of("no", key, "name"), TableColumn.IN_TABLE.stream().map(TableColumn::header))
                .toArray(String[]::new);
    }

    private static byte[] csv(String[] header, ReportTable table) {
        return csv(header, csv -> {
            for (ReportRow row : table.rows()) {
                csv.printRecord(cells(Integer.toString(row.position()), row.field(), row.name(), row.counts()));
            }
            csv.printRecord(cells("", "TOTAL", "Tổng cộng", table.total()));
        });
    }

    /** What goes under the header. */
    @FunctionalInterface
    private interface Records {
        void print(CSVPrinter csv) throws IOException;
    }

    private static byte[] csv(String[] header, Records records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // An encoder, not a charset: unmappable text fails instead of turning into '?'.
        Writer w = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8.newEncoder()));
        try {
            w.write('\uFEFF');
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).get())) {
                records.print(csv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the table as CSV", e);
        }
        return bytes.toByteArray();
    }

    private static Object[] cells(String no, String field, String name, Tally t) {
        return cells(List.of(no, field, name), t);
    }

    /** The row's text cells, then its figures in the columns of the table. */
    private static Object[] cells(List<String> texts, Tally t) {
        return Stream.concat(texts.stream(), LongStream.of(TableColumn.inTable(t)).boxed()).toArray();
    }
}

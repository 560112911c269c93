package vn.motcua.report.signoff;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The files a report PDF carries as associated files (the catalogue's /AF: its CSV tables), and where such a
 * table differs from the one this database makes of the revision's rows: the first cell that differs.
 */
final class EmbeddedTables {

    /** The first cell that differs: its row (number, key, name), column, and both values; {@code cells} in all. */
    record Difference(String row, String key, String name, String column, String signed, String database, int cells) {
        Difference counting(int all) {
            return new Difference(row, key, name, column, signed, database, all);
        }
    }

    private EmbeddedTables() {
    }

    /** The associated files by name (/UF, else /F), in the file's order; empty when the PDF carries none. */
    static Map<String, byte[]> of(byte[] pdf) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfArray associated = reader.getCatalog().getAsArray(PdfName.AF);
            for (int i = 0; associated != null && i < associated.size(); i++) {
                PdfDictionary spec = associated.getAsDict(i);
                PdfDictionary embedded = spec == null ? null : spec.getAsDict(PdfName.EF);
                PdfObject stream = embedded == null ? null : PdfReader.getPdfObject(embedded.get(PdfName.F));
                PdfString name = spec == null ? null : spec.getAsString(PdfName.UF) != null
                        ? spec.getAsString(PdfName.UF) : spec.getAsString(PdfName.F);
                if (stream instanceof PRStream s && name != null) {
                    files.putIfAbsent(name.toUnicodeString(), PdfReader.getStreamBytes(s));
                }
            }
        } finally {
            reader.close();
        }
        return files;
    }

    /** Where two CSV tables differ, the signed one's first; null when they hold the same cells. */
    static Difference compare(byte[] signed, byte[] database) {
        List<List<String>> a = records(signed);
        List<List<String>> b = records(database);
        List<String> header = a.isEmpty() ? List.of() : a.get(0);
        Difference first = null;
        int cells = 0;
        for (int r = 1; r < Math.max(a.size(), b.size()); r++) {
            List<String> rowA = r < a.size() ? a.get(r) : List.of();
            List<String> rowB = r < b.size() ? b.get(r) : List.of();
            for (int c = 0; c < Math.max(rowA.size(), rowB.size()); c++) {
                String valueA = c < rowA.size() ? rowA.get(c) : "-";
                String valueB = c < rowB.size() ? rowB.get(c) : "-";
                if (!valueA.equals(valueB)) {
                    cells++;
                    if (first == null) {
                        // The row as the signed table names it (number, key, name), else as the database's does.
                        List<String> row = rowA.size() >= 3 ? rowA : rowB.size() >= 3 ? rowB : List.of("-", "-", "-");
                        first = new Difference(row.get(0), row.get(1), row.get(2),
                                c < header.size() ? header.get(c) : Integer.toString(c + 1), valueA, valueB, 0);
                    }
                }
            }
        }
        return first == null ? null : first.counting(cells);
    }

    /** The rows of a CSV table, its heading first; what does not parse as CSV is an {@link java.io.UncheckedIOException}. */
    private static List<List<String>> records(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        try {
            for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(text))) {
                rows.add(record.toList());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rows;
    }
}

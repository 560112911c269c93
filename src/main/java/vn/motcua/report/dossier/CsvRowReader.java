package vn.motcua.report.dossier;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads an import file's rows (UTF-8 CSV, RFC 4180 quoting, heading row first). The headings must be
 * exactly the kind's columns, in any order; anything else is refused before a row is read.
 */
public class CsvRowReader implements ItemStreamReader<CsvRow> {

    private final Path file;
    private final ImportKind kind;

    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private List<String> headings;
    /** The file line on which the last record read ends (records may span lines inside quotes). */
    private long lastEndLine;

    public CsvRowReader(Path file, ImportKind kind) {
        this.file = file;
        this.kind = kind;
    }

    @Override
    public void open(ExecutionContext context) {
        if (!Files.isRegularFile(file)) {
            throw new ImportException(file + " does not exist or is not a file");
        }
        try {
            Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            parser = CSVFormat.RFC4180.builder().get().parse(reader);
            records = parser.iterator();
            if (!records.hasNext()) {
                throw new ImportException(file + " is empty: expected a heading row " + String.join(",", kind.columns()));
            }
            headings = new ArrayList<>();
            for (String h : records.next()) {
                headings.add(h.replace("\uFEFF", "").trim().toLowerCase());
            }
            lastEndLine = parser.getCurrentLineNumber();
            List<String> missing = new ArrayList<>(kind.required());
            missing.removeAll(headings);
            List<String> unknown = new ArrayList<>(headings);
            unknown.removeAll(kind.columns());
            if (!missing.isEmpty() || !unknown.isEmpty()) {
                throw new ImportException(file + " line 1: the headings do not match a " + kind.name() + " file"
                        + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                        + (unknown.isEmpty() ? "" : "; unknown: " + String.join(", ", unknown))
                        + ". Expected: " + String.join(",", kind.columns()));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ImportException(file + " could not be read as a UTF-8 CSV file: " + e.getMessage(), e);
        }
    }

    @Override
    public CsvRow read() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            long line = lastEndLine + 1;
            lastEndLine = parser.getCurrentLineNumber();
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < record.size(); i++) {
                values.put(i < headings.size() ? headings.get(i) : "#" + (i + 1), record.get(i));
            }
            if (record.size() != headings.size()) {
                values.put("#count", Integer.toString(record.size()));
            }
            return new CsvRow(line, values);
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new ImportException(file + " near line " + (parser.getCurrentLineNumber() + 1)
                        + " is not UTF-8 text: save the file as CSV UTF-8", e);
            }
            throw new ImportException(file + " near line " + (parser.getCurrentLineNumber() + 1)
                    + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            // nothing to keep: the file was only read
        }
    }
}

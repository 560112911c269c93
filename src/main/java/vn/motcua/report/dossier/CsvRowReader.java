package vn.motcua.report.dossier;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the rows of a CSV import file as it comes from a one-stop system or from Excel: UTF-8 with or
 * without a byte order mark, comma, semicolon or tab separated (detected from the first lines), RFC 4180
 * quoting (values with separators and line breaks). The heading row is the first row naming the required
 * columns among the first {@value HeadingRow#SEARCH} rows (exports often start with a title). Streams the
 * file; line numbers are those a text editor shows, even when quoted values span lines.
 */
public class CsvRowReader implements ItemStreamReader<CsvRow> {

    private final Path file;
    private final ImportKind kind;
    private final ImportProgress progress;

    private long size;
    private CountingStream counted;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private HeadingRow headings;
    /** Lines consumed up to the end of the last record read: the next record starts on the following line. */
    private long consumed;
    private long rowsRead;

    public CsvRowReader(Path file, ImportKind kind, ImportProgress progress) {
        this.file = file;
        this.kind = kind;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext context) {
        ImportFile.of(file);
        try {
            size = Math.max(1, Files.size(file));
            counted = new CountingStream(Files.newInputStream(file));
            BufferedReader reader = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            reader.mark(1 << 16);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            char delimiter = delimiter(reader);
            parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get().parse(reader);
            records = parser.iterator();
            headings = HeadingRow.find(this::nextCandidate, kind,
                    new ImportException("import.empty-csv", file.toString(), String.join(",", kind.columns())));
            headings.saveTo(context);
            progress.started();
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(e);
        } catch (IllegalStateException e) {
            throw new ImportException(e, "import.csv-quoting", file.toString(), consumed + 1);
        }
    }

    /** The separator used most in the first lines (outside quotes): comma, semicolon or tab. */
    private static char delimiter(BufferedReader reader) throws IOException {
        reader.mark(1 << 16);
        char[] buf = new char[1 << 15];
        int n = reader.read(buf);
        reader.reset();
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        int lines = 0;
        boolean quoted = false;
        for (int i = 0; i < Math.max(n, 0) && lines < HeadingRow.SEARCH; i++) {
            char c = buf[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> comma++;
                    case ';' -> semicolon++;
                    case '\t' -> tab++;
                    case '\n' -> lines++;
                    default -> { }
                }
            }
        }
        return semicolon > comma && semicolon >= tab ? ';' : tab > comma && tab > semicolon ? '\t' : ',';
    }

    private HeadingRow.Candidate nextCandidate() {
        if (!records.hasNext()) {
            return null;
        }
        long line = consumed + 1;
        CSVRecord record = records.next();
        consumed = parser.getCurrentLineNumber();
        return new HeadingRow.Candidate(record.toList(), file + " line " + line);
    }

    @Override
    public CsvRow read() {
        try {
            while (records.hasNext()) {
                long line = consumed + 1;
                CSVRecord record = records.next();
                consumed = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                boolean blank = true;
                for (int i = 0; i < record.size(); i++) {
                    String v = record.get(i);
                    if (v.indexOf('\0') >= 0) {
                        throw new ImportException("import.nul-character", file.toString(), line);
                    }
                    blank &= v.isBlank();
                    String column = headings.column(i);
                    if (column != null) {
                        values.put(column, v);
                    } else if (i >= headings.size() && !v.isBlank()) {
                        values.put("#count", Integer.toString(record.size()));
                    }
                }
                if (blank) {
                    continue;
                }
                if (record.size() < headings.size()) {
                    values.put("#count", Integer.toString(record.size()));
                }
                values.put("#headings", Integer.toString(headings.size()));
                rowsRead++;
                progress.read(rowsRead, (double) counted.count / size);
                return new CsvRow(line, values, headings.written());
            }
            return null;
        } catch (UncheckedIOException e) {
            throw unreadable(e);
        } catch (IllegalStateException e) {
            throw new ImportException(e, "import.csv-quoting", file.toString(), consumed + 1);
        }
    }

    private ImportException unreadable(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return new ImportException(e, "import.not-utf8", file.toString(), consumed + 1);
        }
        if (cause != null && cause.getClass().getName().startsWith("org.apache.commons.csv")) {
            return new ImportException(e, "import.csv-quoting", file.toString(), consumed + 1);
        }
        return new ImportException(e, "import.unreadable-at", file.toString(), consumed + 1);
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

    /** Counts the bytes read, to show how much of the file is done. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}

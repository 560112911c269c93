package vn.motcua.report.importing.source;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as one-stop systems and Excel write it: UTF-8 with or without a byte order mark, UTF-16 with one
 * (Excel's "Unicode text"), or Windows-1258 (Excel's plain "CSV" on a Vietnamese PC), told apart by the bytes;
 * comma, semicolon or tab separated (detected from the first lines); RFC 4180 quoting, spaces around a quoted
 * value allowed. Streamed; line numbers are those a text editor shows, even when quoted values span lines.
 */
final class CsvSource implements TableSource {

    /** Bytes looked at to tell UTF-8 from Windows-1258: a Vietnamese file has accented letters early on. */
    private static final int SNIFF = 1 << 16;

    private final Path file;
    private final long size;
    private final CountingStream counted;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Charset charset;
    private long consumed;

    CsvSource(Path file) {
        this.file = file;
        try {
            size = Math.max(1, Files.size(file));
            charset = charset(file);
            counted = new CountingStream(Files.newInputStream(file));
            CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            BufferedReader reader = new BufferedReader(new InputStreamReader(counted, decoder), 1 << 16);
            reader.mark(1 << 16);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            char delimiter = delimiter(reader);
            parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                    .setIgnoreSurroundingSpaces(true).get().parse(new BoundedCsvText(reader, delimiter));
            records = parser.iterator();
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    /** UTF-16 by its byte order mark; UTF-8 when the first bytes are valid UTF-8; else Windows-1258. */
    static Charset charset(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        int end = head.length;
        // A multi-byte character may be cut at the end of what was read: only whole characters are judged.
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0xC0) {
            end = end - back - 1;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1258");
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

    @Override
    public SheetRow next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            long line = consumed + 1;
            CSVRecord record = records.next();
            consumed = parser.getCurrentLineNumber();
            java.util.List<String> values = record.toList();
            for (String v : values) {
                if (v.indexOf('\0') >= 0) {
                    throw new ImportException("import.nul-character", file.toString(), line);
                }
            }
            return new SheetRow(line, values, consumed);
        } catch (UncheckedIOException | IllegalStateException e) {
            ImportLimits.Exceeded tooLong = tooLong(e);
            throw tooLong != null ? tooLong : e instanceof IllegalStateException ? broken(e) : unreadable(e);
        }
    }

    /** The limit a value or record went over, when that is why the parser stopped; else null. */
    private static ImportLimits.Exceeded tooLong(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BoundedCsvText.TooLong tooLong) {
                return tooLong.exceeded();
            }
        }
        return null;
    }

    @Override
    public String where() {
        return file.toString();
    }

    @Override
    public String rowWord() {
        return "line";
    }

    @Override
    public double fraction() {
        return (double) counted.count / size;
    }

    @Override
    public boolean countsValues() {
        return true;
    }

    private ImportException broken(Exception e) {
        return new ImportException(e, "import.csv-quoting", file.toString(), consumed + 1);
    }

    private ImportException unreadable(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return new ImportException(e, "import.not-in-encoding", file.toString(), consumed + 1,
                    charset == null ? "UTF-8" : charset.displayName());
        }
        if (cause != null && cause.getClass().getName().startsWith("org.apache.commons.csv")) {
            return broken(e);
        }
        return new ImportException(e, "import.unreadable-at", file.toString(), consumed + 1);
    }

    @Override
    public void close() {
        try {
            parser.close();
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

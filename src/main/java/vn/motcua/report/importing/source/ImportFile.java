package vn.motcua.report.importing.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What an import file is, judged by its bytes (not its name): CSV text, an Excel .xlsx or old .xls workbook, an
 * OpenDocument .ods spreadsheet, or none of these. Each opens its tables ({@link TableSource}) by sheet.
 */
public enum ImportFile {
    CSV, XLSX, XLS, ODS;

    private static final int PEEK = 8192;

    /**
     * @throws ImportException with one sentence saying what was expected, when the file is not a table we read
     */
    public static ImportFile of(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ImportException("import.no-such-file", file.toString());
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PEEK);
        } catch (IOException e) {
            throw new ImportException(e, "import.unreadable", file.toString());
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            return zipped(file);
        }
        if (name.endsWith(".xlsx") || name.endsWith(".ods")) {
            throw new ImportException("import.named-workbook-not-one", file.toString(), name.substring(name.lastIndexOf('.')));
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            return XLS;
        }
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            return CSV;
        }
        int start = startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        byte[] text = Arrays.copyOfRange(head, start, head.length);
        if (new String(text, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new ImportException("import.empty-file", file.toString());
        }
        for (byte b : text) {
            if (b == 0) {
                throw new ImportException("import.binary-file", file.toString());
            }
        }
        return CSV;
    }

    /** A zip is an .xlsx when it has a workbook part, an .ods when its mimetype says so. */
    private static ImportFile zipped(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("xl/workbook.xml") != null) {
                return XLSX;
            }
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    if (new String(in.readNBytes(200), StandardCharsets.US_ASCII)
                            .startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
                        return ODS;
                    }
                }
            }
        } catch (IOException e) {
            throw new ImportException(e, "import.damaged-zip", file.toString());
        }
        throw new ImportException("import.zip-not-a-workbook", file.toString());
    }

    public boolean isWorkbook() {
        return this != CSV;
    }

    /** The sheets, in order; a CSV file has one, unnamed (null). */
    List<String> sheets(Path file) {
        return switch (this) {
            case CSV -> Collections.singletonList(null);
            case XLSX -> XlsxSource.sheets(file);
            case XLS -> XlsSource.sheets(file);
            case ODS -> OdsSource.sheets(file);
        };
    }

    /** The rows of one sheet (null for a CSV file). */
    TableSource open(Path file, String sheet) {
        return switch (this) {
            case CSV -> new CsvSource(file);
            case XLSX -> XlsxSource.open(file, sheet);
            case XLS -> XlsSource.open(file, sheet);
            case ODS -> OdsSource.open(file, sheet);
        };
    }

    private static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}

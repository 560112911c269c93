package vn.motcua.report.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** What an import file is, judged by its first bytes (not its name): a CSV text, an .xlsx workbook, or neither. */
enum ImportFile {
    CSV, XLSX;

    private static final int PEEK = 8192;

    /**
     * @throws ImportException with one sentence saying what was expected, when the file is not a table we read
     */
    static ImportFile of(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ImportException(file + " does not exist or is not a file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PEEK);
        } catch (IOException e) {
            throw new ImportException(file + " could not be read: " + e.getMessage(), e);
        }
        String expected = ": expected a CSV file (UTF-8, heading row first) or an Excel .xlsx workbook";
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            return XLSX;
        }
        if (name.endsWith(".xlsx")) {
            throw new ImportException(file + " is named .xlsx but is not an Excel workbook" + expected);
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new ImportException(file + " is an old Excel .xls workbook (or a protected one): open it in Excel and"
                    + " save it as .xlsx, or as CSV UTF-8");
        }
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            throw new ImportException(file + " is UTF-16 text (Excel's \"Unicode text\"): save it as \"CSV UTF-8\"");
        }
        int start = startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        byte[] text = Arrays.copyOfRange(head, start, head.length);
        if (new String(text, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
            throw new ImportException(file + " is empty" + expected);
        }
        for (byte b : text) {
            if (b == 0) {
                throw new ImportException(file + " is a binary file, not a table" + expected);
            }
        }
        return CSV;
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

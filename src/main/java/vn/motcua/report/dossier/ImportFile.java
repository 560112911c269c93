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
            return XLSX;
        }
        if (name.endsWith(".xlsx")) {
            throw new ImportException("import.xlsx-not-a-workbook", file.toString());
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new ImportException("import.old-xls", file.toString());
        }
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            throw new ImportException("import.utf16", file.toString());
        }
        int start = startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        byte[] text = Arrays.copyOfRange(head, start, head.length);
        if (new String(text, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
            throw new ImportException("import.empty-file", file.toString());
        }
        for (byte b : text) {
            if (b == 0) {
                throw new ImportException("import.binary-file", file.toString());
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

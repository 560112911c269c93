package vn.motcua.report.signoff;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * poppler's pdfsig, pdftotext and pdfdetach, independent readers of the signed files. Where poppler-utils is not installed,
 * the test stops at its first poppler check and is reported skipped, saying why: tests make those checks last.
 */
final class Pdfsig {

    private Pdfsig() {
    }

    /** What pdfsig says of the file's signatures. */
    static String run(Path pdf) throws Exception {
        return poppler("pdfsig", pdf.toString());
    }

    /** What pdftotext reads, the signatures' appearances included. */
    static String text(Path pdf) throws Exception {
        return poppler("pdftotext", pdf.toString(), "-");
    }

    /** Any poppler tool's output (pdfdetach …). */
    static String poppler(String tool, String... args) throws Exception {
        Path program = Path.of("/usr/bin", tool);
        boolean installed = Files.isExecutable(program);
        String reason = tool + " (poppler-utils) not installed: apt-get install poppler-utils";
        if (!installed) {
            System.out.println("skipped: " + reason);
        }
        assumeTrue(installed, reason);
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}

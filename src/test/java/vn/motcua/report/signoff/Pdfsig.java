package vn.motcua.report.signoff;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** poppler's pdfsig and pdftotext, independent readers of the signed files; null (and a printed reason) when absent. */
final class Pdfsig {

    private static final Path PDFSIG = Path.of("/usr/bin/pdfsig");

    private Pdfsig() {
    }

    static String run(Path pdf) throws Exception {
        return poppler(PDFSIG, pdf.toString());
    }

    /** What pdftotext reads, the signatures' appearances included; null when absent. */
    static String text(Path pdf) throws Exception {
        return poppler(Path.of("/usr/bin/pdftotext"), pdf.toString(), "-");
    }

    private static String poppler(Path tool, String... args) throws Exception {
        if (!Files.isExecutable(tool)) {
            System.out.println("poppler check skipped: " + tool + " is absent (apt-get install -y poppler-utils)");
            return null;
        }
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(tool.toString()));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}

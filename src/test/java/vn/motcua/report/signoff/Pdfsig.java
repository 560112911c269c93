package vn.motcua.report.signoff;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** poppler's pdfsig, an independent reader of the signatures; null (and a printed reason) when absent. */
final class Pdfsig {

    private static final Path PDFSIG = Path.of("/usr/bin/pdfsig");

    private Pdfsig() {
    }

    static String run(Path pdf) throws Exception {
        if (!Files.isExecutable(PDFSIG)) {
            System.out.println("pdfsig check skipped: /usr/bin/pdfsig is absent (apt-get install -y poppler-utils)");
            return null;
        }
        Process p = new ProcessBuilder(PDFSIG.toString(), pdf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}

package vn.motcua.report.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.report.document.Consolidations;
import vn.motcua.report.document.ReportDocument;
import vn.motcua.report.revision.CsvTables;
import vn.motcua.report.revision.ProvinceCentres;

/**
 * A consolidation's PDF, with its table by centre, is still PDF/A-3b as veraPDF checks it, and carries the
 * by-centre CSV as a third associated file that poppler's pdfdetach extracts byte for byte.
 */
class CentreTablePdfATest {

    @TempDir
    Path tmp;

    @Test
    void aConsolidationsDraft_isPdfA3b_andCarriesTheTableByCentre() throws Exception {
        Path pdf = tmp.resolve("bao-cao-2025-09-r1.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            ReportDocument.render(Consolidations.data(ProvinceCentres.table()), true, out);
        }
        assertThat(VeraPdf.failures(Files.readAllBytes(pdf))).isEmpty();

        String listed = Pdfsig.poppler("pdfdetach", "-list", pdf.toString());
        assertThat(listed).contains("3 embedded files").contains("bao-cao-2025-09-r1-trung-tam.csv");
        Path extracted = Files.createDirectories(tmp.resolve("extracted"));
        Pdfsig.poppler("pdfdetach", "-saveall", "-o", extracted.toString(), pdf.toString());
        assertThat(Files.readAllBytes(extracted.resolve("bao-cao-2025-09-r1-trung-tam.csv")))
                .isEqualTo(CsvTables.byCentre(ProvinceCentres.table()));
    }
}

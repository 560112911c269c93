package vn.motcua.report.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.motcua.report.period.VietnamTime;

/** PAdES-BASELINE-B as the EU's validator (DSS) rates it: a first signature, then a second one appended. */
class PadesSignerTest {

    private static TestPki pki;

    @BeforeAll
    static void authority() throws Exception {
        pki = new TestPki();
    }

    static byte[] onePage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph("Báo cáo thử"));
        document.close();
        return out.toByteArray();
    }

    @Test
    void bothSignatures_arePadesBaselineB_andPassWithTheTestCaAsTrustAnchor() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(VietnamTime.ZONE).truncatedTo(ChronoUnit.SECONDS);
        byte[] signed = PadesSigner.sign(onePage(), false, pki.person().signingKey(),
                new PadesSigner.Details(SignOff.FIELD, TestPki.PERSON, "Báo cáo thử", "An Hòa", now),
                SignatureLook.signer(1, new float[] {300, 500, 535, 600}, null, List.of("Ký bởi: " + TestPki.PERSON)));
        byte[] sealed = PadesSigner.sign(signed, true, pki.organisation().signingKey(),
                new PadesSigner.Details(Seal.FIELD, TestPki.ORGANISATION, "Báo cáo thử", null, now),
                SignatureLook.seal(1, new float[] {300, 500, 535, 600}, null, List.of(TestPki.ORGANISATION)));

        List<Dss.Verdict> verdicts = Dss.validate(sealed, pki.ca, pki.crl());
        assertThat(verdicts).hasSize(2).allSatisfy(v -> {
            assertThat(v.format()).as(v.toString()).isEqualTo(SignatureLevel.PAdES_BASELINE_B);
            assertThat(v.indication()).as(v.toString()).isEqualTo(Indication.TOTAL_PASSED);
        });
        assertThat(verdicts).extracting(Dss.Verdict::signedBy).containsExactlyInAnyOrder(TestPki.PERSON, TestPki.ORGANISATION);

        SignatureCheck.Report report = SignatureCheck.of(sealed);
        assertThat(report.intact()).isTrue();
        assertThat(report.signatures()).extracting(SignatureCheck.Signature::field)
                .containsExactly(SignOff.FIELD, Seal.FIELD);
        assertThat(report.signatures().get(0).subFilter()).isEqualTo("ETSI.CAdES.detached");
        assertThat(report.signatures().get(0).time()).isEqualTo(now);
    }

    @Test
    void aPageAddedAndThenSignedOver_isFound_thoughEverySignatureHolds() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(VietnamTime.ZONE).truncatedTo(ChronoUnit.SECONDS);
        byte[] signed = PadesSigner.sign(onePage(), false, pki.person().signingKey(),
                new PadesSigner.Details(SignOff.FIELD, TestPki.PERSON, "r", "An Hòa", now), null);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        com.lowagie.text.pdf.PdfStamper stamper = new com.lowagie.text.pdf.PdfStamper(
                new com.lowagie.text.pdf.PdfReader(signed), out, '\0', true);
        stamper.insertPage(2, com.lowagie.text.PageSize.A4);
        stamper.close();
        byte[] resigned = PadesSigner.sign(out.toByteArray(), true, pki.organisation().signingKey(),
                new PadesSigner.Details(Seal.FIELD, TestPki.ORGANISATION, "r", null, now), null);

        SignatureCheck.Report report = SignatureCheck.of(resigned);
        assertThat(report.signatures()).hasSize(2).allSatisfy(s -> assertThat(s.valid()).isTrue());
        assertThat(report.findings()).containsExactly(new SignatureCheck.Finding(SignatureCheck.Damage.EXTRA_PAGE, 2));
        assertThat(report.intact()).isFalse();
    }
}

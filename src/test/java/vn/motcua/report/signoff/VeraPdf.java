package vn.motcua.report.signoff;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the PDF/A validator of the PDF Association, on one file. */
final class VeraPdf {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdf() {
    }

    /** The rules the file breaks as PDF/A-3b, one line each (clause, test, how often, what it says); empty when compliant. */
    static List<String> failures(byte[] pdf) throws Exception {
        PDFAFlavour flavour = PDFAFlavour.fromString("3b");
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            if (result.isCompliant()) {
                return List.of();
            }
            Map<String, String> said = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .collect(Collectors.toMap(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber(),
                            a -> a.getErrorMessage() == null ? a.getMessage() : a.getErrorMessage(), (a, b) -> a));
            return result.getFailedChecks().entrySet().stream()
                    .map(e -> {
                        String rule = e.getKey().getClause() + "-" + e.getKey().getTestNumber();
                        return rule + " (" + e.getValue() + "x): " + said.getOrDefault(rule, "");
                    }).sorted().toList();
        }
    }
}

package vn.motcua.report.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.signoff.Seal;
import vn.motcua.report.revision.SignedRevisions;
import vn.motcua.report.system.Refusal;

/**
 * {@code seal --period P [--revision N] (--keystore FILE.p12 | --pkcs11 CONFIG) [--alias A] [--seal-image PNG]
 * [--trust CA.cer] [--out DIR]}: the clerk adds the organisation's signature to the signed-off file.
 */
@Component
public class SealCommand implements Cli.Command {

    private final ReportService reports;
    private final Seal seal;
    private final KeyOptions keys;
    private final Messages messages;
    private final SignedRevisions signed;

    public SealCommand(ReportService reports, Seal seal, KeyOptions keys, Messages messages, SignedRevisions signed) {
        this.signed = signed;
        this.reports = reports;
        this.seal = seal;
        this.keys = keys;
        this.messages = messages;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        String period = reports.periodName(line.option("period", null));
        keys.check(line, true);
        byte[] image = KeyOptions.image(line, "seal-image");
        var anchors = keys.anchors(line);
        var key = keys.key(line);
        Path outDir = line.has("out") ? Path.of(line.option("out", "")) : null;
        try (PeriodLock.Held lock = reports.lock(period)) {
            Integer number = line.number("revision", "a revision number such as 1");
            if (number == null) {
                number = signed.latestSigned(period).orElseThrow(() -> new Refusal("seal.no-signed-revision", period));
            }
            Revision revision = reports.revision(period, number);
            Seal.Result result = seal.seal(revision, key, image, anchors, outDir);
            out.println(messages.get("seal.done", period, revision.revision(), result.organisation(), result.sealedAt()));
            out.println(messages.get("seal.wrote", result.file()));
            out.println("SHA-256 " + result.sha256());
            return ExitCode.OK;
        }
    }
}

package vn.motcua.report.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.SignedRevisions;
import vn.motcua.report.signoff.Seal;
import vn.motcua.report.signoff.SigningKey;
import vn.motcua.report.system.Refusal;

/**
 * {@code seal --period P [--revision N] (--keystore FILE.p12 | --pkcs11 CONFIG) [--alias A] [--seal-image PNG]
 * [--trust CA.cer] [--out DIR]}: the clerk adds the organisation's signature to the signed-off file.
 */
@Command(name = "seal")
public class SealCommand implements Cli.Command, Launcher.Checked {

    @Option(names = "--period", required = true, paramLabel = "P", converter = Converters.PeriodName.class)
    String period;

    @Option(names = "--revision", paramLabel = "N", converter = Converters.RevisionNumber.class)
    Integer revision;

    @Option(names = "--keystore", paramLabel = "FILE.p12", converter = Converters.ExistingFile.class)
    Path keystore;

    @Option(names = "--pkcs11", paramLabel = "CONFIG", converter = Converters.ExistingFile.class)
    Path pkcs11;

    @Option(names = "--alias", paramLabel = "A", converter = Converters.Text.class)
    String alias;

    @Option(names = "--seal-image", paramLabel = "PNG", converter = Converters.ExistingFile.class)
    Path sealImage;

    @Option(names = "--trust", paramLabel = "CA.cer", converter = Converters.ExistingFile.class)
    Path trust;

    /** Without --out: beside the revision's draft. */
    @Option(names = "--out", paramLabel = "DIR")
    Path out;

    @Override
    public void check() {
        KeyOptions.check(keystore, pkcs11, alias, true, "seal");
    }

    @Override
    public int execute(Session session) throws Exception {
        ReportService reports = session.bean(ReportService.class);
        byte[] image = KeyOptions.png(sealImage, "--seal-image");
        var anchors = KeyOptions.anchors(session, trust);
        SigningKey key = KeyOptions.key(session, keystore, pkcs11, alias);
        try (PeriodLock.Held lock = reports.lock(period)) {
            Integer number = revision != null ? revision : session.bean(SignedRevisions.class).latestSigned(period)
                    .orElseThrow(() -> new Refusal("seal.no-signed-revision", period));
            Revision r = reports.revision(period, number);
            Seal.Result result = session.bean(Seal.class).seal(r, key, image, anchors, out);
            session.say("seal.done", period, r.revision(), result.organisation(), result.sealedAt().toString());
            session.say("seal.wrote", result.file().toString());
            session.say("cli.sign-off.sha256", result.sha256());
            return ExitCode.OK;
        }
    }
}

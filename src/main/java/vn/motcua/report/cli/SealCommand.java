package vn.motcua.report.cli;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.ReportKey;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.SignedRevisions;
import vn.motcua.report.signoff.Seal;
import vn.motcua.report.signoff.SigningKey;
import vn.motcua.report.system.Refusal;

/**
 * {@code seal --period P [--centre CODE] [--revision N] (--keystore FILE.p12 | --pkcs11 CONFIG) [--alias A] [--seal-image PNG]
 * [--trust CA.cer] [--tsa URL] [--out DIR]}: the clerk adds the organisation's signature to the signed-off file.
 */
@Command(name = "seal")
public class SealCommand implements Cli.Command, Launcher.Checked {

    @Mixin
    KeyOptions key;

    @Option(names = "--seal-image", paramLabel = "PNG", converter = Converters.ExistingFile.class)
    Path sealImage;

    @Override
    public void check() {
        key.check(true, "seal");
    }

    @Autowired
    ReportService reports;

    @Autowired
    SignedRevisions signed;

    @Autowired
    Seal seal;

    @Autowired
    JobsFolder jobs;

    @Autowired
    Environment environment;

    @Override
    public int execute(Terminal t) throws Exception {
        byte[] image = KeyOptions.png(sealImage, "--seal-image");
        var anchors = key.files.anchors(jobs);
        String tsa = key.files.tsa(jobs);
        SigningKey signingKey = key.key(environment, t);
        ReportKey report = key.centre.report(key.period, jobs);
        try (PeriodLock.Held lock = reports.lock(report)) {
            Integer number = key.revision != null ? key.revision : signed.latestSigned(report)
                    .orElseThrow(() -> new Refusal("seal.no-signed-revision", report));
            Revision r = reports.revision(report, number);
            Seal.Result result = seal.seal(r, signingKey, image, anchors, key.files.out, tsa);
            t.say("seal.done", report, r.revision(), result.organisation(), result.sealedAt().toString());
            t.say("seal.wrote", result.file().toString());
            t.say("cli.sign-off.sha256", result.sha256());
            LongTermOptions.sayLevel(t, result.level());
            return ExitCode.OK;
        }
    }
}

package vn.motcua.report.cli;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.config.ReportSettings;
import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.ReportKey;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.signoff.SignOff;
import vn.motcua.report.signoff.SigningKey;

/**
 * {@code sign-off --period P [--centre CODE] [--revision N] --signer NAME --position TITLE [--on-behalf "KT. GIÁM ĐỐC"]
 * [--keystore FILE.p12 | --pkcs11 CONFIG] [--alias A] [--signature-image PNG] [--trust CA.cer] [--tsa URL]
 * [--accept-name-mismatch] [--allow-blank] [--accept-changed] [--out DIR]}: the final, signed report of a completed
 * revision; refused when imports changed its dossiers after it read them, unless {@code --accept-changed}.
 */
@Command(name = "sign-off")
public class SignOffCommand implements Cli.Command, Launcher.Checked {

    @Mixin
    KeyOptions key;

    @Option(names = "--signer", required = true, paramLabel = "NAME", converter = Converters.Text.class)
    String signer;

    @Option(names = "--position", required = true, paramLabel = "TITLE", converter = Converters.Text.class)
    String position;

    @Option(names = "--on-behalf", paramLabel = "TEXT", converter = Converters.Text.class)
    String onBehalf;

    @Option(names = "--signature-image", paramLabel = "PNG", converter = Converters.ExistingFile.class)
    Path signatureImage;

    @Option(names = "--accept-name-mismatch")
    boolean acceptNameMismatch;

    @Option(names = "--allow-blank")
    boolean allowBlank;

    @Option(names = "--accept-changed")
    boolean acceptChanged;

    @Override
    public void check() {
        key.check(false, "sign-off");
    }

    @Autowired
    ReportService reports;

    @Autowired
    SignOff signOff;

    @Autowired
    JobsFolder jobs;

    @Autowired
    Environment environment;

    @Override
    public int execute(Terminal t) throws Exception {
        SignOff.Options options = new SignOff.Options(key.signatureImage(jobs, signatureImage, signer),
                key.files.anchors(jobs), !acceptNameMismatch, allowBlank, acceptChanged).withTsa(key.files.tsa(jobs));
        SigningKey signingKey = key.key(environment, t);
        ReportKey report = key.centre.report(key.period, jobs);
        try (PeriodLock.Held lock = reports.lock(report)) {
            Revision r = reports.toSign(report, key.revision);
            SignOff.Result result = signOff.signOff(r,
                    new ReportSettings.Signer(onBehalf, position, signer), signingKey, options, key.files.out);
            t.say("cli.sign-off.done", report, r.revision(), signer,
                    (onBehalf == null ? "" : onBehalf + " / ") + position, result.signedAt().toString());
            t.say(result.digitallySigned() ? "cli.sign-off.wrote-signed" : "cli.sign-off.wrote-unsigned",
                    result.file().toString(), result.pages());
            t.say("cli.sign-off.sha256", result.sha256());
            LongTermOptions.sayLevel(t, result.level());
            t.say("cli.sign-off.frozen", result.file().toString());
            return ExitCode.OK;
        }
    }
}

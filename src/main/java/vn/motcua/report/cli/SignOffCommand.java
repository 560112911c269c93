package vn.motcua.report.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import vn.motcua.report.config.ReportSettings;
import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.signoff.SignOff;
import vn.motcua.report.signoff.SigningKey;

/**
 * {@code sign-off --period P [--revision N] --signer NAME --position TITLE [--on-behalf "KT. GIÁM ĐỐC"]
 * [--keystore FILE.p12 | --pkcs11 CONFIG] [--alias A] [--signature-image PNG] [--trust CA.cer]
 * [--accept-name-mismatch] [--allow-blank] [--out DIR]}: the final, signed report of a completed revision.
 */
@Component
public class SignOffCommand implements Cli.Command {

    private final ReportService reports;
    private final SignOff signOff;
    private final KeyOptions keys;
    private final Messages messages;

    public SignOffCommand(ReportService reports, SignOff signOff, KeyOptions keys, Messages messages) {
        this.reports = reports;
        this.signOff = signOff;
        this.keys = keys;
        this.messages = messages;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        String period = reports.periodName(line.option("period", null));
        String name = required(line, "signer");
        String position = required(line, "position");
        String onBehalf = line.has("on-behalf") ? required(line, "on-behalf") : null;
        keys.check(line, false);
        SignOff.Options options = new SignOff.Options(keys.signatureImage(line, period, name), keys.anchors(line),
                !line.flag("accept-name-mismatch"), line.flag("allow-blank"));
        SigningKey key = keys.key(line);
        Path outDir = line.has("out") ? Path.of(line.option("out", "")) : null;
        try (PeriodLock.Held lock = reports.lock(period)) {
            Revision revision = reports.toSign(period, line.number("revision", "a revision number such as 1"));
            SignOff.Result result = signOff.signOff(revision, new ReportSettings.Signer(onBehalf, position, name), key,
                    options, outDir);
            out.println(messages.get("signoff.done", period, revision.revision(), name,
                    (onBehalf == null ? "" : onBehalf + " / ") + position, result.signedAt()));
            out.println(messages.get(result.digitallySigned() ? "signoff.wrote.signed" : "signoff.wrote.paper",
                    result.file(), result.pages()));
            out.println("SHA-256 " + result.sha256());
            out.println(messages.get("signoff.frozen", result.file()));
            return ExitCode.OK;
        }
    }

    private static String required(CommandLine line, String option) {
        String value = line.option(option, "").strip();
        if (value.isEmpty()) {
            throw new UsageException("--" + option + " must not be empty");
        }
        return value;
    }
}

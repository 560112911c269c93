package vn.motcua.report.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.SignedRevisions;
import vn.motcua.report.signoff.Renewal;
import vn.motcua.report.system.Refusal;

/**
 * {@code renew --period P [--tsa URL] [--trust CA.cer] [--out DIR]}: fresh revocation data and a new document
 * time-stamp for the latest signed (or sealed) file of the period, before its newest time-stamp's certificate
 * expires; the file must be PAdES-BASELINE-LTA.
 */
@Command(name = "renew")
public class RenewCommand implements Cli.Command {

    @Option(names = "--period", required = true, paramLabel = "P", converter = Converters.PeriodName.class)
    String period;

    /** Without it, signing.tsa of report.yaml. */
    @Option(names = "--tsa", paramLabel = "URL", converter = Converters.ServiceAddress.class)
    String tsa;

    @Option(names = "--trust", paramLabel = "CA.cer", converter = Converters.ExistingFile.class)
    Path trust;

    /** The folder sign-off and seal wrote to; without it, where the file was recorded. */
    @Option(names = "--out", paramLabel = "DIR")
    Path out;

    @Override
    public int execute(Session session) throws Exception {
        ReportService reports = session.bean(ReportService.class);
        String authority = KeyOptions.tsa(session, tsa);
        if (authority == null) {
            throw new Refusal("renew.no-tsa");
        }
        var anchors = KeyOptions.anchors(session, trust);
        try (PeriodLock.Held lock = reports.lock(period)) {
            int number = session.bean(SignedRevisions.class).latestSigned(period)
                    .orElseThrow(() -> new Refusal("renew.no-signed-revision", period));
            Revision r = reports.revision(period, number);
            Renewal.Result result = session.bean(Renewal.class).renew(r, authority, anchors, out);
            session.say("renew.done", period, r.revision(), result.renewedAt().toString());
            session.say("seal.wrote", result.file().toString());
            session.say("cli.sign-off.sha256", result.sha256());
            KeyOptions.sayLevel(session, result.level());
            return ExitCode.OK;
        }
    }
}

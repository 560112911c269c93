package vn.motcua.report.cli;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.period.PeriodName;
import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.ReportKey;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.revision.SignedRevisions;
import vn.motcua.report.signoff.Renewal;
import vn.motcua.report.system.Refusal;

/**
 * {@code renew --period P [--centre CODE] [--tsa URL] [--trust CA.cer] [--out DIR]}: fresh revocation data and a new document
 * time-stamp for the latest signed (or sealed) file of the period, before its newest time-stamp's certificate
 * expires; the file must be PAdES-BASELINE-LTA.
 */
@Command(name = "renew")
public class RenewCommand implements Cli.Command {

    @Option(names = "--period", required = true, paramLabel = "P", converter = Converters.Periods.class)
    PeriodName period;

    @Mixin
    LongTermOptions files;

    @Mixin
    CentreOption centre;

    @Autowired
    ReportService reports;

    @Autowired
    SignedRevisions signed;

    @Autowired
    Renewal renewal;

    @Autowired
    JobsFolder jobs;

    @Override
    public int execute(Terminal t) throws Exception {
        String authority = files.tsa(jobs);
        if (authority == null) {
            throw new Refusal("renew.no-tsa");
        }
        var anchors = files.anchors(jobs);
        ReportKey report = centre.report(period, jobs);
        try (PeriodLock.Held lock = reports.lock(report)) {
            int number = signed.latestSigned(report).orElseThrow(() -> new Refusal("renew.no-signed-revision", report));
            Revision r = reports.revision(report, number);
            Renewal.Result result = renewal.renew(r, authority, anchors, files.out);
            t.say("renew.done", report, r.revision(), result.renewedAt().toString());
            t.say("seal.wrote", result.file().toString());
            t.say("cli.sign-off.sha256", result.sha256());
            LongTermOptions.sayLevel(t, result.level());
            return ExitCode.OK;
        }
    }
}

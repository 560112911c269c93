package vn.motcua.report.cli;

import picocli.CommandLine.Option;

import vn.motcua.report.centre.Centres;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.period.PeriodName;
import vn.motcua.report.revision.ReportKey;

/**
 * {@code --centre CODE}, which the commands about a period's report share (a picocli mixin: each command's help text
 * stays its own key, help.motcua-report.COMMAND.centre): one listed centre's report of the period. Without it, the
 * report of report.yaml's one centre over every dossier, as without centres.yaml.
 */
final class CentreOption {

    @Option(names = "--centre", paramLabel = "CODE", converter = Converters.Text.class)
    String code = ReportKey.SINGLE;

    /**
     * The report the command is about; a code jobs/centres.yaml does not list (or any code without that file) is
     * refused naming the listed ones.
     */
    ReportKey report(PeriodName period, JobsFolder jobs) {
        if (!code.isEmpty()) {
            Centres.listed(jobs, code);
        }
        return new ReportKey(period, code);
    }
}

package vn.motcua.report.cli;

import picocli.CommandLine.Option;

import vn.motcua.report.centre.Centres;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.period.PeriodName;
import vn.motcua.report.revision.ReportKey;

/**
 * {@code --centre CODE}, which the commands about a period's report share (a picocli mixin: each command's help text
 * stays its own key, help.motcua-report.COMMAND.centre): one listed centre's report of the period. Without it, the
 * consolidation of jobs/centres.yaml, or without that file the report of report.yaml's one centre over every dossier.
 */
final class CentreOption {

    @Option(names = "--centre", paramLabel = "CODE", converter = Converters.Text.class)
    String code = ReportKey.SINGLE;

    /**
     * The report the command is about: without --centre, the consolidation of jobs/centres.yaml (its code also names
     * it), or report.yaml's one centre's without that file; a code centres.yaml does not list (or any code without
     * that file) is refused naming the listed ones.
     */
    ReportKey report(PeriodName period, JobsFolder jobs) {
        String consolidation = Centres.load(jobs).map(c -> c.consolidation().code()).orElse(null);
        if (code.isEmpty()) {
            return new ReportKey(period, consolidation == null ? ReportKey.SINGLE : consolidation);
        }
        if (!code.equals(consolidation)) {
            Centres.listed(jobs, code);
        }
        return new ReportKey(period, code);
    }
}

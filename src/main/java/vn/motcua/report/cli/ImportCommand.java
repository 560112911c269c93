package vn.motcua.report.cli;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vn.motcua.report.importing.ImportProgress;
import vn.motcua.report.importing.ImportSummary;
import vn.motcua.report.importing.ImportService;

/** {@code import dossiers|transfers FILE [--sheet NAME] [--date-order dmy|mdy] [--accept-partial]} */
@Command(name = "import")
public class ImportCommand implements Cli.Command {

    /** What a file holds. */
    enum Kind { dossiers, transfers }

    @Parameters(index = "0", paramLabel = "dossiers|transfers")
    Kind kind;

    @Parameters(index = "1", paramLabel = "FILE", converter = Converters.ExistingFile.class)
    Path file;

    @Option(names = "--sheet", paramLabel = "NAME", converter = Converters.Text.class)
    String sheet;

    @Option(names = "--accept-partial")
    boolean acceptPartial;

    /** The order of dates written with slashes when the file cannot tell: dmy (day first) or mdy. */
    @Option(names = "--date-order", paramLabel = "dmy|mdy", converter = Converters.Text.class)
    String dateOrder;

    @Autowired
    ImportService importer;

    @Autowired
    ImportProgress progress;

    @Autowired
    ImportOutcome outcome;

    @Override
    public int execute(Terminal terminal) throws Exception {
        progress.showOn(terminal.err(), terminal.messages());
        try {
            ImportSummary s = importer.importFile(kind.name(), file, sheet, acceptPartial, dateOrder);
            return outcome.print(s, file, terminal);
        } finally {
            progress.showOn(null, null);
        }
    }
}

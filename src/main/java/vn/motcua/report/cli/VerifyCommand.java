package vn.motcua.report.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.signoff.Verification;

/**
 * {@code verify FILE.pdf [--trust CA.cer]}: is this file a signed report? Exit 0 when every signature holds
 * and it is a signed or sealed file of this database; 3 when every signature holds but this database does
 * not know the file (a recipient's machine); 1 when anything is broken (said what); 2 when it is not a
 * readable PDF.
 */
@Command(name = "verify")
public class VerifyCommand implements Cli.Command {

    @Parameters(index = "0", paramLabel = "FILE.pdf", converter = Converters.ExistingFile.class)
    Path file;

    @Option(names = "--trust", paramLabel = "CA.cer", converter = Converters.ExistingFile.class)
    Path trust;

    @Autowired
    Verification verification;

    @Autowired
    JobsFolder jobs;

    @Override
    public int execute(Terminal t) throws Exception {
        Verification.Verdict verdict = verification.verify(Files.readAllBytes(file), LongTermOptions.anchors(jobs, trust));
        PrintStream to = verdict.outcome() == Verification.Outcome.BROKEN ? t.err() : t.out();
        to.println(file + ":");
        verdict.lines().forEach(l -> to.println("  " + t.text(l.key(), l.arguments())));
        return switch (verdict.outcome()) {
            case VERIFIED -> ExitCode.OK;
            case GENUINE -> ExitCode.NOT_IN_THIS_DATABASE;
            case BROKEN -> ExitCode.FAILED;
        };
    }
}

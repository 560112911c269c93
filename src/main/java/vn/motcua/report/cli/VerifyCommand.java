package vn.motcua.report.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import vn.motcua.report.signoff.Verification;

/**
 * {@code verify FILE.pdf}: is this file a signed report? Exit 0 when it is byte-identical to a signed
 * revision's recorded file and any digital signature in it holds; 1 when not (the reason is printed);
 * 2 when the file cannot be read.
 */
@Component
public class VerifyCommand implements Cli.Command {

    private final Verification verification;

    public VerifyCommand(Verification verification) {
        this.verification = verification;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        Path file = Path.of(line.arguments().get(0));
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageException(file + " does not exist or cannot be read");
        }
        Verification.Verdict verdict = verification.verify(Files.readAllBytes(file));
        PrintStream to = verdict.verified() ? out : err;
        to.println(file + ":");
        verdict.lines().forEach(l -> to.println("  " + l));
        return verdict.verified() ? ExitCode.OK : ExitCode.FAILED;
    }
}

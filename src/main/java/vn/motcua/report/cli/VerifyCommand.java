package vn.motcua.report.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import vn.motcua.report.signoff.Verification;
import vn.motcua.report.system.Refusal;

/**
 * {@code verify FILE.pdf [--trust CA.cer]}: is this file a signed report? Exit 0 when every signature holds
 * and it is a signed or sealed file of this database; 3 when every signature holds but this database does
 * not know the file (a recipient's machine); 1 when anything is broken (said what); 2 when it is not a
 * readable PDF.
 */
@Component
public class VerifyCommand implements Cli.Command {

    private final Verification verification;
    private final KeyOptions keys;
    private final Messages messages;

    public VerifyCommand(Verification verification, KeyOptions keys, Messages messages) {
        this.verification = verification;
        this.keys = keys;
        this.messages = messages;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        Path file = Path.of(line.arguments().get(0));
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new Refusal("verify.missing", file);
        }
        Verification.Verdict verdict = verification.verify(Files.readAllBytes(file), keys.anchors(line));
        PrintStream to = verdict.outcome() == Verification.Outcome.BROKEN ? err : out;
        to.println(file + ":");
        verdict.lines().forEach(l -> to.println("  " + messages.get(l.key(), l.arguments())));
        return switch (verdict.outcome()) {
            case VERIFIED -> ExitCode.OK;
            case GENUINE -> ExitCode.NOT_IN_THIS_DATABASE;
            case BROKEN -> ExitCode.FAILED;
        };
    }
}

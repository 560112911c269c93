package vn.motcua.report.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import vn.motcua.report.signoff.Verification;

/**
 * {@code verify FILE.pdf}: is this file a signed report? Exit 0 when it is byte-identical to a signed
 * revision's recorded file and any digital signature in it holds; 1 when not (the reason is printed);
 * 2 when the file cannot be read.
 */
@Command(name = "verify")
public class VerifyCommand implements vn.motcua.report.cli.Command {

    @Parameters(index = "0", paramLabel = "FILE.pdf", converter = Converters.ExistingFile.class)
    Path file;

    @Override
    public int execute(Session session) throws Exception {
        Verification.Verdict verdict = session.bean(Verification.class).verify(Files.readAllBytes(file));
        java.io.PrintStream to = verdict.verified() ? session.out() : session.err();
        to.println(file + ":");
        verdict.lines().forEach(l -> to.println("  " + l));
        return verdict.verified() ? ExitCode.OK : ExitCode.FAILED;
    }
}

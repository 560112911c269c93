package vn.motcua.report.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import picocli.CommandLine.Option;

import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.signoff.Levels;
import vn.motcua.report.signoff.TrustAnchors;

/**
 * The options every command that writes a signed file shares (a picocli mixin of sign-off, seal and renew): the
 * trust anchors, the time-stamping authority and the output folder.
 */
final class LongTermOptions {

    @Option(names = "--trust", paramLabel = "CA.cer", converter = Converters.ExistingFile.class)
    Path trust;

    /** Without it, signing.tsa of report.yaml; with neither, no time-stamp (PAdES-BASELINE-B). */
    @Option(names = "--tsa", paramLabel = "URL", converter = Converters.ServiceAddress.class)
    String tsa;

    /** Without --out: beside the revision's draft (renew: where the file was recorded). */
    @Option(names = "--out", paramLabel = "DIR")
    Path out;

    /** The time-stamping authority: {@code --tsa}, else signing.tsa of report.yaml; null when neither. */
    String tsa(JobsFolder jobs) {
        return tsa != null ? tsa : jobs.reportSettings().tsa();
    }

    /** {@code --trust FILE}, else the certificates of jobs/trust/. */
    List<X509Certificate> anchors(JobsFolder jobs) {
        return anchors(jobs, trust);
    }

    /** {@code --trust FILE}, else the certificates of jobs/trust/. */
    static List<X509Certificate> anchors(JobsFolder jobs, Path trust) {
        return TrustAnchors.load(trust == null ? List.of() : List.of(trust), jobs.trustFolder());
    }

    /** Says how long the file lasts: its level, and when to renew it (or that it cannot outlive its certificate). */
    static void sayLevel(Terminal t, Levels.FileLevel level) {
        if (level == null || level.signatures().isEmpty()) {
            return;
        }
        if (level.level() == Levels.Level.B_B) {
            t.say("cli.sign-off.level-b", level.verifiableUntil().toString());
        } else {
            t.say("cli.sign-off.level", level.level().label(), level.verifiableUntil().toString());
        }
    }
}

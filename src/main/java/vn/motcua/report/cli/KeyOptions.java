package vn.motcua.report.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.core.env.Environment;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import vn.motcua.report.centre.Centre;
import vn.motcua.report.centre.Centres;
import vn.motcua.report.centre.Consolidation;
import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.period.PeriodName;
import vn.motcua.report.signoff.CertificateChecks;
import vn.motcua.report.signoff.SigningKey;
import vn.motcua.report.signoff.SigningKeys;
import vn.motcua.report.system.Refusal;

/**
 * The options sign-off and seal share (a picocli mixin: each command's help texts stay its own keys,
 * help.motcua-report.COMMAND.OPTION): the period and revision, the key of {@code --keystore FILE.p12} or
 * {@code --pkcs11 CONFIG} (its password or PIN from MOTCUA_KEYSTORE_PASSWORD or a prompt, never an
 * argument), and the trust anchors, time-stamping authority and output folder ({@link LongTermOptions}). Its static
 * helper checks the images.
 */
final class KeyOptions {

    static final String PASSWORD_VARIABLE = "MOTCUA_KEYSTORE_PASSWORD";

    @Option(names = "--period", required = true, paramLabel = "P", converter = Converters.Periods.class)
    PeriodName period;

    /** Without it, the command's own default revision. */
    @Option(names = "--revision", paramLabel = "N", converter = Converters.RevisionNumber.class)
    Integer revision;

    @Option(names = "--keystore", paramLabel = "FILE.p12", converter = Converters.ExistingFile.class)
    Path keystore;

    @Option(names = "--pkcs11", paramLabel = "CONFIG", converter = Converters.ExistingFile.class)
    Path pkcs11;

    @Option(names = "--alias", paramLabel = "A", converter = Converters.Text.class)
    String alias;

    @Mixin
    LongTermOptions files;

    @Mixin
    CentreOption centre;

    /** Refuses contradictory options before anything starts. */
    void check(boolean keyRequired, String command) {
        if (keystore != null && pkcs11 != null) {
            throw new Refusal("signoff.key.both");
        }
        if (keyRequired && keystore == null && pkcs11 == null) {
            throw new Refusal("signoff.key.none", command);
        }
        if (alias != null && keystore == null && pkcs11 == null) {
            throw new Refusal("signoff.key.alias-alone");
        }
    }

    /**
     * The key the options name, or null when none is named (signed off on paper); its password or PIN from
     * {@code environment}, else asked on the terminal.
     */
    SigningKey key(Environment environment, Terminal t) {
        if (keystore != null) {
            char[] password = password(environment, t, "signoff.prompt.keystore", keystore);
            try {
                return SigningKeys.pkcs12(keystore, password, alias);
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        if (pkcs11 != null) {
            char[] pin = password(environment, t, "signoff.prompt.pin", pkcs11);
            try {
                return SigningKeys.pkcs11(pkcs11, pin, alias);
            } finally {
                Arrays.fill(pin, '\0');
            }
        }
        return null;
    }

    /**
     * The signer's handwritten signature: {@code --signature-image}, else the image the signer block of the
     * centre (centres.yaml, with {@code --centre}), of the period's file or of report.yaml names for this signer;
     * null when none.
     */
    byte[] signatureImage(JobsFolder jobs, Path option, String signer) {
        if (option != null) {
            return png(option, "--signature-image");
        }
        String code = centre.report(period, jobs).centre();
        Optional<Consolidation> consolidation = Centres.load(jobs).map(Centres::consolidation)
                .filter(c -> c.code().equals(code));
        if (consolidation.isPresent()) {
            Consolidation body = consolidation.get();
            if (body.signer() != null && body.signatureImage() != null
                    && CertificateChecks.sameName(body.signer().name(), signer)) {
                return png(jobs.resolve(body.signatureImage()).orElse(null), "signer.signature-image");
            }
        } else if (!code.isEmpty()) {
            Centre listed = Centres.listed(jobs, code);
            if (listed.signer() != null && listed.signatureImage() != null
                    && CertificateChecks.sameName(listed.signer().name(), signer)) {
                return png(jobs.resolve(listed.signatureImage()).orElse(null), "signer.signature-image");
            }
        }
        for (var image : jobs.signatureImages(period.name(), code)) {
            if (CertificateChecks.sameName(image.getKey(), signer)) {
                return png(image.getValue(), "signer.signature-image");
            }
        }
        return null;
    }

    /** The PNG file's bytes; refused when it is not a PNG. */
    static byte[] png(Path file, String where) {
        if (file == null) {
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < 8 || bytes[0] != (byte) 0x89 || bytes[1] != 'P' || bytes[2] != 'N' || bytes[3] != 'G') {
                throw new Refusal("signoff.image.not-png", file, where);
            }
            return bytes;
        } catch (IOException e) {
            throw new Refusal(e, "signoff.image.missing", file, where);
        }
    }

    private static char[] password(Environment environment, Terminal t, String promptKey, Path of) {
        String fromEnvironment = environment.getProperty(PASSWORD_VARIABLE);
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new Refusal("signoff.password.no-terminal", PASSWORD_VARIABLE);
        }
        char[] typed = console.readPassword("%s", t.text(promptKey, of));
        if (typed == null) {
            throw new Refusal("signoff.password.none");
        }
        return typed;
    }
}

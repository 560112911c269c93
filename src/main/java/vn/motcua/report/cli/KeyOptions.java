package vn.motcua.report.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.motcua.report.config.JobsFolder;
import vn.motcua.report.signoff.CertificateChecks;
import vn.motcua.report.signoff.SigningKey;
import vn.motcua.report.signoff.SigningKeys;
import vn.motcua.report.signoff.TrustAnchors;
import vn.motcua.report.system.Refusal;

/**
 * The signing options sign-off and seal share: {@code --keystore FILE.p12} or {@code --pkcs11 CONFIG},
 * {@code --alias}, {@code --trust}, and images. The password or PIN comes from MOTCUA_KEYSTORE_PASSWORD
 * or a prompt, never from an argument.
 */
@Component
class KeyOptions {

    static final String PASSWORD_VARIABLE = "MOTCUA_KEYSTORE_PASSWORD";

    private final Environment environment;
    private final JobsFolder jobs;
    private final Messages messages;

    KeyOptions(Environment environment, JobsFolder jobs, Messages messages) {
        this.environment = environment;
        this.jobs = jobs;
        this.messages = messages;
    }

    /** Refuses contradictory options before anything starts. */
    void check(CommandLine line, boolean keyRequired) {
        if (line.has("keystore") && line.has("pkcs11")) {
            throw new Refusal("signoff.key.both");
        }
        boolean key = line.has("keystore") || line.has("pkcs11");
        if (keyRequired && !key) {
            throw new Refusal("signoff.key.none", line.name());
        }
        if (line.has("alias") && !key) {
            throw new Refusal("signoff.key.alias-alone");
        }
    }

    /** The key the options name, or null when none is named (signed off on paper). */
    SigningKey key(CommandLine line) {
        String alias = line.option("alias", null);
        if (line.has("keystore")) {
            Path file = Path.of(line.option("keystore", ""));
            if (!Files.isRegularFile(file)) {
                throw new Refusal("signoff.keystore.missing", file);
            }
            char[] password = password("signoff.prompt.keystore", file);
            try {
                return SigningKeys.pkcs12(file, password, alias);
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        if (line.has("pkcs11")) {
            Path config = Path.of(line.option("pkcs11", ""));
            if (!Files.isRegularFile(config)) {
                throw new Refusal("signoff.token.config-missing", config);
            }
            char[] pin = password("signoff.prompt.pin", config);
            try {
                return SigningKeys.pkcs11(config, pin, alias);
            } finally {
                Arrays.fill(pin, '\0');
            }
        }
        return null;
    }

    /** {@code --trust FILE}, else the certificates of jobs/trust/. */
    List<java.security.cert.X509Certificate> anchors(CommandLine line) {
        List<Path> given = line.has("trust") ? List.of(Path.of(line.option("trust", ""))) : List.of();
        return TrustAnchors.load(given, jobs.trustFolder());
    }

    /**
     * The signer's handwritten signature: {@code --signature-image}, else the image the signer block of the
     * period's file or of report.yaml names for this signer; null when none.
     */
    byte[] signatureImage(CommandLine line, String period, String signer) {
        if (line.has("signature-image")) {
            return image(line, "signature-image");
        }
        for (var image : jobs.signatureImages(period)) {
            if (CertificateChecks.sameName(image.getKey(), signer)) {
                return png(image.getValue(), "signer.signature-image");
            }
        }
        return null;
    }

    /** The PNG an option names, or null when the option is absent. */
    static byte[] image(CommandLine line, String option) {
        if (!line.has(option)) {
            return null;
        }
        return png(Path.of(line.option(option, "")), "--" + option);
    }

    private static byte[] png(Path file, String where) {
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

    private char[] password(String promptKey, Path of) {
        String fromEnvironment = environment.getProperty(PASSWORD_VARIABLE);
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new Refusal("signoff.password.no-terminal", PASSWORD_VARIABLE);
        }
        char[] typed = console.readPassword("%s", messages.get(promptKey, of));
        if (typed == null) {
            throw new Refusal("signoff.password.none");
        }
        return typed;
    }
}

package vn.motcua.report.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.springframework.core.env.Environment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.motcua.report.config.ReportSettings;
import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.signoff.SignOff;
import vn.motcua.report.system.Refusal;

/**
 * {@code sign-off --period P [--revision N] --signer NAME --position TITLE [--on-behalf "KT. GIÁM ĐỐC"]
 * [--keystore FILE.p12 [--alias A]] [--out DIR]}: the final, signed report of a completed revision.
 * The keystore password comes from MOTCUA_KEYSTORE_PASSWORD or a prompt, never from an argument.
 */
@Command(name = "sign-off")
public class SignOffCommand implements vn.motcua.report.cli.Command, Launcher.Checked {

    static final String PASSWORD_VARIABLE = "MOTCUA_KEYSTORE_PASSWORD";

    @Option(names = "--period", required = true, paramLabel = "P", converter = Converters.PeriodName.class)
    String period;

    @Option(names = "--revision", paramLabel = "N", converter = Converters.RevisionNumber.class)
    Integer revision;

    @Option(names = "--signer", required = true, paramLabel = "NAME", converter = Converters.Text.class)
    String signer;

    @Option(names = "--position", required = true, paramLabel = "TITLE", converter = Converters.Text.class)
    String position;

    @Option(names = "--on-behalf", paramLabel = "TEXT", converter = Converters.Text.class)
    String onBehalf;

    @Option(names = "--keystore", paramLabel = "FILE.p12", converter = Converters.ExistingFile.class)
    Path keystore;

    @Option(names = "--alias", paramLabel = "A", converter = Converters.Text.class)
    String alias;

    @Option(names = "--out", paramLabel = "DIR")
    Path out = Path.of(RunCommand.DEFAULT_OUT);

    @Override
    public void check() {
        if (alias != null && keystore == null) {
            throw new Refusal("cli.sign-off.alias-without-keystore");
        }
    }

    @Override
    public int execute(Session session) throws Exception {
        ReportService reports = session.bean(ReportService.class);
        SignOff.Key key = keystore == null ? null : key(session);
        try (PeriodLock.Held lock = reports.lock(period)) {
            Revision r = reports.toSign(period, revision);
            SignOff.Result result = session.bean(SignOff.class).signOff(r,
                    new ReportSettings.Signer(onBehalf, position, signer), key, out);
            session.say("cli.sign-off.done", period, r.revision(), signer,
                    (onBehalf == null ? "" : onBehalf + " / ") + position, result.signedAt().toString());
            session.say(result.digitallySigned() ? "cli.sign-off.wrote-signed" : "cli.sign-off.wrote-unsigned",
                    result.file().toString(), result.pages());
            session.say("cli.sign-off.sha256", result.sha256());
            session.say("cli.sign-off.frozen", result.file().toString());
            return ExitCode.OK;
        }
    }

    private SignOff.Key key(Session session) {
        char[] password = password(session);
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            List<String> keys = new ArrayList<>();
            for (String a : Collections.list(store.aliases())) {
                if (store.isKeyEntry(a)) {
                    keys.add(a);
                }
            }
            String chosen = alias;
            if (chosen == null) {
                if (keys.size() != 1) {
                    throw new Refusal("cli.sign-off.which-key", keystore.toString(), keys.size(), String.join(", ", keys));
                }
                chosen = keys.get(0);
            } else if (!keys.contains(chosen)) {
                throw new Refusal("cli.sign-off.no-such-key", keystore.toString(), chosen, String.join(", ", keys));
            }
            Key k = store.getKey(chosen, password);
            Certificate[] chain = store.getCertificateChain(chosen);
            if (!(k instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
                throw new Refusal("cli.sign-off.no-private-key", chosen, keystore.toString());
            }
            return new SignOff.Key(privateKey, chain);
        } catch (IOException | GeneralSecurityException e) {
            // A wrong password and a file that is not PKCS#12 look alike to the keystore; the details go to the log.
            throw new Refusal(e, "cli.sign-off.keystore-unreadable", keystore.toString());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] password(Session session) {
        String fromEnvironment = session.bean(Environment.class).getProperty(PASSWORD_VARIABLE);
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new Refusal("cli.sign-off.no-password", PASSWORD_VARIABLE);
        }
        char[] typed = console.readPassword("%s", session.text("cli.sign-off.password-prompt", keystore.toString()));
        if (typed == null) {
            throw new Refusal("cli.sign-off.password-not-given");
        }
        return typed;
    }
}

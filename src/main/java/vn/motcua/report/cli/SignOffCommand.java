package vn.motcua.report.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.motcua.report.config.ReportSettings;
import vn.motcua.report.report.PeriodLock;
import vn.motcua.report.report.ReportService;
import vn.motcua.report.revision.Revision;
import vn.motcua.report.signoff.SignOff;

/**
 * {@code sign-off --period P [--revision N] --signer NAME --position TITLE [--on-behalf "KT. GIÁM ĐỐC"]
 * [--keystore FILE.p12 [--alias A]] [--out DIR]}: the final, signed report of a completed revision.
 * The keystore password comes from MOTCUA_KEYSTORE_PASSWORD or a prompt, never from an argument.
 */
@Component
public class SignOffCommand implements Cli.Command {

    static final String PASSWORD_VARIABLE = "MOTCUA_KEYSTORE_PASSWORD";

    private final ReportService reports;
    private final SignOff signOff;
    private final Environment environment;

    public SignOffCommand(ReportService reports, SignOff signOff, Environment environment) {
        this.reports = reports;
        this.signOff = signOff;
        this.environment = environment;
    }

    @Override
    public int execute(CommandLine line, PrintStream out, PrintStream err) throws Exception {
        String period = reports.periodName(line.option("period", null));
        String name = required(line, "signer");
        String position = required(line, "position");
        String onBehalf = line.has("on-behalf") ? required(line, "on-behalf") : null;
        if (line.has("alias") && !line.has("keystore")) {
            throw new UsageException("--alias names a key in a --keystore; give the keystore too");
        }
        SignOff.Key key = line.has("keystore") ? key(Path.of(line.option("keystore", "")), line.option("alias", null)) : null;
        Path outDir = Path.of(line.option("out", RunCommand.DEFAULT_OUT));
        try (PeriodLock.Held lock = reports.lock(period)) {
            Revision revision = reports.toSign(period, line.number("revision", "a revision number such as 1"));
            SignOff.Result result = signOff.signOff(revision, new ReportSettings.Signer(onBehalf, position, name), key,
                    outDir);
            out.println("Signed off " + period + " revision " + revision.revision() + ": " + name + ", "
                    + (onBehalf == null ? "" : onBehalf + " / ") + position + ", at " + result.signedAt());
            out.println("Wrote " + result.file() + " (" + result.pages() + " pages"
                    + (result.digitallySigned() ? ", digitally signed" : ", no digital signature") + ")");
            out.println("SHA-256 " + result.sha256());
            out.println("The revision is now frozen; check the file any time with: verify " + result.file());
            return ExitCode.OK;
        }
    }

    private static String required(CommandLine line, String option) {
        String value = line.option(option, "").strip();
        if (value.isEmpty()) {
            throw new UsageException("--" + option + " must not be empty");
        }
        return value;
    }

    private SignOff.Key key(Path keystore, String alias) {
        if (!Files.isRegularFile(keystore)) {
            throw new UsageException("keystore " + keystore + " does not exist or is not a file");
        }
        char[] password = password(keystore);
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            List<String> keys = new ArrayList<>();
            for (String a : Collections.list(store.aliases())) {
                if (store.isKeyEntry(a)) {
                    keys.add(a);
                }
            }
            if (alias == null) {
                if (keys.size() != 1) {
                    throw new UsageException("keystore " + keystore + " holds " + keys.size() + " keys " + keys
                            + "; say which with --alias");
                }
                alias = keys.get(0);
            } else if (!keys.contains(alias)) {
                throw new UsageException("keystore " + keystore + " has no key '" + alias + "'; it has " + keys);
            }
            Key k = store.getKey(alias, password);
            Certificate[] chain = store.getCertificateChain(alias);
            if (!(k instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
                throw new UsageException("key '" + alias + "' in " + keystore + " has no private key with a certificate");
            }
            return new SignOff.Key(privateKey, chain);
        } catch (IOException | GeneralSecurityException e) {
            throw new UsageException("could not open keystore " + keystore + ": wrong password, or not a PKCS#12 file ("
                    + Cli.rootMessage(e) + ")");
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private char[] password(Path keystore) {
        String fromEnvironment = environment.getProperty(PASSWORD_VARIABLE);
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new UsageException("the keystore password is read from " + PASSWORD_VARIABLE
                    + " or typed at a prompt; set the variable when no terminal is attached");
        }
        char[] typed = console.readPassword("Password of %s: ", keystore);
        if (typed == null) {
            throw new UsageException("no keystore password given");
        }
        return typed;
    }
}

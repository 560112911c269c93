package vn.motcua.report.signoff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import javax.security.auth.login.LoginException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.report.system.Refusal;

/**
 * Opens the signer's key: a PKCS#12 file, or a PKCS#11 token (USB token, HSM) through Java's SunPKCS11
 * provider configured with the token's configuration file ({@code name}, {@code library}, {@code slot}
 * or {@code slotListIndex}). The key of a token never leaves it: signing goes through its provider.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {
    }

    /** The key of a PKCS#12 file; {@code alias} only when the file holds several. */
    public static SigningKey pkcs12(Path file, char[] password, String alias) {
        if (!Files.isRegularFile(file)) {
            throw new Refusal("signoff.keystore.missing", file);
        }
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            log.info("keystore {} could not be opened", file, e);
            throw new Refusal(e, "signoff.keystore.unreadable", file);
        }
        return key(store, password, alias, file.toString(), null);
    }

    /** The key on the token that the SunPKCS11 configuration file names. */
    public static SigningKey pkcs11(Path configuration, char[] pin, String alias) {
        if (!Files.isRegularFile(configuration)) {
            throw new Refusal("signoff.token.config-missing", configuration);
        }
        Provider provider;
        try {
            provider = Security.getProvider("SunPKCS11").configure(configuration.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            // Library missing, wrong slot, malformed file: SunPKCS11 says which in its own words, for the log.
            log.info("PKCS#11 configuration {} refused", configuration, e);
            throw new Refusal(e, "signoff.token.unavailable", configuration);
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
        } catch (IOException e) {
            log.info("token of {} could not be opened", configuration, e);
            if (causedBy(e, LoginException.class) || String.valueOf(e.getMessage()).contains("PIN")) {
                throw new Refusal(e, "signoff.token.pin", configuration);
            }
            throw new Refusal(e, "signoff.token.unavailable", configuration);
        } catch (GeneralSecurityException e) {
            log.info("token of {} could not be opened", configuration, e);
            throw new Refusal(e, "signoff.token.unavailable", configuration);
        }
        return key(store, pin, alias, configuration.toString(), provider);
    }

    private static SigningKey key(KeyStore store, char[] password, String alias, String where, Provider provider) {
        try {
            List<String> keys = new ArrayList<>();
            for (String a : Collections.list(store.aliases())) {
                if (store.isKeyEntry(a)) {
                    keys.add(a);
                }
            }
            Collections.sort(keys);
            if (alias == null) {
                if (keys.size() != 1) {
                    throw new Refusal(keys.isEmpty() ? "signoff.keystore.no-key" : "signoff.keystore.several-keys",
                            where, String.join(", ", keys));
                }
                alias = keys.get(0);
            } else if (!keys.contains(alias)) {
                throw new Refusal("signoff.keystore.no-such-key", where, alias, String.join(", ", keys));
            }
            Key k = store.getKey(alias, password);
            Certificate[] chain = store.getCertificateChain(alias);
            if (!(k instanceof PrivateKey privateKey) || chain == null || chain.length == 0
                    || !(chain[0] instanceof X509Certificate)) {
                throw new Refusal("signoff.keystore.no-certificate", where, alias);
            }
            X509Certificate[] x509 = Arrays.stream(chain).map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
            return new SigningKey(privateKey, x509, provider);
        } catch (GeneralSecurityException e) {
            log.info("key {} of {} could not be read", alias, where, e);
            throw new Refusal(e, "signoff.keystore.unreadable", where);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}

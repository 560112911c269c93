package vn.motcua.report.signoff;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;

/**
 * A private key and its certificate chain (the signer's own certificate first), from a PKCS#12 file
 * or a PKCS#11 token.
 *
 * @param provider the token's provider, which alone can use a key that never leaves the token; null for
 *                 a key in memory
 */
public record SigningKey(PrivateKey key, X509Certificate[] chain, Provider provider) {

    public X509Certificate certificate() {
        return chain[0];
    }
}

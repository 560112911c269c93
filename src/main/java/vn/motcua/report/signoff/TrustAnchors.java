package vn.motcua.report.signoff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.report.system.Refusal;

/**
 * The CA certificates a signer's chain is checked against (e.g. the Government Cipher Committee's root):
 * the files given with {@code --trust}, else every {@code .cer}/{@code .crt}/{@code .pem} of {@code jobs/trust/}.
 */
public final class TrustAnchors {

    private static final Logger log = LoggerFactory.getLogger(TrustAnchors.class);

    private TrustAnchors() {
    }

    public static List<X509Certificate> load(List<Path> given, Optional<Path> trustFolder) {
        List<Path> files = new ArrayList<>(given);
        if (files.isEmpty() && trustFolder.isPresent()) {
            try (DirectoryStream<Path> folder = Files.newDirectoryStream(trustFolder.get(), "*.{cer,crt,pem}")) {
                folder.forEach(files::add);
            } catch (IOException e) {
                log.info("trust folder {} unreadable", trustFolder.get(), e);
                throw new Refusal(e, "signoff.trust.unreadable", trustFolder.get());
            }
            files.sort(null);
        }
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new Refusal("signoff.trust.missing", file);
            }
            try (InputStream in = Files.newInputStream(file)) {
                anchors.add((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
            } catch (IOException | CertificateException | ClassCastException e) {
                log.info("trust anchor {} unreadable", file, e);
                throw new Refusal(e, "signoff.trust.unreadable", file);
            }
        }
        return anchors;
    }
}

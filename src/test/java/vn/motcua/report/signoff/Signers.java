package vn.motcua.report.signoff;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Who signs in the signing tests, issued once per test class by a test authority: the director (the person,
 * key "giam-doc") who signs off, and the organisation (key "co-quan") whose clerk seals. Each test gets them
 * as PKCS#12 files in its own folder, with their password where the product reads it
 * (MOTCUA_KEYSTORE_PASSWORD, a system property in tests), and the authority's root to trust.
 */
final class Signers {

    final TestPki.Issued person;
    final TestPki.Issued organisation;
    private final TestAuthority authority;

    Signers(TestAuthority authority) throws Exception {
        this.authority = authority;
        this.person = authority.person();
        this.organisation = authority.organisation();
    }

    /** The two keystores of one test, in its folder. */
    record Keystores(Path person, Path organisation) {
    }

    /** Writes giam-doc.p12 and van-thu.p12 into {@code folder} and sets their password for the product. */
    Keystores keystores(Path folder) throws Exception {
        Keystores keystores = new Keystores(TestPki.p12(folder.resolve("giam-doc.p12"), "giam-doc", person),
                TestPki.p12(folder.resolve("van-thu.p12"), "co-quan", organisation));
        // What the operator's environment would hold; never a command-line argument.
        System.setProperty("MOTCUA_KEYSTORE_PASSWORD", TestPki.PASSWORD);
        return keystores;
    }

    /** The authority's root as a file in {@code folder} (ca.cer), for verify --trust. */
    Path trustedRoot(Path folder) throws Exception {
        return authority.caFile(folder.resolve("ca.cer"));
    }

    /** Forgets the password, so that no other test finds it set. */
    static void forgetPassword() {
        System.clearProperty("MOTCUA_KEYSTORE_PASSWORD");
    }

    /** sign-off of the demo's period 2021-02 by the director for the deputy, writing into {@code out}, and more. */
    static String[] signOff(Path out, String... extra) {
        return concat(new String[] {"sign-off", "--period", "2021-02", "--signer", TestPki.PERSON, "--position",
                "PHÓ GIÁM ĐỐC", "--on-behalf", "KT. GIÁM ĐỐC", "--out", out.toString()}, extra);
    }

    /** The signed-off file of 2021-02's revision, as sign-off --out {@code out} writes it. */
    static Path signed(Path out, int revision) {
        return out.resolve("2021-02/bao-cao-2021-02-r" + revision + "-signed.pdf");
    }

    /** The sealed file of 2021-02's revision 1. */
    static Path sealed(Path out) {
        return out.resolve("2021-02/bao-cao-2021-02-r1-sealed.pdf");
    }

    static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

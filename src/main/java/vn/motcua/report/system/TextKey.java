package vn.motcua.report.system;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How names written by people are compared: the same words whatever the case, spacing or Unicode form. */
public final class TextKey {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextKey() {
    }

    /** NFC, no BOM, trimmed, single spaces, lower case: "  Ngày  tiếp nhận" and "NGÀY TIẾP NHẬN" are one key. */
    public static String of(String text) {
        return SPACES.matcher(normal(text)).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** NFC, no BOM, trimmed, single spaces; the case kept: how a name the catalogue does not list is shown. */
    public static String normal(String text) {
        String t = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        t = t.replace("\uFEFF", "").strip();
        return SPACES.matcher(t).replaceAll(" ");
    }
}

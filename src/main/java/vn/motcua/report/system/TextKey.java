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
        return normal(text).toLowerCase(Locale.ROOT);
    }

    /** NFC, no BOM, trimmed, single spaces; the case kept: how a name the catalogue does not list is shown. */
    public static String normal(String text) {
        String t = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        if (spacedOnce(t)) {
            // Most values are already written so (every row of a large export): no regular expression for them.
            return t;
        }
        t = t.replace("\uFEFF", "").strip();
        return SPACES.matcher(t).replaceAll(" ");
    }

    /** No BOM, no space at either end, no white space but single plain spaces. */
    private static boolean spacedOnce(String t) {
        int n = t.length();
        if (n > 0 && (t.charAt(0) == ' ' || t.charAt(n - 1) == ' ')) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c == '\uFEFF' || (c == ' ' ? i + 1 < n && t.charAt(i + 1) == ' ' : Character.isWhitespace(c))) {
                return false;
            }
        }
        return true;
    }
}

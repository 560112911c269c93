package vn.motcua.report.importing.source;

import java.text.Normalizer;
import java.util.Collection;
import java.util.regex.Pattern;

import vn.motcua.report.system.TextKey;

/** How headings and labels written by people are compared: the same words whatever the case, spacing or Unicode form. */
public final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Names() {
    }

    /** NFC, no BOM, trimmed, single spaces, lower case: "  Ngày  tiếp nhận" and "NGÀY TIẾP NHẬN" are one key. */
    public static String key(String text) {
        return TextKey.of(text);
    }

    /** The key without diacritics ("đất đai" → "dat dai"): only to suggest the name meant, never to accept one. */
    static String plain(String text) {
        String d = Normalizer.normalize(key(text).replace('đ', 'd'), Normalizer.Form.NFD);
        return MARKS.matcher(d).replaceAll("");
    }

    /** The candidate closest to {@code text}, when it is near enough to be what was meant; else null. */
    public static String closest(String text, Collection<String> candidates) {
        String p = plain(text);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(p, plain(c));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, plain(best).length() / 3) ? best : null;
    }

    /** Levenshtein distance; names are short, so the quadratic table is fine. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

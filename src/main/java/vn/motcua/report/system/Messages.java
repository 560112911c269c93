package vn.motcua.report.system;

import java.util.Enumeration;
import java.util.Locale;
import java.util.ResourceBundle;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The words a user reads, in one language: {@code messages.properties} (Vietnamese, the default) or
 * {@code messages_en.properties} (English), through Spring's MessageSource. Usable before Spring starts,
 * so that a typo on the command line is already answered in the user's language.
 */
public final class Messages {

    public static final String BUNDLE = "messages";
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Locale locale;
    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    private Messages(Locale locale) {
        this.locale = locale;
        source.setBasename(BUNDLE);
        source.setDefaultEncoding("UTF-8");
        // Vietnamese is the base bundle: never fall back to the machine's language (an English PC stays Vietnamese).
        source.setFallbackToSystemLocale(false);
        // Every text is a MessageFormat pattern, with or without arguments: '' is always one quote.
        source.setAlwaysUseMessageFormat(true);
        source.setUseCodeAsDefaultMessage(true);
    }

    public static Messages of(Locale locale) {
        return new Messages(locale);
    }

    /** "en" (any case, also en_US and the like) is English; anything else, or nothing, is Vietnamese. */
    public static Locale localeOf(String language) {
        return language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : VIETNAMESE;
    }

    /** Whether a language name is one of those offered ({@code vi}, {@code en}). */
    public static boolean known(String language) {
        String l = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        return l.equals("vi") || l.equals("en");
    }

    public Locale locale() {
        return locale;
    }

    public String text(String key, Object... arguments) {
        return source.getMessage(key, arguments, locale);
    }

    public String text(Worded worded) {
        Object[] arguments = worded.arguments();
        for (int i = 0; i < arguments.length; i++) {
            // An argument may itself be worded (a reason inside a sentence): it is worded too.
            if (arguments[i] instanceof Worded inner) {
                arguments[i] = text(inner);
            }
        }
        return text(worded.key(), arguments);
    }

    public boolean has(String key) {
        return source.getMessage(key, null, null, locale) != null;
    }

    /**
     * The texts whose keys start with {@code prefix}, as a ResourceBundle without the prefix (picocli reads
     * its help texts this way), each already worded (quotes unescaped).
     */
    public ResourceBundle bundle(String prefix) {
        ResourceBundle all = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return all.containsKey(prefix + key) ? text(prefix + key) : null;
            }

            @Override
            public Enumeration<String> getKeys() {
                return java.util.Collections.enumeration(all.keySet().stream().filter(k -> k.startsWith(prefix))
                        .map(k -> k.substring(prefix.length())).toList());
            }

            @Override
            public Locale getLocale() {
                return locale;
            }
        };
    }
}

package vn.motcua.report.cli;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.motcua.report.system.Refusal;

/**
 * The sentences of messages.properties in the user's language: Vietnamese, or English when
 * {@code MOTCUA_LANG=en}.
 */
@Component
public class Messages {

    private final MessageSource source;
    private final Environment environment;

    public Messages(MessageSource source, Environment environment) {
        this.source = source;
        this.environment = environment;
    }

    public String get(String key, Object... arguments) {
        return source.getMessage(key, arguments, locale());
    }

    public String of(Refusal refusal) {
        return get(refusal.key(), refusal.arguments());
    }

    private Locale locale() {
        return "en".equalsIgnoreCase(environment.getProperty("MOTCUA_LANG", "")) ? Locale.ENGLISH
                : Locale.forLanguageTag("vi");
    }
}

package vn.motcua.report.cli;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The sentences of messages.properties in the user's language ({@code motcua.lang}, as {@link Cli} words
 * refusals), for what commands print.
 */
@Component
public class Messages {

    private final MessageSource source;
    private final Locale locale;

    public Messages(MessageSource source, @Value("${motcua.lang:vi}") String language) {
        this.source = source;
        this.locale = Locale.forLanguageTag(language);
    }

    public String get(String key, Object... arguments) {
        return source.getMessage(key, arguments, locale);
    }
}

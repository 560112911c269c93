package vn.motcua.report.config;

import vn.motcua.report.system.Refusal;

/**
 * The job configuration in jobs/ is missing or wrong: a refusal whose words (messages.properties, keys
 * {@code config.*}) name the file, the line and the key.
 */
public class ConfigException extends Refusal {
    public ConfigException(String key, Object... arguments) {
        super(key, arguments);
    }

    public ConfigException(Throwable cause, String key, Object... arguments) {
        super(cause, key, arguments);
    }
}

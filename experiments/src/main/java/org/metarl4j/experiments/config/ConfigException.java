package org.metarl4j.experiments.config;

/**
 * An experiment config that cannot run: unknown key, wrong type, out-of-range value, unparsable file. The message
 * names the key's path (e.g. {@code maml.metaBatchSize}) and what is allowed; it is meant for the user, as is.
 */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.metarl4j.envs.gym;

/**
 * The server did not answer in time: within {@link GymClientConfig#connectTimeout()} to connect, or
 * {@link GymClientConfig#requestTimeout()} for the whole exchange.
 */
public final class GymTimeoutException extends GymException {
    private static final long serialVersionUID = 1L;

    GymTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}

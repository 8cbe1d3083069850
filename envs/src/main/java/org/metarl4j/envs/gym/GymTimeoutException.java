package org.metarl4j.envs.gym;

/** The server did not answer in time: {@link GymClientConfig#connectTimeout()} or {@link GymClientConfig#requestTimeout()}. */
public final class GymTimeoutException extends GymException {
    private static final long serialVersionUID = 1L;

    GymTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}

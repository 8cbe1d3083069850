package org.metarl4j.envs.gym.server;

/**
 * A request the server refuses, with the HTTP status and the message the client gets as {@code {"message": ...}}.
 * Upstream answers its own checks the same way (its {@code InvalidUsage}, always 400); we use it also where upstream
 * fails with a 500 HTML page (step before reset, a bad action), so a client always gets a readable reason.
 */
public final class GymRequestException extends RuntimeException {
    private final int status;

    public GymRequestException(int status, String message) {
        super(message);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a refused request needs a 4xx status, got " + status);
        }
        this.status = status;
    }

    /** A 400 Bad Request. */
    public static GymRequestException badRequest(String message) {
        return new GymRequestException(400, message);
    }

    public int status() {
        return status;
    }
}

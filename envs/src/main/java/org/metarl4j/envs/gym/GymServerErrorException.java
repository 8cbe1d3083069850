package org.metarl4j.envs.gym;

/**
 * The server failed with a 5xx status. gym-http-api answers every failure its own checks do not catch with Flask's
 * 500 HTML page (a Python exception on the server: step before reset, an action of the wrong kind, the Box-space
 * serialisation bug); the message names the known causes for the endpoint that failed.
 */
public final class GymServerErrorException extends GymException {
    private static final long serialVersionUID = 1L;
    private final int status;

    GymServerErrorException(String message, int status) {
        super(message, null);
        this.status = status;
    }

    /** The HTTP status, 500 or above. */
    public int status() {
        return status;
    }
}

package org.metarl4j.envs.gym;

/** No connection to the server (refused: nothing listens there), or the connection broke before an answer came. */
public final class GymConnectionException extends GymException {
    private static final long serialVersionUID = 1L;

    GymConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.metarl4j.envs.gym;

/**
 * The answer is not what the gym-http-api protocol says: not JSON, a missing or mistyped key, an observation of the
 * wrong length, an unexpected status (404: no such endpoint, so probably not a gym-http-api server).
 */
public final class GymProtocolException extends GymException {
    private static final long serialVersionUID = 1L;

    GymProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}

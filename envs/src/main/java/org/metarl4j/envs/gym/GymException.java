package org.metarl4j.envs.gym;

/**
 * A gym-http-api call that failed. The subtype says why, so callers can react (retry, re-create the instance, stop
 * the run) and the message says it in words meant for the user: which server, which call, what went wrong and,
 * where known, what to do about it. Every failure of {@link GymClient} and {@link GymRemoteEnv} is one of these.
 */
public abstract sealed class GymException extends RuntimeException
        permits GymConnectionException, GymTimeoutException, GymServerErrorException, GymProtocolException,
        GymRequestException, UnsupportedSpaceException, GymInstanceLostException {
    private static final long serialVersionUID = 1L;

    GymException(String message, Throwable cause) {
        super(message, cause);
    }
}

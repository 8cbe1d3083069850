package org.metarl4j.envs.gym;

/** The env's action or observation space is neither Discrete nor Box (Tuple, MultiBinary, MultiDiscrete, Dict...). */
public final class UnsupportedSpaceException extends GymException {
    private static final long serialVersionUID = 1L;

    UnsupportedSpaceException(String message) {
        super(message, null);
    }
}

package org.metarl4j.envs.gym;

/**
 * A remote env's server instance was lost in the middle of an episode (the server died or restarted, or a step
 * timed out so its outcome is unknown). The episode cannot go on; the next reset creates a new instance. The cause
 * is the failure that revealed it.
 */
public final class GymInstanceLostException extends GymException {
    private static final long serialVersionUID = 1L;

    GymInstanceLostException(String message, GymException cause) {
        super(message, cause);
    }
}

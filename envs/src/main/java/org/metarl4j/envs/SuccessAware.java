package org.metarl4j.envs;

/**
 * An env that reports task success (Meta-World's {@code info["success"]}). Evaluations count an episode as solved if
 * any of its steps succeeded, so that is what this exposes: success does not have to end the episode.
 */
public interface SuccessAware {

    /** Whether any step of the current episode (since the latest reset) reached a success state. */
    boolean everSucceeded();
}

package org.metarl4j.envs;

import java.util.Map;

/**
 * What one {@link Env#step} returns, with gym 0.26 / gymnasium semantics: {@code terminated} when the task's own
 * terminal condition holds (no bootstrapping past it), {@code truncated} when the episode was cut by the time limit.
 */
public record Step(double[] observation, double reward, boolean terminated, boolean truncated,
                   Map<String, Object> info) {

    public Step {
        info = info == null ? Map.of() : Map.copyOf(info);
    }

    /** Whether the episode is over for either reason. */
    public boolean done() {
        return terminated || truncated;
    }
}

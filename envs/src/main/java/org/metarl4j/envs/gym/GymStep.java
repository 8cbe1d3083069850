package org.metarl4j.envs.gym;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step's answer with gym 0.21 semantics: {@code done} ends the episode for either reason; gym's TimeLimit wrapper
 * marks a time-limit cut with {@code info["TimeLimit.truncated"] = true}.
 *
 * @param observation the next observation, flattened
 * @param reward the step's reward
 * @param done whether the episode ended (terminal state or time limit)
 * @param info the env's info dict as JSON values
 */
public record GymStep(double[] observation, double reward, boolean done, Map<String, Object> info) {
    /** The info key gym 0.21's TimeLimit wrapper sets when it ends an episode. */
    public static final String TIME_LIMIT_TRUNCATED = "TimeLimit.truncated";

    public GymStep {
        info = info == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(info));
    }

    /** Whether the episode was cut by gym's time limit (done without reaching a terminal state). */
    public boolean truncatedByTimeLimit() {
        return done && Boolean.TRUE.equals(info.get(TIME_LIMIT_TRUNCATED));
    }

    /** Whether the episode reached a terminal state of the task: gymnasium's {@code terminated}. */
    public boolean terminated() {
        return done && !truncatedByTimeLimit();
    }
}

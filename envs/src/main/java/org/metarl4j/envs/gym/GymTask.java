package org.metarl4j.envs.gym;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.metarl4j.envs.Task;

/**
 * A task served by a gym-http-api server: which env to create there and, for a server that takes them (MetaRL4J's
 * {@code gym serve}), the task parameters sent with the create call, e.g. {@code CartPole-v1} with
 * {@code {"poleLength": 0.8}}. Logged with the other tasks as {@code {"family":"gym","envId":...,"parameters":...}}.
 *
 * <p>Which parameters an env takes and their ranges are the server's business: it answers 400 with its reason to a
 * task it cannot make, and that surfaces as a {@link GymRequestException} when the instance is created.
 *
 * @param envId the gym env id, e.g. {@code CartPole-v1}
 * @param parameters the server-side task parameters (finite numbers, booleans or strings), sorted by name; empty for
 *     the env as registered
 */
public record GymTask(String envId, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> parameters)
        implements Task {

    public GymTask {
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    /** The env as registered on the server, no task parameters. */
    public GymTask(String envId) {
        this(envId, Map.of());
    }

    @Override
    public void validate() {
        if (envId == null || envId.isBlank() || !envId.strip().equals(envId) || envId.chars()
                .anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("gym task env id must be a gym id such as CartPole-v1, got '"
                    + envId + "'");
        }
        for (Map.Entry<String, Object> p : parameters.entrySet()) {
            Object v = p.getValue();
            boolean ok = v instanceof String || v instanceof Boolean
                    || (v instanceof Number n && Double.isFinite(n.doubleValue()));
            if (p.getKey().isBlank() || !ok) {
                throw new IllegalArgumentException("gym task parameter '" + p.getKey() + "' = " + v + " of "
                        + envId + " is invalid: names must be non-blank and values finite numbers, booleans or "
                        + "strings");
            }
        }
    }

    /** The parameter names, sorted. */
    public List<String> parameterNames() {
        return List.copyOf(parameters.keySet());
    }
}

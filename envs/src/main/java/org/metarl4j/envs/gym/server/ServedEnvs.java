package org.metarl4j.envs.gym.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.Tasks;
import org.metarl4j.envs.bandit.BanditTask;
import org.metarl4j.envs.bandit.BernoulliBanditEnv;
import org.metarl4j.envs.tabular.TabularMdpEnv;
import org.metarl4j.envs.tabular.TabularMdpTask;

/**
 * The envs the server makes, by registered env id ({@code "CartPole-v1"}, {@code "Navigation2D-v0"}, ...: every
 * family of {@link EnvFamilies}), each set to its family's default task or to a task the client sends.
 *
 * <p>A client task is a JSON object of the family's task parameters ({@code {"poleLength": 0.8}}); parameters it
 * leaves out keep the default task's values, and the result is validated by the task record. Families whose sizes
 * are constructor parameters take them from the task: a bandit gets as many arms as {@code armProbabilities} has, a
 * tabular MDP as many states and actions as {@code transitions} / {@code rewardMeans} have.
 */
final class ServedEnvs {
    private final Map<String, EnvFamily<?>> familiesByEnvId;

    private ServedEnvs(Map<String, EnvFamily<?>> familiesByEnvId) {
        this.familiesByEnvId = Collections.unmodifiableMap(familiesByEnvId);
    }

    /** Every registered family, by its env id. */
    static ServedEnvs builtIn() {
        Map<String, EnvFamily<?>> byId = new LinkedHashMap<>();
        for (EnvFamily<?> family : EnvFamilies.all()) {
            EnvFamily<?> previous = byId.put(family.envId(), family);
            if (previous != null) {
                throw new IllegalStateException("env id " + family.envId() + " is registered by both "
                        + previous.name() + " and " + family.name());
            }
        }
        return new ServedEnvs(byId);
    }

    /** The env ids served, in registry order. */
    List<String> envIds() {
        return List.copyOf(familiesByEnvId.keySet());
    }

    /**
     * A new env of {@code envId}: the family's default task when {@code taskFields} is empty, else that task with the
     * given parameters replaced.
     *
     * @throws GymRequestException (400) for an unknown env id (upstream's message), a task that is not an object, an
     *     unknown or null parameter, or a parameter out of range (the task record's message, naming it)
     */
    Env<?> newEnv(String envId, Optional<JsonNode> taskFields) {
        EnvFamily<?> family = familiesByEnvId.get(envId);
        if (family == null) {
            throw GymRequestException.badRequest("Attempted to look up malformed environment ID '" + envId + "'");
        }
        Env<?> defaultEnv = family.envFactory().get();
        if (taskFields.isEmpty()) {
            return defaultEnv;
        }
        Task task = taskFrom(envId, family, defaultEnv.task(), taskFields.get());
        defaultEnv.close();
        return envFor(family, task);
    }

    private static Task taskFrom(String envId, EnvFamily<?> family, Task defaults, JsonNode given) {
        if (!given.isObject()) {
            throw GymRequestException.badRequest("task must be a JSON object of " + envId + " task parameters, got "
                    + GymJson.excerpt(given));
        }
        ObjectNode merged = (ObjectNode) GymJson.tree(Tasks.toJson(defaults));
        List<String> known = new ArrayList<>();
        merged.fieldNames().forEachRemaining(known::add);
        known.remove("family");
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("family")) {
                if (!value.asText().equals(family.name())) {
                    throw GymRequestException.badRequest("task family " + GymJson.excerpt(value)
                            + " does not match " + envId + ", whose family is '" + family.name() + "'");
                }
                continue;
            }
            if (!known.contains(name)) {
                throw GymRequestException.badRequest("unknown task parameter '" + name + "' for " + envId
                        + "; known: " + String.join(", ", known));
            }
            if (value.isNull()) {
                throw GymRequestException.badRequest("task parameter '" + name + "' must not be null");
            }
            merged.set(name, value);
        }
        try {
            return Tasks.fromJson(merged.toString());
        } catch (IllegalArgumentException e) {
            throw GymRequestException.badRequest(e.getMessage());
        }
    }

    /** A new env for a validated task, sized by the task where the family's sizes are constructor parameters. */
    private static Env<?> envFor(EnvFamily<?> family, Task task) {
        try {
            if (task instanceof BanditTask bandit) {
                return new BernoulliBanditEnv(bandit.arms(), bandit);
            }
            if (task instanceof TabularMdpTask mdp) {
                return new TabularMdpEnv(mdp.numStates(), mdp.numActions(), mdp);
            }
            return withTask(family, task);
        } catch (IllegalArgumentException e) {
            throw GymRequestException.badRequest(e.getMessage());
        }
    }

    /** Safe: the task was read with the family's own tag, so it is the family's task type. */
    @SuppressWarnings("unchecked")
    private static <T extends Task> Env<T> withTask(EnvFamily<T> family, Task task) {
        return family.newEnv((T) task);
    }
}

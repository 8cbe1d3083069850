package org.metarl4j.envs.gym;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.TaskDistribution;

/**
 * Tasks on a gym server: an env id drawn uniformly from {@code envIds} (no draw when there is one), then each
 * parameter drawn uniformly from its range, in list order (a fixed range draws nothing). Two ways to make a family of
 * tasks from a server: several env ids with equal spaces, or one env the server parameterizes (MetaRL4J's
 * {@code gym serve} takes a {@code task} object on create).
 *
 * @param envIds the env ids, distinct, at least one
 * @param parameters ranges of the task parameters sent to the server (empty: the envs as registered)
 */
public record GymTaskDistribution(List<String> envIds, List<ParameterRange> parameters)
        implements TaskDistribution<GymTask> {

    public GymTaskDistribution {
        if (envIds == null || envIds.isEmpty()) {
            throw new IllegalArgumentException("a gym task distribution needs at least one env id");
        }
        envIds = List.copyOf(envIds);
        if (new HashSet<>(envIds).size() != envIds.size()) {
            throw new IllegalArgumentException("gym env ids must be distinct, got " + envIds);
        }
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        if (parameters.stream().map(ParameterRange::name).distinct().count() != parameters.size()) {
            throw new IllegalArgumentException("gym task parameters must have distinct names, got " + parameters);
        }
        for (String id : envIds) {
            new GymTask(id).validate();
        }
    }

    /** The one env {@code envId}, unparameterized. */
    public static GymTaskDistribution single(String envId) {
        return new GymTaskDistribution(List.of(envId), List.of());
    }

    @Override
    public GymTask sample(SplittableRandom rng) {
        String envId = envIds.size() == 1 ? envIds.get(0) : envIds.get(rng.nextInt(envIds.size()));
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterRange range : parameters) {
            values.put(range.name(), range.sample(rng));
        }
        return new GymTask(envId, values);
    }
}

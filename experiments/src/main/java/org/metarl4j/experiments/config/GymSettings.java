package org.metarl4j.experiments.config;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.gym.GymClientConfig;
import org.metarl4j.envs.gym.GymSeeding;
import org.metarl4j.envs.gym.GymTaskDistribution;

/**
 * The {@code gym:} section of an experiment whose family is {@code gym} ({@code maml.family: gym} or
 * {@code rl2.family: gym}): train on envs served by a gym-http-api server. {@code url}, {@code envIds} and
 * {@code maxEpisodeSteps} must be given; the other keys have the defaults of {@link #DEFAULTS}.
 *
 * @param url the server, e.g. {@code http://127.0.0.1:5000}
 * @param envIds the env ids tasks are drawn from (uniformly); all must have the same spaces
 * @param maxEpisodeSteps the time limit (the protocol does not report gym's: give e.g. 500 for CartPole-v1)
 * @param parameters server-side task parameters, each drawn uniformly from its [min, max] per task, e.g.
 *     {@code poleLength: [0.25, 0.75]} (needs a server that takes a {@code task} on create, as MetaRL4J's
 *     {@code gym serve}; upstream gym-http-api ignores it)
 * @param seeding how server instances are seeded: none, per-instance (a seed from the run's generators when an
 *     instance is created for a task) or per-episode (a new seeded instance every episode)
 * @param connectTimeoutSeconds time to connect
 * @param requestTimeoutSeconds time for one whole request
 * @param retries further attempts of a repeatable call (create, reset, space queries, close; never a step)
 * @param backoffSeconds wait before the first retry, doubled before each next one
 */
@JsonPropertyOrder({"url", "envIds", "maxEpisodeSteps", "parameters", "seeding", "connectTimeoutSeconds",
    "requestTimeoutSeconds", "retries", "backoffSeconds"})
public record GymSettings(String url, List<String> envIds, int maxEpisodeSteps, Map<String, List<Double>> parameters,
                          GymSeeding seeding, double connectTimeoutSeconds, double requestTimeoutSeconds,
                          int retries, double backoffSeconds) {

    /** The keys that may be left out, with their values. */
    public static final Map<String, Object> DEFAULTS = defaults();

    private static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("parameters", Map.of());
        d.put("seeding", GymSeeding.PER_INSTANCE.toString());
        d.put("connectTimeoutSeconds", 5.0);
        d.put("requestTimeoutSeconds", 30.0);
        d.put("retries", 3);
        d.put("backoffSeconds", 0.5);
        return Collections.unmodifiableMap(d);
    }

    public GymSettings {
        require(url != null, "url must be given, e.g. http://127.0.0.1:5000");
        try {
            GymClientConfig.of(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url: " + e.getMessage(), e);
        }
        require(envIds != null && !envIds.isEmpty(), "envIds must list at least one env id, e.g. [CartPole-v1]");
        envIds = List.copyOf(envIds);
        require(maxEpisodeSteps >= 1, "maxEpisodeSteps must be >= 1 (gym's time limit, e.g. 500 for CartPole-v1), "
                + "got " + maxEpisodeSteps);
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        for (Map.Entry<String, List<Double>> p : parameters.entrySet()) {
            List<Double> range = p.getValue();
            require(range != null && range.size() == 2 && range.stream().allMatch(v -> v != null
                    && Double.isFinite(v)) && range.get(0) <= range.get(1), "parameters." + p.getKey()
                    + " must be [min, max] with finite min <= max, got " + range);
        }
        require(seeding != null, "seeding must be one of none, per-instance, per-episode");
        require(connectTimeoutSeconds > 0 && connectTimeoutSeconds <= 3600,
                "connectTimeoutSeconds must be in (0, 3600], got " + connectTimeoutSeconds);
        require(requestTimeoutSeconds > 0 && requestTimeoutSeconds <= 3600,
                "requestTimeoutSeconds must be in (0, 3600], got " + requestTimeoutSeconds);
        require(retries >= 0 && retries <= GymClientConfig.MAX_RETRIES, "retries must be in [0, "
                + GymClientConfig.MAX_RETRIES + "], got " + retries);
        require(backoffSeconds >= 0 && backoffSeconds <= 60, "backoffSeconds must be in [0, 60], got "
                + backoffSeconds);
        try {
            new GymTaskDistribution(envIds, List.of());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("envIds: " + e.getMessage(), e);
        }
    }

    /** The client's url, time-outs and retries. */
    public GymClientConfig clientConfig() {
        return GymClientConfig.of(url).withTimeouts(seconds(connectTimeoutSeconds), seconds(requestTimeoutSeconds))
                .withRetries(retries, seconds(backoffSeconds));
    }

    /** The task distribution: an env id, then each parameter from its range, in the order given. */
    public GymTaskDistribution tasks() {
        List<ParameterRange> ranges = new ArrayList<>();
        parameters.forEach((name, range) -> ranges.add(new ParameterRange(name, range.get(0), range.get(1))));
        return new GymTaskDistribution(envIds, ranges);
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}

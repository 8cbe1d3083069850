package org.metarl4j.envs.gym;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.metarl4j.envs.gym.ScriptedGymServer.Reply;
import org.metarl4j.envs.gym.ScriptedGymServer.Request;

/**
 * A tiny stateful gym-http-api server on a {@link ScriptedGymServer}, for testing {@link GymRemoteEnv}'s episode and
 * instance handling without Python. Envs:
 * <ul>
 *   <li>{@code Counter-v0}: observation [t, seed] (Box, unbounded), Discrete(3) actions, reward = action, ends in a
 *   terminal state after {@code length} steps (task parameter, default 5);
 *   <li>{@code Timed-v0}: the same, but gym's TimeLimit ends it after {@code length} steps
 *   ({@code info["TimeLimit.truncated"]});
 *   <li>{@code Slide-v0}: observation [t, last action], Box[-1, 1] actions, never ends by itself.
 * </ul>
 */
final class ToyGymServer implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One instance's state. */
    private static final class Instance {
        final String envId;
        final long seed;
        final int length;
        int t = -1;
        double last;

        Instance(String envId, long seed, int length) {
            this.envId = envId;
            this.seed = seed;
            this.length = length;
        }
    }

    final ScriptedGymServer http = ScriptedGymServer.start();
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger(0x32944ea0);

    ToyGymServer() {
        http.on("POST", "/v1/envs/", this::create);
        http.onMatching("POST /v1/envs/([0-9a-f]+)/reset/", (m, r) -> withInstance(m.group(1), this::reset));
        http.onMatching("POST /v1/envs/([0-9a-f]+)/step/", (m, r) -> withInstance(m.group(1), i -> step(i, r)));
        http.onMatching("POST /v1/envs/([0-9a-f]+)/close/", (m, r) -> withInstance(m.group(1), i -> {
            instances.remove(m.group(1));
            return Reply.noContent();
        }));
        http.onMatching("GET /v1/envs/([0-9a-f]+)/action_space/", (m, r) -> withInstance(m.group(1),
                i -> Reply.json(i.envId.equals("Slide-v0")
                        ? "{\"info\":{\"high\":[1.0],\"low\":[-1.0],\"name\":\"Box\",\"shape\":[1]}}"
                        : "{\"info\":{\"n\":3,\"name\":\"Discrete\"}}")));
        http.onMatching("GET /v1/envs/([0-9a-f]+)/observation_space/", (m, r) -> withInstance(m.group(1),
                i -> Reply.json("{\"info\":{\"high\":[1e+100,1e+100],\"low\":[-1e+100,-1e+100],\"name\":\"Box\","
                        + "\"shape\":[2]}}")));
    }

    String url() {
        return http.url();
    }

    /** Forgets every instance, as a restarted server does. */
    void restart() {
        instances.clear();
    }

    int liveInstances() {
        return instances.size();
    }

    private Reply create(Request request) {
        JsonNode body = read(request);
        String envId = body.path("env_id").asText();
        if (!Map.of("Counter-v0", 1, "Timed-v0", 1, "Slide-v0", 1).containsKey(envId)) {
            return Reply.json(400, "{\"message\":\"Attempted to look up malformed environment ID '" + envId + "'\"}");
        }
        int length = body.path("task").path("length").asInt(5);
        String id = Integer.toHexString(next.getAndIncrement());
        instances.put(id, new Instance(envId, body.path("seed").asLong(0), length));
        return Reply.json("{\"instance_id\":\"" + id + "\"}");
    }

    private Reply reset(Instance i) {
        i.t = 0;
        i.last = 0;
        return Reply.json("{\"observation\":[0.0," + (double) i.seed + "]}");
    }

    private Reply step(Instance i, Request request) {
        if (i.t < 0) {
            return Reply.internalError(); // gym's OrderEnforcing: step before reset
        }
        JsonNode action = read(request).get("action");
        double reward;
        if (i.envId.equals("Slide-v0")) {
            if (!action.isArray()) {
                return Reply.internalError();
            }
            i.last = action.get(0).asDouble();
            reward = -Math.abs(i.last);
        } else {
            if (!action.isInt() || action.asInt() < 0 || action.asInt() > 2) {
                return Reply.internalError();
            }
            reward = action.asInt();
            i.last = reward;
        }
        i.t++;
        boolean done = !i.envId.equals("Slide-v0") && i.t >= i.length;
        String info = done && i.envId.equals("Timed-v0") ? "{\"TimeLimit.truncated\":true}" : "{}";
        return Reply.json("{\"done\":" + done + ",\"info\":" + info + ",\"observation\":[" + (double) i.t + ","
                + (i.envId.equals("Slide-v0") ? i.last : (double) i.seed) + "],\"reward\":" + reward + "}");
    }

    private Reply withInstance(String id, java.util.function.Function<Instance, Reply> action) {
        Instance i = instances.get(id);
        return i == null ? Reply.json(400, "{\"message\":\"Instance_id " + id + " unknown\"}") : action.apply(i);
    }

    private static JsonNode read(Request request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}

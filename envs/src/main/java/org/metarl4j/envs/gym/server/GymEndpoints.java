package org.metarl4j.envs.gym.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.metarl4j.envs.gym.server.GymRouter.Route;

/**
 * The endpoints of the gym-http-api protocol (upstream {@code gym_http_server.py}), each answering with upstream's
 * JSON keys and status codes. Where upstream fails with a 500 HTML page, these answer 400 with a
 * {@code {"message": ...}} that says what was wrong; where upstream checks, they use its messages.
 */
final class GymEndpoints {
    static final String INSTANCE = "instance_id";

    private final EnvInstances instances;
    private final Runnable requestShutdown;

    /**
     * @param requestShutdown stops the server once the current answers are sent (called by {@code POST /v1/shutdown/})
     */
    GymEndpoints(EnvInstances instances, Runnable requestShutdown) {
        this.instances = instances;
        this.requestShutdown = requestShutdown;
    }

    /** The routes, slashes exactly as upstream's. */
    List<Route> routes() {
        String instance = "/v1/envs/{" + INSTANCE + "}";
        return List.of(
                new Route("POST", "/v1/envs/", (params, body) -> create(body)),
                new Route("GET", "/v1/envs/", (params, body) -> list()),
                new Route("POST", instance + "/reset/", (params, body) -> reset(params)),
                new Route("POST", instance + "/step/", this::step),
                new Route("GET", instance + "/action_space/", (params, body) -> actionSpace(params)),
                new Route("GET", instance + "/action_space/sample", (params, body) -> sample(params)),
                new Route("GET", instance + "/action_space/contains/{x}", (params, body) -> contains(params)),
                new Route("GET", instance + "/observation_space/", (params, body) -> observationSpace(params)),
                new Route("POST", instance + "/observation_space/contains", this::observationContains),
                new Route("POST", instance + "/monitor/start/", this::monitorStart),
                new Route("POST", instance + "/monitor/close/", (params, body) -> monitorClose(params)),
                new Route("POST", instance + "/close/", (params, body) -> close(params)),
                new Route("POST", "/v1/upload/", (params, body) -> upload()),
                new Route("POST", "/v1/shutdown/", (params, body) -> shutdown()));
    }

    /**
     * {@code {"env_id": ..., "seed": ..., "task": {...}}} → {@code {"instance_id": ...}}. A seed, 0 included, makes
     * the instance reproducible (upstream ignores seed 0); {@code task} is our extension (see {@link ServedEnvs}).
     */
    private GymResponse create(byte[] bytes) {
        RequestBody body = RequestBody.parse(bytes);
        JsonNode envId = body.required("env_id");
        if (!envId.isTextual()) {
            throw GymRequestException.badRequest("env_id must be a string such as \"CartPole-v1\", got "
                    + GymJson.excerpt(envId));
        }
        EnvInstance instance = instances.create(envId.asText(), seed(body.optional("seed")),
                body.optional("task"));
        return GymResponse.ok(INSTANCE, instance.id());
    }

    private static OptionalLong seed(Optional<JsonNode> given) {
        if (given.isEmpty()) {
            return OptionalLong.empty();
        }
        JsonNode seed = given.get();
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw GymRequestException.badRequest("seed must be an integer (a Java long), got "
                    + GymJson.excerpt(seed));
        }
        return OptionalLong.of(seed.longValue());
    }

    private GymResponse list() {
        return GymResponse.ok("all_envs", instances.list());
    }

    private GymResponse reset(Map<String, String> params) {
        return GymResponse.ok("observation", instance(params).reset());
    }

    /** {@code {"action": ..., "render": ...}}; {@code render} is accepted and ignored (the server has no display). */
    private GymResponse step(Map<String, String> params, byte[] bytes) {
        RequestBody body = RequestBody.parse(bytes);
        JsonNode action = body.required("action");
        return GymResponse.ok(instance(params).step(action));
    }

    private GymResponse actionSpace(Map<String, String> params) {
        return GymResponse.ok("info", instance(params).actionSpaceInfo());
    }

    private GymResponse observationSpace(Map<String, String> params) {
        return GymResponse.ok("info", instance(params).observationSpaceInfo());
    }

    private GymResponse sample(Map<String, String> params) {
        return GymResponse.ok("action", instance(params).sampleAction());
    }

    private GymResponse contains(Map<String, String> params) {
        return GymResponse.ok("member", instance(params).actionSpaceContains(params.get("x")));
    }

    /**
     * Whether every key given matches the observation space's info, compared as JSON text like upstream
     * ({@code json.dumps(info[key]) != json.dumps(value)}). A key the info does not have is a 400 (upstream: 500).
     */
    private GymResponse observationContains(Map<String, String> params, byte[] bytes) {
        RequestBody body = RequestBody.parse(bytes);
        Map<String, Object> info = instance(params).observationSpaceInfo();
        boolean member = true;
        for (var it = body.fields().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!info.containsKey(field.getKey())) {
                throw GymRequestException.badRequest("unknown observation space property '" + field.getKey()
                        + "'; this space has: " + String.join(", ", info.keySet()));
            }
            member &= GymJson.write(info.get(field.getKey())).equals(GymJson.write(field.getValue()));
        }
        return GymResponse.ok("member", member);
    }

    /** {@code {"directory": ..., "force": ..., "resume": ..., "video_callable": ...}} → 204; see {@link EpisodeMonitor}. */
    private GymResponse monitorStart(Map<String, String> params, byte[] bytes) {
        RequestBody body = RequestBody.parse(bytes);
        JsonNode directory = body.required("directory");
        if (!directory.isTextual()) {
            throw GymRequestException.badRequest("directory must be a string, got "
                    + GymJson.excerpt(directory));
        }
        boolean force = body.optional("force").map(JsonNode::asBoolean).orElse(false);
        boolean resume = body.optional("resume").map(JsonNode::asBoolean).orElse(false);
        instance(params).startMonitor(directory.asText(), force, resume);
        return GymResponse.noContent();
    }

    private GymResponse monitorClose(Map<String, String> params) {
        instance(params).closeMonitor();
        return GymResponse.noContent();
    }

    private GymResponse close(Map<String, String> params) {
        instances.close(params.get(INSTANCE));
        return GymResponse.noContent();
    }

    /** Upstream calls {@code gym.upload}, which no longer exists (a 500); we say so. */
    private GymResponse upload() {
        throw GymRequestException.badRequest("upload is not supported: the OpenAI Gym scoreboard and gym.upload no"
                + " longer exist; keep the monitor's files (monitor/start, monitor/close) instead");
    }

    /** Upstream's answer (200, text/html, "Server shutting down"); the server stops once it is sent. */
    private GymResponse shutdown() {
        requestShutdown.run();
        return GymResponse.html(200, "Server shutting down");
    }

    private EnvInstance instance(Map<String, String> params) {
        return instances.get(params.get(INSTANCE));
    }
}

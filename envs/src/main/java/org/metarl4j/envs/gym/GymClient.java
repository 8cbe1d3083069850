package org.metarl4j.envs.gym;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.metarl4j.envs.space.Space;

/**
 * A client of one gym-http-api server (upstream: openai/gym-http-api, {@code gym_http_server.py}): every endpoint,
 * with the exact paths, keys and status codes of the upstream server (see the README's "Gym client" section), and
 * the extension of MetaRL4J's own server (an optional {@code task} object on create).
 *
 * <p>Every call is bounded by {@link GymClientConfig}'s time-outs; calls that are safe to repeat are retried with
 * back-off, a step never is. Failures are {@link GymException}s that say which server, which call and why.
 *
 * <p>The client keeps track of the instances it created: {@link #close()} closes those still open, and so does a
 * JVM shutdown hook if the JVM exits first. Thread-safe.
 */
public final class GymClient implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GymClient.class.getName());
    /** Instance ids go into paths: the server makes 8 hex digits; anything path-safe is accepted. */
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final String ENVS = "/v1/envs/";

    private final GymClientConfig config;
    private final GymHttp http;
    private final ObjectMapper json;
    private final OpenInstances open;
    private volatile boolean closed;

    public GymClient(GymClientConfig config) {
        this(config, duration -> Thread.sleep(duration.toMillis()));
    }

    /** A client with default time-outs and retries ({@link GymClientConfig#of}). */
    public static GymClient connect(String url) {
        return new GymClient(GymClientConfig.of(url));
    }

    GymClient(GymClientConfig config, GymHttp.Sleeper sleeper) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = new GymHttp(config, sleeper);
        this.json = http.json();
        this.open = new OpenInstances(this::closeAtExit, config.baseUrl().toString());
    }

    public GymClientConfig config() {
        return config;
    }

    public URI url() {
        return config.baseUrl();
    }

    /** Creates an unseeded instance of {@code envId} and returns its instance id. */
    public String create(String envId) {
        return create(envId, Map.of(), null);
    }

    /** Creates an instance of {@code envId} seeded with {@code seed} (at least 1: the server ignores 0). */
    public String create(String envId, long seed) {
        return create(envId, Map.of(), seed);
    }

    /**
     * Creates an instance; {@code POST /v1/envs/ {"env_id":..., "seed":..., "task":{...}}}.
     *
     * @param task the task parameters for a server that takes them (MetaRL4J's {@code gym serve}); empty sends no
     *     {@code task} key, as upstream expects (upstream ignores the key: its envs are not parameterized)
     * @param seed the env's seed, or null for an unseeded env; must be at least 1 because gym-http-api treats a
     *     seed of 0 as "no seed" ({@code if seed:})
     * @throws GymRequestException if the server does not know {@code envId} or rejects the task
     */
    public String create(String envId, Map<String, ?> task, Long seed) {
        if (envId == null || envId.isBlank()) {
            throw new IllegalArgumentException("env id must not be blank");
        }
        if (seed != null && seed < 1) {
            throw new IllegalArgumentException("seed must be >= 1, got " + seed + (seed == 0 ? "; gym-http-api "
                    + "ignores seed 0 (it tests `if seed:`) and the env would be unseeded" : ""));
        }
        ObjectNode body = json.createObjectNode().put("env_id", envId);
        if (seed != null) {
            body.put("seed", seed);
        }
        if (task != null && !task.isEmpty()) {
            body.set("task", json.valueToTree(task));
        }
        JsonNode answer = call("POST", ENVS, body, GymHttp.Expect.JSON, true);
        JsonNode id = require(answer, "instance_id", "POST " + ENVS);
        if (!id.isTextual() || !INSTANCE_ID.matcher(id.asText()).matches()) {
            throw new GymProtocolException("POST " + ENVS + " at " + url() + ": 'instance_id' must be a short id "
                    + "string, got " + id, null);
        }
        open.add(id.asText());
        return id.asText();
    }

    /** Every instance on the server (not only this client's): instance id to env id, sorted by id. */
    public Map<String, String> listAll() {
        JsonNode answer = call("GET", ENVS, null, GymHttp.Expect.JSON, true);
        JsonNode all = require(answer, "all_envs", "GET " + ENVS);
        if (!all.isObject()) {
            throw new GymProtocolException("GET " + ENVS + " at " + url() + ": 'all_envs' must be an object, got "
                    + all, null);
        }
        Map<String, String> envs = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            envs.put(e.getKey(), e.getValue().asText());
        }
        return envs;
    }

    /** Starts an episode and returns its first observation, flattened. Retried: a repeated reset only restarts. */
    public double[] reset(String instanceId) {
        String path = instancePath(instanceId, "reset/");
        JsonNode answer = call("POST", path, json.createObjectNode(), GymHttp.Expect.JSON, true);
        return GymSpaces.flatten(require(answer, "observation", "POST " + path), "observation from POST " + path);
    }

    /** A step with a discrete action: {@code {"action": 1}}. Never retried (a repeated step would step twice). */
    public GymStep step(String instanceId, int action) {
        return step(instanceId, json.getNodeFactory().numberNode(action));
    }

    /**
     * A step with the action read at {@code offset} of {@code action}, encoded for {@code actionSpace}: a whole
     * number for Discrete, a list nested to the shape for Box. Never retried.
     */
    public GymStep step(String instanceId, Space actionSpace, double[] action, int offset) {
        return step(instanceId, GymSpaces.encodeAction(actionSpace, action, offset));
    }

    private GymStep step(String instanceId, JsonNode action) {
        String path = instancePath(instanceId, "step/");
        ObjectNode body = json.createObjectNode();
        body.set("action", action);
        JsonNode answer = call("POST", path, body, GymHttp.Expect.JSON, false);
        String where = "POST " + path;
        double[] observation = GymSpaces.flatten(require(answer, "observation", where), "observation from " + where);
        JsonNode reward = require(answer, "reward", where);
        JsonNode done = require(answer, "done", where);
        JsonNode info = require(answer, "info", where);
        if (!reward.isNumber() || !done.isBoolean() || !info.isObject()) {
            throw new GymProtocolException(where + " at " + url() + ": expected a number 'reward', a boolean 'done' "
                    + "and an object 'info', got " + answer, null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> infoMap = json.convertValue(info, LinkedHashMap.class);
        return new GymStep(observation, reward.asDouble(), done.asBoolean(), infoMap);
    }

    /** The instance's action space; a Box space fails on upstream servers with the float32 bug (see the README). */
    public Space actionSpace(String instanceId) {
        return space(instanceId, "action_space/", "action space");
    }

    public Space observationSpace(String instanceId) {
        return space(instanceId, "observation_space/", "observation space");
    }

    private Space space(String instanceId, String endpoint, String what) {
        String path = instancePath(instanceId, endpoint);
        JsonNode answer = call("GET", path, null, GymHttp.Expect.JSON, true);
        return GymSpaces.parse(require(answer, "info", "GET " + path), "the " + what + " of instance "
                + instanceId + " at " + url());
    }

    /** A random action drawn by the server ({@code GET .../action_space/sample}, no trailing slash), flattened. */
    public double[] sampleAction(String instanceId) {
        String path = instancePath(instanceId, "action_space/sample");
        JsonNode answer = call("GET", path, null, GymHttp.Expect.JSON, true);
        return GymSpaces.flatten(require(answer, "action", "GET " + path), "action from GET " + path);
    }

    /**
     * Whether the discrete action {@code action} is in the action space ({@code GET .../action_space/contains/<x>},
     * no trailing slash). The server applies {@code int(x)}, so for Box spaces it always answers false.
     */
    public boolean actionSpaceContains(String instanceId, int action) {
        String path = instancePath(instanceId, "action_space/contains/" + action);
        return member(call("GET", path, null, GymHttp.Expect.JSON, true), "GET " + path);
    }

    /**
     * Whether the observation space's description has these values ({@code POST .../observation_space/contains},
     * no trailing slash): the server compares each given key with its space info, e.g. {@code {"name": "Box"}}.
     */
    public boolean observationSpaceContains(String instanceId, Map<String, ?> properties) {
        String path = instancePath(instanceId, "observation_space/contains");
        ObjectNode body = json.valueToTree(Objects.requireNonNull(properties, "properties"));
        return member(call("POST", path, body, GymHttp.Expect.JSON, true), "POST " + path);
    }

    private boolean member(JsonNode answer, String where) {
        JsonNode member = require(answer, "member", where);
        if (!member.isBoolean()) {
            throw new GymProtocolException(where + " at " + url() + ": 'member' must be a boolean, got " + member,
                    null);
        }
        return member.asBoolean();
    }

    /**
     * Starts gym's monitor, which writes episode statistics ({@code openaigym.*.stats.json}, a manifest) into
     * {@code directory} on the server's machine; no videos.
     */
    public void monitorStart(String instanceId, String directory, boolean force, boolean resume) {
        String path = instancePath(instanceId, "monitor/start/");
        ObjectNode body = json.createObjectNode().put("directory", Objects.requireNonNull(directory, "directory"))
                .put("force", force).put("resume", resume).put("video_callable", false);
        call("POST", path, body, GymHttp.Expect.NO_CONTENT, false);
    }

    /** Flushes and closes the monitor. */
    public void monitorClose(String instanceId) {
        call("POST", instancePath(instanceId, "monitor/close/"), json.createObjectNode(), GymHttp.Expect.NO_CONTENT,
                false);
    }

    /**
     * Closes the instance on the server. Closing an id the server does not know (closed twice, or lost in a
     * restart) is a {@link GymRequestException}, as the server answers.
     */
    public void close(String instanceId) {
        String path = instancePath(instanceId, "close/");
        try {
            call("POST", path, json.createObjectNode(), GymHttp.Expect.NO_CONTENT, true);
        } finally {
            open.remove(instanceId);
        }
    }

    /**
     * Closes the instance if the server still has it, without throwing: an id the server does not know is already
     * closed; other failures are logged (a closing run must not fail on a server that went away).
     *
     * @return whether the server closed it now
     */
    public boolean closeQuietly(String instanceId) {
        try {
            close(instanceId);
            return true;
        } catch (GymRequestException e) {
            return false;
        } catch (GymException e) {
            LOG.log(System.Logger.Level.WARNING, "could not close gym instance " + instanceId + ": "
                    + e.getMessage());
            return false;
        }
    }

    /** Asks the server process to stop ({@code POST /v1/shutdown/}, no body); not retried. */
    public void shutdownServer() {
        ensureOpen();
        http.send(new GymHttp.Call("POST", "/v1/shutdown/", null), GymHttp.Expect.TEXT, false);
        open.forgetAll();
    }

    /** Stops tracking an instance the server has lost (it restarted or died): there is nothing left to close. */
    void forget(String instanceId) {
        open.remove(instanceId);
    }

    /** The instances this client created and has not closed. */
    public List<String> openInstances() {
        return open.snapshot();
    }

    /**
     * Closes every instance this client still has open (quietly) and stops the client; idempotent. Later calls
     * throw {@link IllegalStateException}.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        for (String id : open.snapshot()) {
            closeQuietly(id);
        }
        open.removeHook();
        closed = true;
    }

    /** The shutdown hook's close: one attempt, no retries, nothing thrown. */
    private void closeAtExit(String instanceId) {
        try {
            http.send(new GymHttp.Call("POST", instancePath(instanceId, "close/"), json.createObjectNode()),
                    GymHttp.Expect.NO_CONTENT, 0);
        } catch (GymException | IllegalArgumentException e) {
            // the JVM is exiting; nothing more can be done
        }
    }

    private JsonNode call(String method, String path, ObjectNode body, GymHttp.Expect expect, boolean repeatable) {
        ensureOpen();
        return (JsonNode) http.send(new GymHttp.Call(method, path, body), expect, repeatable);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the gym client for " + url() + " is closed");
        }
    }

    private static String instancePath(String instanceId, String endpoint) {
        if (instanceId == null || !INSTANCE_ID.matcher(instanceId).matches()) {
            throw new IllegalArgumentException("not an instance id: '" + instanceId + "'");
        }
        return ENVS + instanceId + "/" + endpoint;
    }

    private JsonNode require(JsonNode answer, String key, String where) {
        JsonNode value = answer.get(key);
        if (value == null || value.isNull()) {
            throw new GymProtocolException(where + " at " + url() + ": the answer has no '" + key + "': " + answer,
                    null);
        }
        return value;
    }

    @Override
    public String toString() {
        return "GymClient[" + url() + "]";
    }
}

package org.metarl4j.envs.gym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metarl4j.envs.gym.server.GymHttp.Answer;

/**
 * The exchanges recorded from upstream's server (shared/reference/gym-http-api.md) replayed against ours over a real
 * socket: paths and their slashes, status codes, JSON keys and key order, upstream's error messages, and our 400 JSON
 * answers where upstream fails with a 500 page.
 */
class GymProtocolTest extends ServedOnLoopback {

    @Test
    void createGivesAnEightHexIdAndListShowsIt() {
        Answer created = http.post("/v1/envs/", "{\"env_id\":\"CartPole-v1\",\"seed\":42}");
        assertEquals(200, created.status());
        assertEquals("application/json", created.contentType());
        assertTrue(created.body().matches("\\{\"instance_id\":\"[0-9a-f]{8}\"}\n"), created.body());
        String id = created.json().get("instance_id").asText();

        Answer listed = http.get("/v1/envs/");
        assertEquals(200, listed.status());
        assertEquals("{\"all_envs\":{\"" + id + "\":\"CartPole-v1\"}}\n", listed.body());
    }

    @Test
    void resetAndStepAnswerWithUpstreamKeysInSortedOrder() {
        String id = http.create("{\"env_id\":\"CartPole-v1\",\"seed\":42}");
        Answer reset = http.post("/v1/envs/" + id + "/reset/", "{}");
        assertEquals(200, reset.status());
        assertTrue(reset.body().startsWith("{\"observation\":["), reset.body());
        assertEquals(4, reset.json().get("observation").size());

        Answer step = http.post("/v1/envs/" + id + "/step/", "{\"action\":1,\"render\":false}");
        assertEquals(200, step.status());
        assertTrue(step.body().matches("\\{\"done\":false,\"info\":\\{},\"observation\":\\[[^]]*],\"reward\":1\\.0}\n"),
                step.body());
        // render is accepted and ignored, whatever its value
        assertEquals(200, http.post("/v1/envs/" + id + "/step/", "{\"action\":0,\"render\":true}").status());
    }

    @Test
    void resetIgnoresItsBodyAsUpstreamDoes() {
        String id = http.create("{\"env_id\":\"CartPole-v1\"}");
        // gym_http_client.py posts json.dumps(None) = "null" to reset and close
        assertEquals(200, http.post("/v1/envs/" + id + "/reset/", "null").status());
        assertEquals(200, http.post("/v1/envs/" + id + "/reset/", "").status());
        assertEquals(204, http.post("/v1/envs/" + id + "/close/", "null").status());
    }

    @Test
    void spacesAreDescribedLikeUpstream() {
        String cartPole = http.create("{\"env_id\":\"CartPole-v1\"}");
        Answer discrete = http.get("/v1/envs/" + cartPole + "/action_space/");
        assertEquals(200, discrete.status());
        assertEquals("{\"info\":{\"n\":2,\"name\":\"Discrete\"}}\n", discrete.body());

        JsonNode observation = http.get("/v1/envs/" + cartPole + "/observation_space/").json().get("info");
        assertEquals(List.of("high", "low", "name", "shape"), fieldNames(observation));
        assertEquals("Box", observation.get("name").asText());
        assertEquals("[4]", observation.get("shape").toString());
        assertEquals(4.8, observation.get("high").get(0).asDouble(), 1e-12);
        assertEquals(Float.MAX_VALUE, observation.get("high").get(1).asDouble(), 1e25);
        assertEquals(-4.8, observation.get("low").get(0).asDouble(), 1e-12);

        String pendulum = http.create("{\"env_id\":\"Pendulum-v1\"}");
        assertEquals("{\"info\":{\"high\":[2.0],\"low\":[-2.0],\"name\":\"Box\",\"shape\":[1]}}\n",
                http.get("/v1/envs/" + pendulum + "/action_space/").body());

        // JSON has no infinity: upstream writes unbounded coordinates as ±1e100
        String navigation = http.create("{\"env_id\":\"Navigation2D-v0\"}");
        JsonNode unbounded = http.get("/v1/envs/" + navigation + "/observation_space/").json().get("info");
        assertEquals(1e100, unbounded.get("high").get(0).asDouble());
        assertEquals(-1e100, unbounded.get("low").get(1).asDouble());
    }

    @Test
    void sampleAndContainsHaveNoTrailingSlash() {
        String id = http.create("{\"env_id\":\"CartPole-v1\",\"seed\":1}");
        Answer sample = http.get("/v1/envs/" + id + "/action_space/sample");
        assertEquals(200, sample.status());
        assertTrue(sample.body().matches("\\{\"action\":[01]}\n"), sample.body());
        assertEquals("{\"member\":true}\n", http.get("/v1/envs/" + id + "/action_space/contains/1").body());
        assertEquals("{\"member\":false}\n", http.get("/v1/envs/" + id + "/action_space/contains/2").body());
        assertEquals(404, http.get("/v1/envs/" + id + "/action_space/sample/").status());
        assertEquals(404, http.get("/v1/envs/" + id + "/action_space/contains/1/").status());

        String pendulum = http.create("{\"env_id\":\"Pendulum-v1\",\"seed\":1}");
        JsonNode boxSample = http.get("/v1/envs/" + pendulum + "/action_space/sample").json().get("action");
        assertTrue(boxSample.isArray() && boxSample.size() == 1 && Math.abs(boxSample.get(0).asDouble()) <= 2.0);
        // upstream tests int(x), which is never an element of a Box
        assertEquals("{\"member\":false}\n", http.get("/v1/envs/" + pendulum + "/action_space/contains/0").body());
        Answer notAnInteger = http.get("/v1/envs/" + id + "/action_space/contains/abc");
        assertEquals(400, notAnInteger.status());
        assertTrue(notAnInteger.message().contains("'abc'"), notAnInteger.message());
    }

    @Test
    void observationSpaceContainsComparesTheGivenKeys() {
        String id = http.create("{\"env_id\":\"CartPole-v1\"}");
        String contains = "/v1/envs/" + id + "/observation_space/contains";
        assertEquals("{\"member\":true}\n", http.post(contains, "{\"name\":\"Box\"}").body());
        assertEquals("{\"member\":false}\n", http.post(contains, "{\"name\":\"Discrete\"}").body());
        assertEquals("{\"member\":true}\n", http.post(contains, "{\"name\":\"Box\",\"shape\":[4]}").body());
        assertEquals("{\"member\":false}\n", http.post(contains, "{\"shape\":[3]}").body());
        String info = http.get("/v1/envs/" + id + "/observation_space/").json().get("info").toString();
        assertEquals("{\"member\":true}\n", http.post(contains, info).body());
        Answer unknownKey = http.post(contains, "{\"colour\":\"red\"}");
        assertEquals(400, unknownKey.status());
        assertTrue(unknownKey.message().contains("'colour'"), unknownKey.message());
        assertEquals(404, http.post(contains + "/", "{\"name\":\"Box\"}").status());
    }

    @Test
    void monitorStartAndCloseAnswer204AndWriteGymStatsFiles(@TempDir Path dir) throws Exception {
        String id = http.create("{\"env_id\":\"CartPole-v1\",\"seed\":3}");
        String start = "{\"directory\":\"" + dir + "\",\"force\":true,\"resume\":false,\"video_callable\":false}";
        Answer started = http.post("/v1/envs/" + id + "/monitor/start/", start);
        assertEquals(204, started.status());
        assertEquals("", started.body());
        int steps = runEpisode(id);
        Answer closed = http.post("/v1/envs/" + id + "/monitor/close/", "{}");
        assertEquals(204, closed.status());
        assertEquals("", closed.body());

        Path stats = only(dir, "openaigym.episode_batch.", ".stats.json");
        JsonNode recorded = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stats.toFile());
        assertEquals("[" + steps + "]", recorded.get("episode_lengths").toString());
        assertEquals((double) steps, recorded.get("episode_rewards").get(0).asDouble());
        assertEquals("[\"t\"]", recorded.get("episode_types").toString());
        assertTrue(recorded.get("initial_reset_timestamp").asDouble() > 1.6e9);
        JsonNode manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                only(dir, "openaigym.manifest.", ".manifest.json").toFile());
        assertEquals(stats.getFileName().toString(), manifest.get("stats").asText());
        assertEquals("CartPole-v1", manifest.get("env_info").get("env_id").asText());

        // like gym: a directory with a monitor's files is refused unless force (clear them) or resume (keep them)
        Answer refused = http.post("/v1/envs/" + id + "/monitor/start/", "{\"directory\":\"" + dir + "\"}");
        assertEquals(400, refused.status());
        assertTrue(refused.message().contains("existing monitor files"), refused.message());
        assertEquals(204, http.post("/v1/envs/" + id + "/monitor/start/", start).status());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "force clears the earlier files");
        }
    }

    @Test
    void closeAnswers204AndThenTheIdIsUnknown() {
        String id = http.create("{\"env_id\":\"CartPole-v1\"}");
        Answer closed = http.post("/v1/envs/" + id + "/close/", "{}");
        assertEquals(204, closed.status());
        assertEquals("", closed.body());
        Answer again = http.post("/v1/envs/" + id + "/close/", "{}");
        assertEquals(400, again.status());
        assertEquals("{\"message\":\"Instance_id " + id + " unknown\"}\n", again.body());
        assertEquals("{\"all_envs\":{}}\n", http.get("/v1/envs/").body());
    }

    @Test
    void upstreamErrorMessages() {
        Answer unknownEnv = http.post("/v1/envs/", "{\"env_id\":\"NoSuchEnv-v0\"}");
        assertEquals(400, unknownEnv.status());
        assertEquals("application/json", unknownEnv.contentType());
        assertEquals("Attempted to look up malformed environment ID 'NoSuchEnv-v0'", unknownEnv.message());

        for (String missing : new String[] {"{}", "{\"env_id\":null}", "{\"env_id\":\"\"}", "{\"env_id\":[]}"}) {
            Answer answer = http.post("/v1/envs/", missing);
            assertEquals(400, answer.status(), missing);
            assertEquals("A required request parameter 'env_id' was not provided", answer.message(), missing);
        }
        for (String path : new String[] {"/v1/envs/deadbeef/reset/", "/v1/envs/deadbeef/close/",
            "/v1/envs/deadbeef/monitor/close/"}) {
            Answer answer = http.post(path, "{}");
            assertEquals(400, answer.status(), path);
            assertEquals("Instance_id deadbeef unknown", answer.message(), path);
        }
        assertEquals("Instance_id deadbeef unknown", http.get("/v1/envs/deadbeef/action_space/").message());
        assertEquals("Instance_id deadbeef unknown", http.post("/v1/envs/deadbeef/step/", "{\"action\":0}").message());

        String id = http.create("{\"env_id\":\"CartPole-v1\"}");
        Answer noAction = http.post("/v1/envs/" + id + "/step/", "{\"render\":false}");
        assertEquals(400, noAction.status());
        assertEquals("A required request parameter 'action' was not provided", noAction.message());
        Answer noDirectory = http.post("/v1/envs/" + id + "/monitor/start/", "{\"force\":true}");
        assertEquals("A required request parameter 'directory' was not provided", noDirectory.message());
    }

    @Test
    void whereUpstreamAnswers500WeAnswer400WithAReason() {
        String id = http.create("{\"env_id\":\"CartPole-v1\",\"seed\":5}");
        String step = "/v1/envs/" + id + "/step/";
        Answer beforeReset = http.post(step, "{\"action\":0}");
        assertEquals(400, beforeReset.status());
        assertTrue(beforeReset.message().contains("before reset"), beforeReset.message());

        http.post("/v1/envs/" + id + "/reset/", "{}");
        assertRefused(http.post(step, "{\"action\":2}"), "Discrete(2)");
        assertRefused(http.post(step, "{\"action\":[1]}"), "integer action");
        assertRefused(http.post(step, "{\"action\":1.0}"), "integer action");

        runEpisodeFromCurrentState(id);
        Answer afterDone = http.post(step, "{\"action\":0}");
        assertRefused(afterDone, "after the episode ended");

        String pendulum = http.create("{\"env_id\":\"Pendulum-v1\"}");
        http.post("/v1/envs/" + pendulum + "/reset/", "{}");
        assertRefused(http.post("/v1/envs/" + pendulum + "/step/", "{\"action\":0.5}"), "list of 1 number");
        assertRefused(http.post("/v1/envs/" + pendulum + "/step/", "{\"action\":[0.5,0.5]}"), "got 2");
        assertRefused(http.post("/v1/envs/" + pendulum + "/step/", "{\"action\":[\"up\"]}"), "non-number");
        // Python's json.dumps writes NaN unquoted; the env's own check names it
        assertRefused(http.post("/v1/envs/" + pendulum + "/step/", "{\"action\":[NaN]}"), "NaN");
    }

    @Test
    void malformedBodiesAre400Json() {
        for (String body : new String[] {"{not json", "", "{\"env_id\":\"CartPole-v1\"} trailing"}) {
            Answer answer = http.post("/v1/envs/", body);
            assertEquals(400, answer.status(), body);
            assertEquals("application/json", answer.contentType());
            assertEquals("Request is not a valid json", answer.message(), body);
        }
        Answer array = http.post("/v1/envs/", "[1,2]");
        assertEquals(400, array.status());
        assertTrue(array.message().startsWith("Request is not a valid json object"), array.message());
        Answer wrongSeed = http.post("/v1/envs/", "{\"env_id\":\"CartPole-v1\",\"seed\":\"abc\"}");
        assertRefused(wrongSeed, "seed must be an integer");
    }

    @Test
    void pathsMethodsAndSlashesFollowFlask() {
        Answer unknown = http.get("/v1/nothing/here/");
        assertEquals(404, unknown.status());
        assertEquals("application/json", unknown.contentType());
        assertTrue(unknown.message().contains("/v1/nothing/here/"), unknown.message());

        Answer wrongMethod = http.get("/v1/shutdown/");
        assertEquals(405, wrongMethod.status());
        assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElse(""));
        Answer deleteEnvs = http.send("DELETE", "/v1/envs/", null);
        assertEquals(405, deleteEnvs.status());
        assertEquals("GET, POST", deleteEnvs.headers().firstValue("Allow").orElse(""));

        // a slash route asked for without its slash: Werkzeug's 308 to the slashed path (method and body kept)
        Answer noSlash = http.post("/v1/envs", "{\"env_id\":\"CartPole-v1\"}");
        assertEquals(308, noSlash.status());
        assertEquals("/v1/envs/", noSlash.headers().firstValue("Location").orElse(""));
        assertEquals("{\"all_envs\":{}}\n", http.get("/v1/envs/").body(), "a redirect creates nothing");
        assertEquals(404, http.get("/v1/envs//action_space/").status(), "an empty instance id matches no route");
    }

    @Test
    void uploadIsRefusedWithAReason() {
        Answer upload = http.post("/v1/upload/", "{\"training_dir\":\"/tmp/x\",\"api_key\":\"k\"}");
        assertEquals(400, upload.status());
        assertTrue(upload.message().startsWith("upload is not supported"), upload.message());
    }

    @Test
    void shutdownAnswersLikeUpstreamAndStopsTheServer() throws Exception {
        http.create("{\"env_id\":\"CartPole-v1\"}");
        Answer answer = http.post("/v1/shutdown/", "");
        assertEquals(200, answer.status());
        assertEquals("Server shutting down", answer.body());
        assertTrue(answer.contentType().startsWith("text/html"), answer.contentType());
        assertTrue(server.awaitShutdown(Duration.ofSeconds(5)));
        assertEquals(0, server.instanceCount());
        assertThrows(UncheckedIOException.class, () -> http.get("/v1/envs/"));
    }

    private static void assertRefused(Answer answer, String expected) {
        assertEquals(400, answer.status(), answer.body());
        assertEquals("application/json", answer.contentType());
        assertTrue(answer.message().contains(expected), answer.message());
    }

    /** Resets and steps a CartPole with a fixed policy until done; returns the episode length. */
    private int runEpisode(String id) {
        http.post("/v1/envs/" + id + "/reset/", "{}");
        return runEpisodeFromCurrentState(id);
    }

    private int runEpisodeFromCurrentState(String id) {
        for (int steps = 1; ; steps++) {
            JsonNode step = http.post("/v1/envs/" + id + "/step/", "{\"action\":" + (steps % 3 == 0 ? 0 : 1) + "}")
                    .json();
            if (step.get("done").asBoolean()) {
                return steps;
            }
            assertFalse(steps > 500, "CartPole ends within 500 steps");
        }
    }

    private static Path only(Path dir, String prefix, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matching = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, matching.size(), matching.toString());
            return matching.get(0);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package org.metarl4j.envs.gym;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.gym.ScriptedGymServer.Reply;
import org.metarl4j.envs.gym.ScriptedGymServer.Request;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;

/**
 * The client against the exchanges recorded from upstream gym-http-api with gym 0.21.0 (the protocol reference):
 * the exact paths (trailing slashes where upstream has them, none where it has none), request bodies, response keys
 * and status codes. The scripted server answers only those exact paths, so a wrong one fails with 404.
 *
 * <p>The reference elides the later digits of the recorded CartPole step; they are completed here with our CartPole,
 * which reproduces gym 0.21's dynamics (float32 observations, as gym returns).
 */
class GymProtocolTest {
    private static final String ID = "32944ead";
    private static final String RESET = "{\"observation\":[-0.012585662305355072,-0.0015661448705941439,"
            + "0.04207708314061165,-0.0018054520478472114]}";
    private static final String STEP = "{\"done\":false,\"info\":{},\"observation\":[-0.012616985477507114,"
            + "0.19292789697647095,0.04204097390174866,-0.2809212803840637],\"reward\":1.0}";
    private static final String CARTPOLE_OBSERVATION_SPACE = "{\"info\":{\"high\":[4.800000190734863,"
            + "3.4028234663852886e+38,0.41887903213500977,3.4028234663852886e+38],\"low\":[-4.800000190734863,"
            + "-3.4028234663852886e+38,-0.41887903213500977,-3.4028234663852886e+38],\"name\":\"Box\","
            + "\"shape\":[4]}}";

    private final ScriptedGymServer server = ScriptedGymServer.start();
    private final GymClient client = new GymClient(GymClientConfig.of(server.url()).withRetries(0,
            java.time.Duration.ZERO));

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private Request only(String line) {
        List<Request> matching = server.requests().stream().filter(r -> r.line().equals(line)).toList();
        assertEquals(1, matching.size(), () -> line + " in " + server.lines());
        return matching.get(0);
    }

    @Test
    void createSendsEnvIdAndSeedAndReadsTheInstanceId() {
        server.on("POST", "/v1/envs/", Reply.json("{\"instance_id\":\"" + ID + "\"}"));
        server.on("POST", "/v1/envs/" + ID + "/close/", Reply.noContent());
        assertEquals(ID, client.create("CartPole-v1", 42));
        Request create = only("POST /v1/envs/");
        assertEquals("{\"env_id\":\"CartPole-v1\",\"seed\":42}", create.body());
        assertEquals("application/json", create.contentType());
        assertEquals(ID, client.create("CartPole-v1"));
        assertEquals("{\"env_id\":\"CartPole-v1\"}", server.requests().get(1).body());
        assertEquals(List.of(ID), client.openInstances());
    }

    @Test
    void createSendsTheTaskObjectOnlyWhenThereIsOne() {
        server.on("POST", "/v1/envs/", Reply.json("{\"instance_id\":\"" + ID + "\"}"));
        server.on("POST", "/v1/envs/" + ID + "/close/", Reply.noContent());
        client.create("CartPole-v1", Map.of("poleLength", 0.8), 7L);
        assertEquals("{\"env_id\":\"CartPole-v1\",\"seed\":7,\"task\":{\"poleLength\":0.8}}",
                server.requests().get(0).body());
    }

    @Test
    void seedZeroIsRefusedBecauseTheServerWouldIgnoreIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client.create("CartPole-v1", 0));
        assertTrue(e.getMessage().contains("ignores seed 0"), e.getMessage());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void listAllReadsTheAllEnvsKey() {
        server.on("GET", "/v1/envs/", Reply.json("{\"all_envs\":{\"" + ID + "\":\"CartPole-v1\"}}"));
        assertEquals(Map.of(ID, "CartPole-v1"), client.listAll());
        assertNull(only("GET /v1/envs/").contentType());
    }

    @Test
    void resetAndDiscreteStep() {
        server.on("POST", "/v1/envs/" + ID + "/reset/", Reply.json(RESET));
        server.on("POST", "/v1/envs/" + ID + "/step/", Reply.json(STEP));
        assertArrayEquals(new double[] {-0.012585662305355072, -0.0015661448705941439, 0.04207708314061165,
            -0.0018054520478472114}, client.reset(ID));
        assertEquals("{}", only("POST /v1/envs/" + ID + "/reset/").body());
        GymStep step = client.step(ID, 1);
        assertEquals("{\"action\":1}", only("POST /v1/envs/" + ID + "/step/").body());
        assertArrayEquals(new double[] {-0.012616985477507114, 0.19292789697647095, 0.04204097390174866,
            -0.2809212803840637}, step.observation());
        assertEquals(1.0, step.reward());
        assertFalse(step.done());
        assertEquals(Map.of(), step.info());
    }

    @Test
    void continuousStepSendsAListAndDiscreteSpacesAnInteger() {
        server.on("POST", "/v1/envs/" + ID + "/step/", Reply.json("{\"done\":false,\"info\":{},\"observation\":"
                + "[-0.8493,0.5278,-0.2041],\"reward\":-6.782491343295671}"));
        GymStep step = client.step(ID, Box.uniform(1, -2, 2), new double[] {9, 0.5}, 1);
        assertEquals("{\"action\":[0.5]}", server.requests().get(0).body());
        assertEquals(-6.782491343295671, step.reward());
        assertEquals(3, step.observation().length);
        client.step(ID, new Discrete(2), new double[] {1.0}, 0);
        assertEquals("{\"action\":1}", server.requests().get(1).body());
    }

    @Test
    void gymTimeLimitBecomesTruncation() {
        server.on("POST", "/v1/envs/" + ID + "/step/", Reply.json("{\"done\":true,\"info\":"
                + "{\"TimeLimit.truncated\":true},\"observation\":[0.1,0.2,0.3,0.4],\"reward\":1.0}"));
        GymStep step = client.step(ID, 0);
        assertTrue(step.done() && step.truncatedByTimeLimit() && !step.terminated());
    }

    @Test
    void spacesParseIntoOurSpacesWithHugeBoundsAsInfinity() {
        server.on("GET", "/v1/envs/" + ID + "/action_space/", Reply.json("{\"info\":{\"n\":2,\"name\":\"Discrete\"}}"));
        server.on("GET", "/v1/envs/" + ID + "/observation_space/", Reply.json(CARTPOLE_OBSERVATION_SPACE));
        assertEquals(new Discrete(2), client.actionSpace(ID));
        Box box = (Box) client.observationSpace(ID);
        assertArrayEquals(new int[] {4}, box.shape());
        assertEquals(4.800000190734863, box.high(0));
        assertEquals(3.4028234663852886e+38, box.high(1)); // float32's max is finite, not ±1e100
        server.on("GET", "/v1/envs/" + ID + "/observation_space/", Reply.json("{\"info\":{\"high\":[1e+100,2.0],"
                + "\"low\":[-1e+100,-2.0],\"name\":\"Box\",\"shape\":[2]}}"));
        Box unbounded = (Box) client.observationSpace(ID);
        assertEquals(Double.NEGATIVE_INFINITY, unbounded.low(0));
        assertEquals(Double.POSITIVE_INFINITY, unbounded.high(0));
        assertEquals(2.0, unbounded.high(1));
        server.on("GET", "/v1/envs/" + ID + "/action_space/", Reply.json("{\"info\":{\"high\":[2.0],\"low\":[-2.0],"
                + "\"name\":\"Box\",\"shape\":[1]}}"));
        assertEquals(Box.uniform(1, -2, 2), client.actionSpace(ID));
    }

    @Test
    void sampleAndContainsUseThePathsWithoutTrailingSlash() {
        server.on("GET", "/v1/envs/" + ID + "/action_space/sample", Reply.json("{\"action\":0}"));
        server.on("GET", "/v1/envs/" + ID + "/action_space/contains/1", Reply.json("{\"member\":true}"));
        server.on("GET", "/v1/envs/" + ID + "/action_space/contains/2", Reply.json("{\"member\":false}"));
        server.on("POST", "/v1/envs/" + ID + "/observation_space/contains", Reply.json("{\"member\":true}"));
        assertArrayEquals(new double[] {0}, client.sampleAction(ID));
        assertTrue(client.actionSpaceContains(ID, 1));
        assertFalse(client.actionSpaceContains(ID, 2));
        assertTrue(client.observationSpaceContains(ID, Map.of("name", "Box")));
        assertEquals("{\"name\":\"Box\"}", only("POST /v1/envs/" + ID + "/observation_space/contains").body());
        server.on("GET", "/v1/envs/" + ID + "/action_space/sample", Reply.json("{\"action\":[1.867917537689209]}"));
        assertArrayEquals(new double[] {1.867917537689209}, client.sampleAction(ID));
    }

    @Test
    void monitorAndCloseAnswerNoContent() {
        server.on("POST", "/v1/envs/" + ID + "/monitor/start/", Reply.noContent());
        server.on("POST", "/v1/envs/" + ID + "/monitor/close/", Reply.noContent());
        server.on("POST", "/v1/envs/" + ID + "/close/", Reply.noContent());
        client.monitorStart(ID, "/tmp/gym-monitor", true, false);
        assertEquals("{\"directory\":\"/tmp/gym-monitor\",\"force\":true,\"resume\":false,\"video_callable\":false}",
                only("POST /v1/envs/" + ID + "/monitor/start/").body());
        client.monitorClose(ID);
        assertEquals("{}", only("POST /v1/envs/" + ID + "/monitor/close/").body());
        client.close(ID);
        assertEquals("{}", only("POST /v1/envs/" + ID + "/close/").body());
    }

    @Test
    void closingTwiceIsTheServersUnknownInstanceAnswer() {
        server.on("POST", "/v1/envs/" + ID + "/close/", Reply.json(400, "{\"message\":\"Instance_id " + ID
                + " unknown\"}"));
        GymRequestException e = assertThrows(GymRequestException.class, () -> client.close(ID));
        assertEquals(400, e.status());
        assertTrue(e.unknownInstance());
        assertEquals("Instance_id " + ID + " unknown", e.serverMessage());
        assertFalse(client.closeQuietly(ID));
    }

    @Test
    void shutdownPostsToTheShutdownPathWithoutBody() {
        server.on("POST", "/v1/shutdown/", Reply.html(200, "Server shutting down"));
        client.shutdownServer();
        Request shutdown = only("POST /v1/shutdown/");
        assertEquals("", shutdown.body());
        assertNull(shutdown.contentType());
    }

    @Test
    void theServersOwnChecksComeBackAsRequestExceptionsWithItsMessage() {
        server.on("POST", "/v1/envs/", Reply.json(400, "{\"message\":\"Attempted to look up malformed environment "
                + "ID 'NoSuchEnv-v0'\"}"));
        GymRequestException e = assertThrows(GymRequestException.class, () -> client.create("NoSuchEnv-v0"));
        assertEquals("Attempted to look up malformed environment ID 'NoSuchEnv-v0'", e.serverMessage());
        assertTrue(e.getMessage().contains("POST /v1/envs/ at " + server.url()), e.getMessage());
        assertFalse(e.unknownInstance());
        assertTrue(client.openInstances().isEmpty());
    }

    @Test
    void aStepAfterDoneStillAnswers() {
        server.on("POST", "/v1/envs/" + ID + "/step/", Reply.json("{\"done\":true,\"info\":{},\"observation\":"
                + "[0.1,0.2,0.3,0.4],\"reward\":0.0}"));
        GymStep step = client.step(ID, 0);
        assertTrue(step.terminated());
        assertEquals(0.0, step.reward());
    }
}

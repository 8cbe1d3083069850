package org.metarl4j.envs.gym.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.Step;
import org.metarl4j.envs.classic.CartPoleEnv;
import org.metarl4j.envs.classic.CartPoleTask;
import org.metarl4j.envs.classic.PendulumEnv;
import org.metarl4j.envs.gym.server.GymHttp.Answer;

/** What an instance computes: the same numbers as our env stepped directly, seeds, time limits and client tasks. */
class GymServerEnvTest extends ServedOnLoopback {

    /** The k-th episode of a seeded instance starts from the k-th split of the root's first split. */
    private static SplittableRandom episodeStarts(long seed) {
        return new SplittableRandom(seed).split();
    }

    @Test
    void seededCartPoleAnswersWhatOurEnvComputes() {
        String id = http.create("{\"env_id\":\"CartPole-v1\",\"seed\":42}");
        SplittableRandom starts = episodeStarts(42);
        try (CartPoleEnv direct = new CartPoleEnv()) {
            for (int episode = 0; episode < 2; episode++) {
                double[] first = direct.reset(starts.split());
                assertArrayEquals(first, doubles(http.post(path(id, "reset/"), "{}").json().get("observation")));
                for (int t = 0; ; t++) {
                    int action = t % 2;
                    Step expected = direct.step(new double[] {action});
                    JsonNode step = http.post(path(id, "step/"), "{\"action\":" + action + "}").json();
                    assertArrayEquals(expected.observation(), doubles(step.get("observation")));
                    assertEquals(expected.reward(), step.get("reward").asDouble());
                    assertEquals(expected.done(), step.get("done").asBoolean());
                    if (expected.done()) {
                        assertEquals("{}", step.get("info").toString(), "terminated before the time limit");
                        break;
                    }
                }
            }
        }
    }

    @Test
    void aSeedIncludingZeroReproducesAndNoSeedDoesNot() {
        for (String seed : new String[] {"0", "7"}) {
            String a = http.create("{\"env_id\":\"CartPole-v1\",\"seed\":" + seed + "}");
            String b = http.create("{\"env_id\":\"CartPole-v1\",\"seed\":" + seed + "}");
            assertEquals(reset(a), reset(b), "seed " + seed);
            assertEquals(http.get(path(a, "action_space/sample")).body(), http.get(path(b, "action_space/sample")).body());
        }
        String c = http.create("{\"env_id\":\"CartPole-v1\"}");
        String d = http.create("{\"env_id\":\"CartPole-v1\"}");
        assertNotEquals(reset(c), reset(d), "unseeded instances draw from the server's generator");
    }

    @Test
    void pendulumTakesAContinuousActionAndReportsTheTimeLimitLikeGym() {
        String id = http.create("{\"env_id\":\"Pendulum-v1\",\"seed\":3}");
        try (PendulumEnv direct = new PendulumEnv()) {
            assertArrayEquals(direct.reset(episodeStarts(3).split()),
                    doubles(http.post(path(id, "reset/"), "{}").json().get("observation")));
            for (int t = 1; t <= direct.maxEpisodeSteps(); t++) {
                double torque = t % 2 == 0 ? 0.5 : -3.0; // -3 is clipped to -2 by the env, as gym does
                Step expected = direct.step(new double[] {torque});
                JsonNode step = http.post(path(id, "step/"), "{\"action\":[" + torque + "]}").json();
                assertArrayEquals(expected.observation(), doubles(step.get("observation")));
                assertEquals(expected.reward(), step.get("reward").asDouble());
                boolean last = t == direct.maxEpisodeSteps();
                assertEquals(last, step.get("done").asBoolean(), "step " + t);
                // gym 0.21's TimeLimit: info["TimeLimit.truncated"] = not done, once the limit is reached
                assertEquals(last ? "{\"TimeLimit.truncated\":true}" : "{}", step.get("info").toString());
            }
        }
    }

    @Test
    void aClientTaskChangesTheDynamics() {
        String standard = http.create("{\"env_id\":\"CartPole-v1\",\"seed\":11}");
        String longPole = http.create("{\"env_id\":\"CartPole-v1\",\"seed\":11,\"task\":{\"poleLength\":0.8}}");
        assertEquals(reset(standard), reset(longPole), "same seed, same start");
        JsonNode a = http.post(path(standard, "step/"), "{\"action\":1}").json().get("observation");
        JsonNode b = http.post(path(longPole, "step/"), "{\"action\":1}").json().get("observation");
        assertNotEquals(a.get(3).asDouble(), b.get(3).asDouble(), "a longer pole turns more slowly");

        // the missing parameters keep gym's values
        CartPoleTask expectedTask = new CartPoleTask(9.8, 1.0, 0.1, 0.8, 10.0);
        try (Env<CartPoleTask> direct = new CartPoleEnv(expectedTask, CartPoleEnv.DEFAULT_MAX_STEPS)) {
            direct.reset(episodeStarts(11).split());
            assertArrayEquals(direct.step(new double[] {1}).observation(), doubles(b));
        }
    }

    @Test
    void aBadTaskIsA400NamingTheParameter() {
        assertRefused("{\"env_id\":\"CartPole-v1\",\"task\":{\"poleLength\":-0.5}}",
                "cartpole parameter poleLength = -0.5 is out of range: allowed [0.05, 5.0]");
        assertRefused("{\"env_id\":\"CartPole-v1\",\"task\":{\"poleLenght\":0.8}}",
                "unknown task parameter 'poleLenght' for CartPole-v1; known: gravity, cartMass, poleMass, poleLength,"
                        + " forceMagnitude");
        assertRefused("{\"env_id\":\"CartPole-v1\",\"task\":{\"poleLength\":null}}", "'poleLength' must not be null");
        assertRefused("{\"env_id\":\"CartPole-v1\",\"task\":0.8}", "task must be a JSON object");
        assertRefused("{\"env_id\":\"CartPole-v1\",\"task\":{\"family\":\"pendulum\"}}", "does not match CartPole-v1");
        assertRefused("{\"env_id\":\"BernoulliBandit-v0\",\"task\":{\"armProbabilities\":[0.5,1.5]}}",
                "armProbabilities[1] = 1.5 is out of range");
        assertEquals("{\"all_envs\":{}}\n", http.get("/v1/envs/").body(), "nothing was created");
    }

    @Test
    void sizesComeFromTheTaskAndOtherFamiliesAreServedByTheirIds() {
        String bandit = http.create("{\"env_id\":\"BernoulliBandit-v0\",\"seed\":1,"
                + "\"task\":{\"family\":\"bernoulli-bandit\",\"armProbabilities\":[0.0,1.0]}}");
        assertEquals("{\"info\":{\"n\":2,\"name\":\"Discrete\"}}\n", http.get(path(bandit, "action_space/")).body());
        http.post(path(bandit, "reset/"), "{}");
        JsonNode pull = http.post(path(bandit, "step/"), "{\"action\":1}").json();
        assertEquals(1.0, pull.get("reward").asDouble(), "arm 1 always pays");
        assertEquals("{\"TimeLimit.truncated\":false}", pull.get("info").toString(),
                "a bandit pull terminates on the time limit's step: gym says not truncated");
        assertEquals("{\"info\":{\"n\":5,\"name\":\"Discrete\"}}\n",
                http.get(path(http.create("{\"env_id\":\"BernoulliBandit-v0\"}"), "action_space/")).body(),
                "without a task: the registry's 5 arms");

        String tabular = http.create("{\"env_id\":\"TabularMDP-v0\",\"task\":{\"transitions\":[[[0,1],[1,0]],"
                + "[[1,0],[0,1]]],\"rewardMeans\":[[0,1],[2,3]]}}");
        assertEquals("{\"info\":{\"n\":2,\"name\":\"Discrete\"}}\n", http.get(path(tabular, "action_space/")).body());
        assertEquals("[1.0,0.0]", http.post(path(tabular, "reset/"), "{}").json().get("observation").toString());

        String pendulum = http.create("{\"env_id\":\"Pendulum-v1\",\"task\":{\"maxTorque\":1.0}}");
        assertEquals("[1.0]", http.get(path(pendulum, "action_space/")).json().get("info").get("high").toString());

        for (String envId : GymServer.envIds()) {
            String id = http.create("{\"env_id\":\"" + envId + "\",\"seed\":1}");
            assertEquals(200, http.post(path(id, "reset/"), "{}").status(), envId);
            JsonNode action = http.get(path(id, "action_space/sample")).json().get("action");
            Answer step = http.post(path(id, "step/"), "{\"action\":" + action + "}");
            assertEquals(200, step.status(), envId + " " + step.body());
        }
    }

    private void assertRefused(String create, String message) {
        Answer answer = http.post("/v1/envs/", create);
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.message().contains(message), answer.message());
    }

    private String reset(String id) {
        Answer answer = http.post(path(id, "reset/"), "{}");
        assertFalse(answer.status() != 200, answer.body());
        return answer.json().get("observation").toString();
    }

    private static String path(String id, String rest) {
        return "/v1/envs/" + id + "/" + rest;
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}

package org.metarl4j.envs.gym.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.Step;
import org.metarl4j.envs.classic.CartPoleEnv;
import org.metarl4j.envs.classic.PendulumEnv;
import org.metarl4j.envs.gym.server.GymHttp.Answer;

/**
 * Bounded instances, body size, concurrent clients on different and on the same instance (that one instance runs one
 * request at a time is {@link EnvInstanceTest}), and closing.
 */
class GymServerLimitsTest {

    @Test
    void instancesAreBounded() {
        try (GymServer server = GymServer.start(GymServerConfig.defaults().withPort(0).withMaxInstances(3))) {
            GymHttp http = new GymHttp(server.uri());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(http.create("{\"env_id\":\"CartPole-v1\"}"));
            }
            Answer refused = http.post("/v1/envs/", "{\"env_id\":\"CartPole-v1\"}");
            assertEquals(400, refused.status());
            assertTrue(refused.message().startsWith("Too many env instances: this server holds at most 3"),
                    refused.message());
            assertEquals(3, server.instanceCount());
            assertEquals(204, http.post("/v1/envs/" + ids.get(0) + "/close/", "{}").status());
            http.create("{\"env_id\":\"CartPole-v1\"}");
        }
    }

    @Test
    void bodiesBeyondTheLimitAre413() {
        try (GymServer server = GymServer.start(GymServerConfig.defaults().withPort(0).withMaxBodyBytes(1024))) {
            GymHttp http = new GymHttp(server.uri());
            String big = "{\"env_id\":\"CartPole-v1\",\"padding\":\"" + "x".repeat(2000) + "\"}";
            Answer answer = http.post("/v1/envs/", big);
            assertEquals(413, answer.status());
            assertTrue(answer.message().contains("at most 1024 bytes"), answer.message());
            http.create("{\"env_id\":\"CartPole-v1\"}"); // the server still serves
        }
    }

    @Test
    void concurrentClientsOnDifferentInstancesEachGetTheirOwnTrajectory() throws Exception {
        int clients = 6;
        try (GymServer server = GymServer.start(GymServerConfig.defaults().withPort(0).withThreads(4))) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    long seed = 100 + c;
                    runs.add(pool.submit(() -> {
                        checkTrajectory(new GymHttp(server.uri()), seed);
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** 40 CartPole steps of a seeded instance, compared with our env stepped directly. */
    private static void checkTrajectory(GymHttp http, long seed) {
        String id = http.create("{\"env_id\":\"CartPole-v1\",\"seed\":" + seed + "}");
        SplittableRandom starts = new SplittableRandom(seed).split();
        try (CartPoleEnv direct = new CartPoleEnv()) {
            direct.reset(starts.split());
            http.post("/v1/envs/" + id + "/reset/", "{}");
            for (int t = 0; t < 40; t++) {
                int action = (int) ((seed + t) % 2);
                Step expected = direct.step(new double[] {action});
                JsonNode step = http.post("/v1/envs/" + id + "/step/", "{\"action\":" + action + "}").json();
                assertEquals(expected.observation()[2], step.get("observation").get(2).asDouble(), "seed " + seed);
                if (expected.done()) {
                    direct.reset(starts.split());
                    http.post("/v1/envs/" + id + "/reset/", "{}");
                }
            }
        }
    }

    @Test
    void concurrentStepsOnOneInstanceAllSucceedAndFollowOneTrajectory() throws Exception {
        int clients = 4;
        int stepsEach = 30;
        try (GymServer server = GymServer.start(GymServerConfig.defaults().withPort(0).withThreads(4))) {
            GymHttp http = new GymHttp(server.uri());
            String id = http.create("{\"env_id\":\"Pendulum-v1\",\"seed\":9}");
            http.post("/v1/envs/" + id + "/reset/", "{}");
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Callable<Integer>> work = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    work.add(() -> {
                        GymHttp own = new GymHttp(server.uri());
                        int ok = 0;
                        for (int t = 0; t < stepsEach; t++) {
                            ok += own.post("/v1/envs/" + id + "/step/", "{\"action\":[0.5]}").status() == 200 ? 1 : 0;
                        }
                        return ok;
                    });
                }
                int succeeded = 0;
                for (Future<Integer> done : pool.invokeAll(work)) {
                    succeeded += done.get();
                }
                assertEquals(clients * stepsEach, succeeded);
            } finally {
                pool.shutdownNow();
            }
            // every client sent the same action, so serialised steps in any order give this one trajectory
            try (PendulumEnv direct = new PendulumEnv()) {
                direct.reset(new SplittableRandom(9).split().split());
                for (int t = 0; t < clients * stepsEach; t++) {
                    direct.step(new double[] {0.5});
                }
                Step next = direct.step(new double[] {0.5});
                JsonNode step = http.post("/v1/envs/" + id + "/step/", "{\"action\":[0.5]}").json();
                assertArrayEquals(next.observation(), new double[] {step.get("observation").get(0).asDouble(),
                    step.get("observation").get(1).asDouble(), step.get("observation").get(2).asDouble()});
            }
        }
    }

    @Test
    void closingTheServerReleasesEverything() {
        GymServer server = GymServer.start(GymServerConfig.defaults().withPort(0));
        GymHttp http = new GymHttp(server.uri());
        http.create("{\"env_id\":\"CartPole-v1\"}");
        http.create("{\"env_id\":\"Pendulum-v1\"}");
        server.close();
        assertEquals(0, server.instanceCount());
        assertTrue(!server.isRunning());
        assertThrows(UncheckedIOException.class, () -> http.get("/v1/envs/"));
        server.close(); // idempotent
        // the port is free again
        try (GymServer again = GymServer.start(GymServerConfig.defaults().withPort(server.port()))) {
            assertEquals(server.port(), again.port());
        }
    }

    @Test
    void badSettingsFailBeforeListening() {
        assertThrows(IllegalArgumentException.class, () -> GymServerConfig.defaults().withPort(70000));
        assertThrows(IllegalArgumentException.class, () -> GymServerConfig.defaults().withMaxInstances(0));
        try (GymServer first = GymServer.start(GymServerConfig.defaults().withPort(0))) {
            IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                    () -> GymServer.start(GymServerConfig.defaults().withPort(first.port())));
            assertTrue(taken.getMessage().startsWith("cannot listen on 127.0.0.1:" + first.port()), taken.getMessage());
        }
    }
}

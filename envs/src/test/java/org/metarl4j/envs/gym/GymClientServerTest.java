package org.metarl4j.envs.gym;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.Step;
import org.metarl4j.envs.VectorEnv;
import org.metarl4j.envs.classic.CartPoleEnv;
import org.metarl4j.envs.classic.CartPoleTask;
import org.metarl4j.envs.classic.PendulumEnv;
import org.metarl4j.envs.gym.server.GymServer;
import org.metarl4j.envs.gym.server.GymServerConfig;
import org.metarl4j.envs.space.Discrete;

/**
 * End to end: the client and {@link GymRemoteEnv} against MetaRL4J's own {@link GymServer} over real sockets on
 * loopback. A remote episode must equal the same env stepped in-process with the generators the server derives from
 * the instance's seed (reset k of a seeded instance draws from the k-th split of its root's first split).
 */
class GymClientServerTest {
    private GymServer server = GymServer.start(GymServerConfig.defaults().withPort(0));
    private final GymClient client = new GymClient(GymClientConfig.of(server.uri().toString())
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withRetries(1, Duration.ofMillis(50)));

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** Runs one episode of {@code remote} and {@code local} side by side with the same actions; returns its length. */
    private static int sameEpisode(Env<?> remote, Env<?> local, SplittableRandom remoteRng,
                                   SplittableRandom localRng, SplittableRandom actions) {
        assertArrayEquals(local.reset(localRng), remote.reset(remoteRng));
        for (int t = 1; ; t++) {
            double[] action = local.actionSpace().sample(actions);
            Step expected = local.step(action);
            Step actual = remote.step(action);
            assertArrayEquals(expected.observation(), actual.observation(), "step " + t);
            assertEquals(expected.reward(), actual.reward(), "step " + t);
            assertEquals(expected.terminated(), actual.terminated(), "step " + t);
            assertEquals(expected.truncated(), actual.truncated(), "step " + t);
            if (expected.done()) {
                return t;
            }
        }
    }

    @Test
    void cartPoleEpisodesOnTheServerEqualOurEnvsGivenTheSeed() {
        long seed = 42;
        SplittableRandom starts = new SplittableRandom(seed).split();
        SplittableRandom actions = new SplittableRandom(1);
        try (GymRemoteEnv remote = new GymRemoteEnv(client, GymEnvSpec.probe(client, List.of("CartPole-v1"), 500,
                GymSeeding.PER_INSTANCE), new GymTask("CartPole-v1"));
             CartPoleEnv local = new CartPoleEnv()) {
            assertEquals(local.observationSpace(), remote.observationSpace());
            assertEquals(new Discrete(2), remote.actionSpace());
            // the remote env draws its instance seed from the first reset's generator: mirror that draw
            SplittableRandom resetRng = new SplittableRandom(7);
            long drawn = 1L + new SplittableRandom(7).nextInt(Integer.MAX_VALUE);
            SplittableRandom localStarts = new SplittableRandom(drawn).split();
            int steps = sameEpisode(remote, local, resetRng, localStarts.split(), actions);
            steps += sameEpisode(remote, local, resetRng, localStarts.split(), actions);
            assertTrue(steps > 2);
            assertEquals(1, server.instanceCount());
        }
        assertEquals(0, server.instanceCount(), "closing the env closed its instance");
        // the client's own seeded create gives the same start as our env reset from the server's split
        String id = client.create("CartPole-v1", seed);
        try (CartPoleEnv local = new CartPoleEnv()) {
            assertArrayEquals(local.reset(starts.split()), client.reset(id));
        }
    }

    @Test
    void pendulumTakesContinuousActionsAndEndsAtTheTimeLimitAsTruncated() {
        try (GymRemoteEnv remote = GymRemoteEnv.open(client, new GymTask("Pendulum-v1"), 200,
                GymSeeding.PER_INSTANCE); PendulumEnv local = new PendulumEnv()) {
            assertEquals(local.actionSpace(), remote.actionSpace());
            assertEquals(local.observationSpace(), remote.observationSpace());
            SplittableRandom resetRng = new SplittableRandom(3);
            long drawn = 1L + new SplittableRandom(3).nextInt(Integer.MAX_VALUE);
            int steps = sameEpisode(remote, local, resetRng, new SplittableRandom(drawn).split().split(),
                    new SplittableRandom(4));
            assertEquals(200, steps);
            assertTrue(remote.truncated() && !remote.terminated());
        }
    }

    @Test
    void theTaskExtensionMakesTheParameterizedEnvOnTheServer() {
        CartPoleTask longPole = new CartPoleTask(9.8, 1.0, 0.1, 0.8, 10.0);
        try (GymRemoteEnv remote = GymRemoteEnv.open(client, new GymTask("CartPole-v1", Map.of("poleLength", 0.8)),
                500, GymSeeding.PER_INSTANCE); CartPoleEnv local = new CartPoleEnv()) {
            local.setTask(longPole);
            long drawn = 1L + new SplittableRandom(5).nextInt(Integer.MAX_VALUE);
            sameEpisode(remote, local, new SplittableRandom(5), new SplittableRandom(drawn).split().split(),
                    new SplittableRandom(6));
        }
        GymRequestException e = assertThrows(GymRequestException.class, () -> client.create("CartPole-v1",
                Map.of("poleLength", -1.0), null));
        assertTrue(e.serverMessage().contains("poleLength"), e.serverMessage());
    }

    @Test
    void aFamilyOfParameterizedTasksRunsInAVectorEnvAndLeavesNothingOpen() {
        GymTaskDistribution tasks = new GymTaskDistribution(List.of("CartPole-v1"),
                List.of(new ParameterRange("poleLength", 0.25, 0.75), new ParameterRange("cartMass", 0.5, 1.5)));
        EnvFamily<GymTask> family = GymFamilies.remote(client, tasks, 500, GymSeeding.PER_INSTANCE);
        List<GymTask> sampled = tasks.sample(3, new SplittableRandom(8));
        try (VectorEnv<GymTask> vec = VectorEnv.of(family.envFactory(), sampled, VectorEnv.AutoReset.OFF)) {
            vec.reset(new SplittableRandom(9));
            SplittableRandom actions = new SplittableRandom(10);
            double[] a = new double[3];
            while (vec.anyActive()) {
                for (int i = 0; i < 3; i++) {
                    a[i] = actions.nextInt(2);
                }
                vec.step(a);
            }
            assertEquals(3, server.instanceCount());
            assertEquals(sampled.get(1), vec.env(1).task());
        }
        assertEquals(0, server.instanceCount());
    }

    @Test
    void theOtherEndpointsAnswerThroughTheClient(@TempDir Path monitorDir) throws Exception {
        String id = client.create("CartPole-v1", 11);
        assertEquals(Map.of(id, "CartPole-v1"), client.listAll());
        double[] sample = client.sampleAction(id);
        assertTrue(sample[0] == 0 || sample[0] == 1);
        assertTrue(client.actionSpaceContains(id, 1));
        assertFalse(client.actionSpaceContains(id, 2));
        assertTrue(client.observationSpaceContains(id, Map.of("name", "Box")));
        client.monitorStart(id, monitorDir.toString(), true, false);
        client.reset(id);
        while (!client.step(id, 0).done()) {
            // run the episode out
        }
        client.monitorClose(id);
        try (var files = Files.list(monitorDir)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".stats.json")));
        }
        client.close(id);
        assertTrue(assertThrows(GymRequestException.class, () -> client.close(id)).unknownInstance());
        client.shutdownServer();
        assertTrue(server.awaitShutdown(Duration.ofSeconds(5)));
    }

    @Test
    void aServerKilledMidEpisodeThenRestartedOnItsPort() {
        int port = server.port();
        try (GymRemoteEnv remote = GymRemoteEnv.open(client, new GymTask("CartPole-v1"), 500,
                GymSeeding.PER_INSTANCE)) {
            SplittableRandom rng = new SplittableRandom(12);
            remote.reset(rng);
            remote.step(new double[] {0});
            server.close();
            GymInstanceLostException lost = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(GymInstanceLostException.class, () -> remote.step(new double[] {0})));
            assertInstanceOf(GymConnectionException.class, lost.getCause());
            assertThrows(GymConnectionException.class, () -> remote.reset(rng));
            server = GymServer.start(GymServerConfig.defaults().withPort(port));
            remote.reset(rng);
            assertEquals(1, remote.step(new double[] {1}).observation().length / 4);
            assertEquals(1, server.instanceCount());
        }
        assertEquals(0, server.instanceCount());
    }

    @Test
    void theClientClosesWhatItLeftOpen() {
        client.create("CartPole-v1");
        client.create("Pendulum-v1", 3);
        assertEquals(2, server.instanceCount());
        client.close();
        assertEquals(0, server.instanceCount());
    }
}

package org.metarl4j.envs.gym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.Step;
import org.metarl4j.envs.VectorEnv;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;

/** {@link GymRemoteEnv}'s episodes, instances and faults against the stateful {@link ToyGymServer}. */
class GymRemoteEnvTest {
    private final ToyGymServer server = new ToyGymServer();
    private final GymClient client = new GymClient(GymClientConfig.of(server.url())
            .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500)).withRetries(1, Duration.ofMillis(10)));

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private GymRemoteEnv env(String envId, int maxSteps, GymSeeding seeding) {
        return GymRemoteEnv.open(client, new GymTask(envId), maxSteps, seeding);
    }

    private long creates() {
        return server.http.count("POST /v1/envs/");
    }

    @Test
    void spacesComeFromTheServerAndTheProbeInstanceIsClosed() {
        GymRemoteEnv env = env("Counter-v0", 10, GymSeeding.PER_INSTANCE);
        assertEquals(new Discrete(3), env.actionSpace());
        assertEquals(Box.uniform(2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), env.observationSpace());
        assertEquals("Counter-v0", env.id());
        assertEquals(10, env.maxEpisodeSteps());
        assertEquals(0, server.liveInstances());
        assertNull(env.instanceId(), "no instance before the first reset");
    }

    @Test
    void doneBecomesTerminatedAndGymsTimeLimitTruncated() {
        try (GymRemoteEnv counter = env("Counter-v0", 10, GymSeeding.PER_INSTANCE);
             GymRemoteEnv timed = env("Timed-v0", 10, GymSeeding.PER_INSTANCE)) {
            SplittableRandom rng = new SplittableRandom(1);
            counter.reset(rng);
            timed.reset(rng);
            double total = 0;
            Step last = null;
            for (int t = 0; t < 5; t++) {
                Step a = counter.step(new double[] {2});
                last = timed.step(new double[] {1});
                total += a.reward();
                assertEquals(t == 4, a.terminated(), "step " + t);
                assertFalse(a.truncated());
                assertEquals(t == 4, last.truncated(), "step " + t);
                assertFalse(last.terminated());
            }
            assertEquals(10.0, total);
            assertEquals(Map.of(GymStep.TIME_LIMIT_TRUNCATED, true), last.info());
            assertEquals(5, timed.elapsedSteps());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> counter.step(new double[] {0}));
            assertTrue(e.getMessage().contains("after the episode ended"), e.getMessage());
        }
    }

    @Test
    void ourTimeLimitTruncatesAnEpisodeTheServerWouldContinue() {
        try (GymRemoteEnv slide = env("Slide-v0", 3, GymSeeding.PER_INSTANCE)) {
            slide.reset(new SplittableRandom(2));
            assertFalse(slide.step(new double[] {0.1}).done());
            assertFalse(slide.step(new double[] {0.1}).done());
            Step third = slide.step(new double[] {0.1});
            assertTrue(third.truncated() && !third.terminated());
        }
    }

    @Test
    void actionsAreCheckedLocallyAndBoxActionsClippedAndNested() {
        try (GymRemoteEnv slide = env("Slide-v0", 10, GymSeeding.PER_INSTANCE);
             GymRemoteEnv counter = env("Counter-v0", 10, GymSeeding.PER_INSTANCE)) {
            slide.reset(new SplittableRandom(3));
            counter.reset(new SplittableRandom(3));
            assertEquals(1.0, slide.step(new double[] {5.0}).observation()[1]);
            String sent = server.http.requests().get(server.http.requests().size() - 1).body();
            assertEquals("{\"action\":[1.0]}", sent);
            long before = server.http.requests().size();
            assertThrows(IllegalArgumentException.class, () -> slide.step(new double[] {Double.NaN}));
            assertThrows(IllegalArgumentException.class, () -> counter.step(new double[] {1.5}));
            assertThrows(IllegalArgumentException.class, () -> counter.step(new double[] {3}));
            assertThrows(IllegalArgumentException.class, () -> counter.step(new double[] {1, 1}));
            assertEquals(before, server.http.requests().size(), "bad actions never reach the server");
        }
    }

    @Test
    void anInstanceIsCreatedAtTheFirstResetAndKeptForTheSameTask() {
        try (GymRemoteEnv env = env("Counter-v0", 10, GymSeeding.PER_INSTANCE)) {
            long probe = creates();
            SplittableRandom rng = new SplittableRandom(4);
            env.reset(rng);
            String first = env.instanceId();
            env.reset(rng);
            env.setTask(new GymTask("Counter-v0"));
            env.reset(rng);
            assertEquals(first, env.instanceId());
            assertEquals(probe + 1, creates());
            env.setTask(new GymTask("Counter-v0", Map.of("length", 2)));
            env.reset(rng);
            assertNotEquals(first, env.instanceId());
            assertEquals(1, server.liveInstances(), "the old instance was closed");
            assertTrue(server.http.requests().get(server.http.requests().size() - 2).body()
                    .endsWith(",\"task\":{\"length\":2}}"));
            env.step(new double[] {0});
            assertTrue(env.step(new double[] {0}).terminated(), "the server made the task's 2-step episode");
        }
        assertEquals(0, server.liveInstances(), "close() closed the instance");
    }

    @Test
    void seedsComeFromTheResetGeneratorAsTheSeedingSays() {
        try (GymRemoteEnv a = env("Counter-v0", 10, GymSeeding.PER_INSTANCE);
             GymRemoteEnv b = env("Counter-v0", 10, GymSeeding.PER_INSTANCE);
             GymRemoteEnv none = env("Counter-v0", 10, GymSeeding.NONE);
             GymRemoteEnv perEpisode = env("Counter-v0", 10, GymSeeding.PER_EPISODE)) {
            double seedA = a.reset(new SplittableRandom(5))[1];
            assertEquals(seedA, b.reset(new SplittableRandom(5))[1], "same generator, same seed");
            assertTrue(seedA >= 1 && seedA <= Integer.MAX_VALUE, "seed " + seedA);
            assertEquals(0.0, none.reset(new SplittableRandom(5))[1], "unseeded: no seed key sent");
            assertFalse(server.http.requests().stream().filter(r -> r.line().equals("POST /v1/envs/"))
                    .allMatch(r -> r.body().contains("\"seed\"")));
            SplittableRandom rng = new SplittableRandom(7);
            double first = perEpisode.reset(rng)[1];
            String firstId = perEpisode.instanceId();
            double second = perEpisode.reset(rng)[1];
            assertNotEquals(first, second);
            assertNotEquals(firstId, perEpisode.instanceId());
        }
        assertEquals(0, server.liveInstances());
    }

    @Test
    void closeIsIdempotentAndTheClientClosesWhatEnvsLeftOpen() {
        GymRemoteEnv forgotten = env("Counter-v0", 10, GymSeeding.PER_INSTANCE);
        forgotten.reset(new SplittableRandom(8));
        GymRemoteEnv closed = env("Counter-v0", 10, GymSeeding.PER_INSTANCE);
        closed.reset(new SplittableRandom(8));
        closed.close();
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.reset(new SplittableRandom(8)));
        assertEquals(1, server.liveInstances());
        assertEquals(List.of(forgotten.instanceId()), client.openInstances());
        client.close();
        assertEquals(0, server.liveInstances());
        assertTrue(client.openInstances().isEmpty());
    }

    @Test
    void aRestartedServerGetsANewInstanceAtTheNextReset() {
        try (GymRemoteEnv env = env("Counter-v0", 10, GymSeeding.PER_INSTANCE)) {
            SplittableRandom rng = new SplittableRandom(9);
            env.reset(rng);
            env.step(new double[] {1});
            server.restart();
            long before = creates();
            assertEquals(0.0, env.reset(rng)[0]);
            assertEquals(before + 1, creates(), "the reset found the instance unknown and made a new one");
            assertEquals(1, server.liveInstances());
            assertEquals(1, env.step(new double[] {1}).observation()[0]);
        }
    }

    @Test
    void aRestartMidEpisodeLosesTheEpisodeClearlyAndTheNextResetRecovers() {
        try (GymRemoteEnv env = env("Counter-v0", 10, GymSeeding.PER_INSTANCE)) {
            SplittableRandom rng = new SplittableRandom(10);
            env.reset(rng);
            env.step(new double[] {1});
            server.restart();
            GymInstanceLostException e = assertThrows(GymInstanceLostException.class,
                    () -> env.step(new double[] {1}));
            assertTrue(e.getMessage().contains("lost at step 2") && e.getMessage().contains("restarted"),
                    e.getMessage());
            assertInstanceOf(GymRequestException.class, e.getCause());
            assertThrows(IllegalStateException.class, () -> env.step(new double[] {1}));
            env.reset(rng);
            assertEquals(1, env.step(new double[] {1}).observation()[0]);
            assertEquals(List.of(env.instanceId()), client.openInstances());
        }
    }

    @Test
    void aServerKilledMidEpisodeEndsTheEpisodeWithATypedExceptionInBoundedTime() {
        try (GymRemoteEnv env = env("Counter-v0", 10, GymSeeding.PER_INSTANCE)) {
            SplittableRandom rng = new SplittableRandom(11);
            env.reset(rng);
            env.step(new double[] {1});
            server.http.kill();
            GymInstanceLostException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(GymInstanceLostException.class, () -> env.step(new double[] {1})));
            assertInstanceOf(GymConnectionException.class, e.getCause());
            assertTrue(e.getMessage().contains("Counter-v0 instance") && e.getMessage().contains("next reset"),
                    e.getMessage());
            assertThrows(GymConnectionException.class, () -> env.reset(rng));
            assertTrue(client.openInstances().isEmpty(), "the lost instance is forgotten, not closed");
        }
    }

    @Test
    void aFamilyOverEnvIdsWithEqualSpacesRunsInAVectorEnv() {
        GymTaskDistribution tasks = new GymTaskDistribution(List.of("Counter-v0", "Timed-v0"),
                List.of(new ParameterRange("length", 2, 4)));
        EnvFamily<GymTask> family = GymFamilies.remote(client, tasks, 10, GymSeeding.PER_INSTANCE);
        assertEquals(GymFamilies.NAME, family.name());
        assertEquals("Counter-v0", family.envId());
        List<GymTask> sampled = tasks.sample(4, new SplittableRandom(12));
        try (VectorEnv<GymTask> vec = VectorEnv.of(family.envFactory(), sampled, VectorEnv.AutoReset.OFF)) {
            vec.reset(new SplittableRandom(13));
            int steps = 0;
            while (vec.anyActive()) {
                vec.step(new double[] {1, 1, 1, 1});
                steps++;
            }
            int longest = sampled.stream().mapToInt(t -> ((Number) t.parameters().get("length")).intValue()).max()
                    .orElseThrow();
            assertEquals(longest, steps);
            assertEquals(4, server.liveInstances());
        }
        assertEquals(0, server.liveInstances(), "closing the vector env closed every instance");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GymFamilies.remote(client,
                new GymTaskDistribution(List.of("Counter-v0", "Slide-v0"), List.of()), 10, GymSeeding.NONE));
        assertTrue(e.getMessage().contains("have different spaces"), e.getMessage());
    }

    @Test
    void anEnvIdOutsideTheSpecIsRefused() {
        try (GymRemoteEnv env = env("Counter-v0", 10, GymSeeding.PER_INSTANCE)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> env.setTask(new GymTask("Slide-v0")));
            assertTrue(e.getMessage().contains("not one of this remote env's [Counter-v0]"), e.getMessage());
        }
    }

    @Test
    void anUnknownEnvIdFailsAtTheProbeWithTheServersWords() {
        GymRequestException e = assertThrows(GymRequestException.class, () -> env("NoSuchEnv-v0", 10,
                GymSeeding.NONE));
        assertTrue(e.getMessage().contains("malformed environment ID 'NoSuchEnv-v0'"), e.getMessage());
    }
}

package org.metarl4j.agents.rl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.gym.StepReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.metarl4j.envs.Step;
import org.metarl4j.envs.navigation.Navigation2DEnv;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The RL4J MDP adapter against the env it wraps. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Rl4jMdpTest {
    private static final int[] ACTIONS = {1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1};

    @Test
    void resetAndStepAgreeWithTheWrappedEnv() {
        long seed = 17;
        Rl4jMdp<CorridorEnv> mdp = Rl4jMdp.of(() -> new CorridorEnv(5, 6), seed);
        CorridorEnv reference = new CorridorEnv(5, 6);
        SplittableRandom master = new SplittableRandom(seed);
        assertTrue(mdp.isDone(), "no episode before the first reset");

        int episodes = 0;
        boolean sawTerminated = false;
        boolean sawTruncated = false;
        Rl4jObservation o = mdp.reset();
        assertArrayEquals(reference.reset(master.split()), o.values());
        for (int round = 0; round < 5; round++) {
            for (int a : ACTIONS) {
                StepReply<Rl4jObservation> reply = mdp.step(a);
                Step expected = reference.step(new double[] {a});
                assertArrayEquals(expected.observation(), reply.getObservation().values());
                assertEquals(expected.reward(), reply.getReward());
                assertEquals(expected.done(), reply.isDone());
                assertEquals(expected.done(), mdp.isDone());
                @SuppressWarnings("unchecked")
                Map<String, Object> info = (Map<String, Object>) reply.getInfo();
                assertEquals(expected.terminated(), info.get("terminated"));
                assertEquals(expected.truncated(), info.get("truncated"));
                sawTerminated |= expected.terminated();
                sawTruncated |= expected.truncated();
                if (reply.isDone()) {
                    episodes++;
                    assertThrows(IllegalStateException.class, () -> mdp.step(1), "step after the episode ended");
                    o = mdp.reset();
                    assertArrayEquals(reference.reset(master.split()), o.values());
                    assertFalse(mdp.isDone());
                }
            }
        }
        assertTrue(episodes > 3, "the action sequence should end several episodes, ended " + episodes);
        assertTrue(sawTerminated && sawTruncated, "both ways for an episode to end should be exercised");
    }

    @Test
    void sameSeedSameEpisodesAndSpacesMatchTheEnv() {
        Rl4jMdp<CorridorEnv> a = Rl4jMdp.of(CorridorEnv::new, 5);
        Rl4jMdp<CorridorEnv> b = Rl4jMdp.of(CorridorEnv::new, 5);
        for (int i = 0; i < 10; i++) {
            assertEquals(a.reset(), b.reset());
        }

        assertEquals(2, a.getActionSpace().getSize());
        assertArrayEquals(new int[] {2}, a.getObservationSpace().getShape());
        assertEquals(CorridorEnv.ID, a.getObservationSpace().getName());
        INDArray low = a.getObservationSpace().getLow();
        INDArray high = a.getObservationSpace().getHigh();
        assertArrayEquals(new long[] {2}, low.shape());
        assertEquals(0.0, low.getDouble(0));
        assertEquals(1.0, high.getDouble(0));
        assertEquals(-Float.MAX_VALUE, low.getFloat(1), "infinite bounds become the float extremes");
        assertEquals(Float.MAX_VALUE, high.getFloat(1));

        INDArray data = a.reset().getData();
        assertArrayEquals(new long[] {2}, data.shape());
    }

    @Test
    void newInstanceWrapsAFreshEnvAndCloseClosesIt() {
        Rl4jMdp<CorridorEnv> parent = Rl4jMdp.of(CorridorEnv::new, 3);
        Rl4jMdp<CorridorEnv> child = parent.newInstance();
        assertNotSame(parent.env(), child.env());
        Rl4jMdp<CorridorEnv> again = Rl4jMdp.of(CorridorEnv::new, 3).newInstance();
        assertEquals(child.seed(), again.seed(), "children are seeded reproducibly");

        child.reset();
        assertEquals(2, child.step(1).getObservation().size());
        child.close();
        assertTrue(child.env().closed);
        assertFalse(parent.env().closed);
        assertThrows(IllegalStateException.class, child::reset);
        child.close();

        parent.reset();
        assertThrows(IllegalArgumentException.class, () -> parent.step(2));
        assertThrows(IllegalArgumentException.class, () -> parent.step(-1));
    }

    @Test
    void discreteObservationsAreOneHot() {
        Rl4jMdp<CorridorEnv> mdp = Rl4jMdp.of(() -> new CorridorEnv(4, 10, true), 9);
        assertArrayEquals(new int[] {4}, mdp.getObservationSpace().getShape());
        CorridorEnv reference = new CorridorEnv(4, 10, true);
        int cell = (int) reference.reset(new SplittableRandom(9).split())[0];
        double[] expected = new double[4];
        expected[cell] = 1.0;
        assertArrayEquals(expected, mdp.reset().values());
        double[] atGoal = {0, 0, 0, 1};
        StepReply<Rl4jObservation> reply;
        do {
            reply = mdp.step(1);
        } while (!reply.isDone());
        assertArrayEquals(atGoal, reply.getObservation().values());
    }

    @Test
    void continuousActionsAreRejectedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rl4jMdp.of(Navigation2DEnv::new, 1));
        assertTrue(e.getMessage().startsWith("RL4J supports discrete actions only; Navigation2D-v0 has Box("),
                e.getMessage());
    }
}

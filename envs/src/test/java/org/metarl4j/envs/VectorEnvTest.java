package org.metarl4j.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.navigation.Navigation2DEnv;
import org.metarl4j.envs.navigation.NavigationTask;
import org.metarl4j.envs.navigation.NavigationTaskDistribution;

class VectorEnvTest {
    private static final List<NavigationTask> TASKS = List.of(
            new NavigationTask(0.1, 0.0), new NavigationTask(-0.3, 0.2), new NavigationTask(0.0, 0.0));

    private static VectorEnv<NavigationTask> vector(VectorEnv.AutoReset mode) {
        return VectorEnv.of(() -> new Navigation2DEnv(new NavigationTask(0, 0), 3), TASKS, mode);
    }

    @Test
    void stepsEachEnvOnItsOwnTaskIntoFlatBuffers() {
        VectorEnv<NavigationTask> vec = vector(VectorEnv.AutoReset.OFF);
        vec.reset(new SplittableRandom(1));
        vec.step(new double[] {0.05, 0.0, -0.1, 0.1, 0.0, 0.0});
        assertArrayEquals(new double[] {0.05, 0.0, -0.1, 0.1, 0.0, 0.0}, vec.observations(), 1e-15);
        assertEquals(-0.05, vec.rewards()[0], 1e-15);
        assertEquals(-Math.hypot(0.2, 0.1), vec.rewards()[1], 1e-15);
        assertEquals(0.0, vec.rewards()[2], 0.0);
        assertTrue(vec.terminated(2), "env 2 starts on its goal and terminates at once");
        assertFalse(vec.active(2));
        assertTrue(vec.active(0) && vec.active(1));
    }

    @Test
    void offModeFreezesFinishedEnvsUntilReset() {
        VectorEnv<NavigationTask> vec = vector(VectorEnv.AutoReset.OFF);
        vec.reset(new SplittableRandom(1));
        double[] zero = new double[6];
        vec.step(zero);
        vec.step(new double[] {0.1, 0, 0, 0, 0.1, 0.1});
        assertArrayEquals(new double[] {0.0, 0.0}, java.util.Arrays.copyOfRange(vec.observations(), 4, 6), 0.0,
                "a frozen env ignores its action");
        assertEquals(0.0, vec.rewards()[2], 0.0);
        assertFalse(vec.terminated(2), "termination is reported once, on the step it happens");
        assertTrue(vec.terminated(0));
        vec.step(zero);
        assertTrue(vec.truncated(1), "time limit 3");
        assertFalse(vec.anyActive());
        vec.reset(new SplittableRandom(1));
        assertTrue(vec.anyActive());
    }

    @Test
    void sameStepAutoResetKeepsTheFinalObservation() {
        VectorEnv<NavigationTask> vec = vector(VectorEnv.AutoReset.SAME_STEP);
        vec.reset(new SplittableRandom(1));
        vec.step(new double[] {0.1, 0.0, -0.1, 0.0, 0.0, 0.0});
        assertTrue(vec.terminated(0));
        assertArrayEquals(new double[] {0.1, 0.0}, java.util.Arrays.copyOfRange(vec.finalObservations(), 0, 2), 0.0);
        assertArrayEquals(new double[] {0.0, 0.0}, java.util.Arrays.copyOfRange(vec.observations(), 0, 2), 0.0,
                "env 0 already restarted");
        assertTrue(vec.active(0));
        vec.step(new double[6]);
        vec.step(new double[6]);
        assertTrue(vec.truncated(1));
        assertArrayEquals(new double[] {-0.1, 0.0}, java.util.Arrays.copyOfRange(vec.finalObservations(), 2, 4), 0.0);
    }

    @Test
    void rejectsMismatchedInput() {
        VectorEnv<NavigationTask> vec = vector(VectorEnv.AutoReset.OFF);
        assertThrows(IllegalStateException.class, () -> vec.step(new double[6]));
        vec.reset(new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vec.step(new double[5]));
        assertEquals("expected 3 x 2 = 6 action values, got 5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> vec.setTasks(TASKS.subList(0, 2)));
        assertThrows(IllegalArgumentException.class, () -> new VectorEnv<NavigationTask>(List.of(), VectorEnv.AutoReset.OFF));
    }

    @Test
    void sameSeedGivesIdenticalRollouts() {
        assertArrayEquals(rollout(123), rollout(123));
        assertFalse(java.util.Arrays.equals(rollout(123), rollout(124)));
    }

    /** Random tasks and random actions, both drawn from one seed; returns every observation and reward. */
    private static double[] rollout(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<NavigationTask> tasks = NavigationTaskDistribution.standard().sample(8, rng.split());
        VectorEnv<NavigationTask> vec = VectorEnv.of(Navigation2DEnv::new, tasks, VectorEnv.AutoReset.SAME_STEP);
        SplittableRandom actionRng = rng.split();
        vec.reset(rng.split());
        int perStep = vec.numEnvs() * (vec.observationDim() + 1);
        double[] trace = new double[150 * perStep];
        double[] actions = new double[vec.numEnvs() * vec.actionDim()];
        for (int t = 0; t < 150; t++) {
            for (int i = 0; i < actions.length; i++) {
                actions[i] = 0.2 * actionRng.nextDouble() - 0.1;
            }
            vec.step(actions);
            System.arraycopy(vec.observations(), 0, trace, t * perStep, vec.observations().length);
            System.arraycopy(vec.rewards(), 0, trace, t * perStep + vec.observations().length, vec.numEnvs());
        }
        return trace;
    }
}

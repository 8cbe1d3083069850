package org.metarl4j.envs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every registered family must have: seeded determinism, replayable tasks, clear errors. */
class AllFamiliesTest {

    static Stream<EnvFamily<?>> families() {
        return EnvFamilies.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void sameSeedGivesIdenticalTrajectoriesAndAnotherSeedDoesNot(EnvFamily<?> family) {
        double[] a = rollout(family, 99);
        assertArrayEquals(a, rollout(family, 99));
        assertFalse(Arrays.equals(a, rollout(family, 100)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void tasksReplayFromTheirJson(EnvFamily<?> family) {
        replay(family);
    }

    private static <T extends Task> void replay(EnvFamily<T> family) {
        List<T> tasks = family.tasks().sample(5, new SplittableRandom(3));
        @SuppressWarnings("unchecked")
        List<T> parsed = (List<T>) (List<?>) Tasks.listFromJson(Tasks.toJson(tasks));
        assertEquals(tasks, parsed);
        assertArrayEquals(rollout(family, tasks, 5), rollout(family, parsed, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void nanActionsAreRejectedWithTheEnvId(EnvFamily<?> family) {
        Env<?> env = family.envFactory().get();
        env.reset(new SplittableRandom(1));
        double[] action = new double[env.actionSpace().flatDim()];
        action[0] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(action));
        assertTrue(e.getMessage().startsWith(env.id()), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.step(new double[env.actionSpace().flatDim() + 1]));
    }

    private static double[] rollout(EnvFamily<?> family, long seed) {
        return rolloutFromSeed(family, seed);
    }

    private static <T extends Task> double[] rolloutFromSeed(EnvFamily<T> family, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return rollout(family, family.tasks().sample(4, rng.split()), seed);
    }

    /** 300 lockstep steps with random actions, auto-reset on; returns observations and rewards of every step. */
    private static <T extends Task> double[] rollout(EnvFamily<T> family, List<T> tasks, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        try (VectorEnv<T> vec = VectorEnv.of(family.envFactory(), tasks, VectorEnv.AutoReset.SAME_STEP)) {
            vec.reset(rng.split());
            int n = vec.numEnvs();
            int perStep = n * vec.observationDim() + n;
            double[] trace = new double[300 * perStep];
            double[] actions = new double[n * vec.actionDim()];
            for (int t = 0; t < 300; t++) {
                for (int i = 0; i < n; i++) {
                    vec.env(i).actionSpace().sample(rng, actions, i * vec.actionDim());
                }
                vec.step(actions);
                System.arraycopy(vec.observations(), 0, trace, t * perStep, n * vec.observationDim());
                System.arraycopy(vec.rewards(), 0, trace, t * perStep + n * vec.observationDim(), n);
            }
            return trace;
        }
    }
}

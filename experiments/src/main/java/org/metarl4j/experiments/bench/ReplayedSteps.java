package org.metarl4j.experiments.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.VectorEnv;

/**
 * What the env-step benchmarks share: envs of one family on sampled tasks, stepped with actions drawn uniformly from
 * the action space ahead of time and replayed from a table (so a figure is the env's own cost), finished episodes
 * reset inside the measured step (their cost counted).
 */
final class ReplayedSteps {
    private static final int SINGLE_ROWS = 4096;
    private static final int VECTOR_ROWS = 64;

    private ReplayedSteps() {
    }

    /** One env. */
    static final class Single implements AutoCloseable {
        private final Env<?> env;
        private final double[] actions;
        private final int actionDim;
        private final double[] obs;
        private final SplittableRandom rng;
        private int cursor;

        Single(EnvFamily<?> family, long seed) {
            rng = new SplittableRandom(seed);
            env = newEnv(family, rng);
            actionDim = env.actionSpace().flatDim();
            actions = new double[SINGLE_ROWS * actionDim];
            for (int i = 0; i < SINGLE_ROWS; i++) {
                env.actionSpace().sample(rng, actions, i * actionDim);
            }
            obs = new double[env.observationSpace().flatDim()];
            env.resetInto(rng, obs, 0);
        }

        /** One env step with the next replayed action; returns its reward. */
        double step() {
            int offset = cursor * actionDim;
            cursor = (cursor + 1) & (SINGLE_ROWS - 1); // a power of two: no division in the measured step
            double reward = env.stepInto(actions, offset, obs, 0);
            if (env.terminated() || env.truncated()) {
                env.resetInto(rng, obs, 0);
            }
            return reward;
        }

        @Override
        public void close() {
            env.close();
        }
    }

    /** {@code size} envs on as many tasks in one {@link VectorEnv}, auto-reset on the step an episode ends. */
    static final class Vector implements AutoCloseable {
        private final VectorEnv<?> vec;
        private final double[][] actions;
        private int cursor;

        Vector(EnvFamily<?> family, int size, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            vec = newVector(family, size, rng);
            actions = new double[VECTOR_ROWS][vec.numEnvs() * vec.actionDim()];
            for (double[] row : actions) {
                for (int e = 0; e < vec.numEnvs(); e++) {
                    vec.env(e).actionSpace().sample(rng, row, e * vec.actionDim());
                }
            }
            vec.reset(rng);
        }

        /** One lockstep step of every env; returns the rewards. */
        double[] step() {
            cursor = (cursor + 1) & (VECTOR_ROWS - 1);
            vec.step(actions[cursor]);
            return vec.rewards();
        }

        @Override
        public void close() {
            vec.close();
        }
    }

    private static <T extends Task> Env<T> newEnv(EnvFamily<T> family, SplittableRandom rng) {
        return family.newEnv(family.tasks().sample(rng));
    }

    private static <T extends Task> VectorEnv<T> newVector(EnvFamily<T> family, int size, SplittableRandom rng) {
        List<T> tasks = family.tasks().sample(size, rng);
        return VectorEnv.of(family.envFactory(), tasks, VectorEnv.AutoReset.SAME_STEP);
    }
}

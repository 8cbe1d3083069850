package org.metarl4j.experiments.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.VectorEnv;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Env steps per second for every family: one env stepped alone, and 64 envs (64 different tasks) stepped in lockstep
 * through {@link VectorEnv} (score per env step). Actions are drawn uniformly from the action space ahead of time and
 * replayed from a table, so the figure is the env's own cost; finished episodes are reset (counted in the cost).
 *
 * <p>Run: {@code java -jar experiments/target/metarl4j.jar bench} (see BENCHMARKS.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class EnvStepBenchmark {
    static final int VECTOR_SIZE = 64;
    private static final int ACTION_TABLE = 4096;

    @State(Scope.Thread)
    public static class Single {
        @Param({"navigation2d", "bernoulli-bandit", "tabular-mdp", "cartpole", "pendulum",
                "mountaincar-continuous", "acrobot", "reacher2d"})
        public String family;

        Env<?> env;
        double[] actions;
        int actionDim;
        double[] obs;
        int cursor;
        SplittableRandom rng;

        @Setup(Level.Trial)
        public void setUp() {
            EnvFamily<?> f = EnvFamilies.byName(family);
            rng = new SplittableRandom(1);
            env = newEnv(f, rng);
            actionDim = env.actionSpace().flatDim();
            actions = actionTable(env, rng, ACTION_TABLE);
            obs = new double[env.observationSpace().flatDim()];
            env.resetInto(rng, obs, 0);
        }
    }

    @State(Scope.Thread)
    public static class Vector {
        @Param({"navigation2d", "bernoulli-bandit", "tabular-mdp", "cartpole", "pendulum",
                "mountaincar-continuous", "acrobot", "reacher2d"})
        public String family;

        VectorEnv<?> vec;
        double[][] actions;
        int cursor;

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom rng = new SplittableRandom(1);
            vec = newVector(EnvFamilies.byName(family), rng);
            actions = new double[64][];
            for (int i = 0; i < actions.length; i++) {
                actions[i] = new double[vec.numEnvs() * vec.actionDim()];
                for (int e = 0; e < vec.numEnvs(); e++) {
                    vec.env(e).actionSpace().sample(rng, actions[i], e * vec.actionDim());
                }
            }
            vec.reset(rng);
        }
    }

    private static <T extends Task> Env<T> newEnv(EnvFamily<T> family, SplittableRandom rng) {
        return family.newEnv(family.tasks().sample(rng));
    }

    private static <T extends Task> VectorEnv<T> newVector(EnvFamily<T> family, SplittableRandom rng) {
        List<T> tasks = family.tasks().sample(VECTOR_SIZE, rng);
        return VectorEnv.of(family.envFactory(), tasks, VectorEnv.AutoReset.SAME_STEP);
    }

    private static double[] actionTable(Env<?> env, SplittableRandom rng, int n) {
        int dim = env.actionSpace().flatDim();
        double[] table = new double[n * dim];
        for (int i = 0; i < n; i++) {
            env.actionSpace().sample(rng, table, i * dim);
        }
        return table;
    }

    @Benchmark
    public double singleEnvStep(Single s) {
        int offset = s.cursor * s.actionDim;
        s.cursor = (s.cursor + 1) & (ACTION_TABLE - 1);
        double reward = s.env.stepInto(s.actions, offset, s.obs, 0);
        if (s.env.terminated() || s.env.truncated()) {
            s.env.resetInto(s.rng, s.obs, 0);
        }
        return reward;
    }

    @Benchmark
    @OperationsPerInvocation(VECTOR_SIZE)
    public double[] vectorEnvStep(Vector v) {
        v.cursor = (v.cursor + 1) & 63;
        v.vec.step(v.actions[v.cursor]);
        return v.vec.rewards();
    }
}

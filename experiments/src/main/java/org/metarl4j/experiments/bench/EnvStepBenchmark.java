package org.metarl4j.experiments.bench;

import java.util.concurrent.TimeUnit;
import org.metarl4j.envs.EnvFamilies;
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

    @State(Scope.Thread)
    public static class Single {
        @Param({"navigation2d", "bernoulli-bandit", "tabular-mdp", "cartpole", "pendulum",
                "mountaincar-continuous", "acrobot", "reacher2d"})
        public String family;

        ReplayedSteps.Single replay;

        @Setup(Level.Trial)
        public void setUp() {
            replay = new ReplayedSteps.Single(EnvFamilies.byName(family), 1);
        }
    }

    @State(Scope.Thread)
    public static class Vector {
        @Param({"navigation2d", "bernoulli-bandit", "tabular-mdp", "cartpole", "pendulum",
                "mountaincar-continuous", "acrobot", "reacher2d"})
        public String family;

        ReplayedSteps.Vector replay;

        @Setup(Level.Trial)
        public void setUp() {
            replay = new ReplayedSteps.Vector(EnvFamilies.byName(family), VECTOR_SIZE, 1);
        }
    }

    @Benchmark
    public double singleEnvStep(Single s) {
        return s.replay.step();
    }

    @Benchmark
    @OperationsPerInvocation(VECTOR_SIZE)
    public double[] vectorEnvStep(Vector v) {
        return v.replay.step();
    }
}

package org.metarl4j.experiments.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.VectorEnv;
import org.metarl4j.envs.robotics.scene.GripperScene;
import org.metarl4j.envs.robotics.scene.ObjectSpec;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Control steps per second of the ode4j manipulation families, against the engine's own rate on the same scene.
 * {@code singleEnvStep}: one env, random actions replayed from a table, reset when an episode ends.
 * {@code vectorEnvStep}: {@value #VECTOR_SIZE} envs on different tasks in one {@link VectorEnv}, per env step.
 * {@code rawEngineStep}: what one control step costs ode4j alone: {@value GripperScene#SUBSTEPS} × (collide the
 * object's four pairs, quickstep, drop contacts) with the cube resting on the table under the open hand, no env,
 * action, observation or reward. The env overhead ratio is singleEnvStep / rawEngineStep.
 *
 * <p>Run: {@code java -jar experiments/target/metarl4j.jar bench RoboticsStepBenchmark} (see BENCHMARKS.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class RoboticsStepBenchmark {
    static final int VECTOR_SIZE = 16;
    private static final int ACTION_TABLE = 4096;

    @State(Scope.Thread)
    public static class Single {
        @Param({"grasp-lift", "pick-place", "push", "reach3d"})
        public String family;

        Env<?> env;
        double[] actions;
        double[] obs;
        int cursor;
        SplittableRandom rng;

        @Setup(Level.Trial)
        public void setUp() {
            rng = new SplittableRandom(1);
            env = newEnv(EnvFamilies.byName(family), rng);
            actions = new double[ACTION_TABLE * 4];
            for (int i = 0; i < ACTION_TABLE; i++) {
                env.actionSpace().sample(rng, actions, i * 4);
            }
            obs = new double[env.observationSpace().flatDim()];
            env.resetInto(rng, obs, 0);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            env.close();
        }
    }

    @State(Scope.Thread)
    public static class Vector {
        @Param({"grasp-lift", "pick-place", "push", "reach3d"})
        public String family;

        VectorEnv<?> vec;
        double[][] actions;
        int cursor;

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom rng = new SplittableRandom(1);
            vec = newVector(EnvFamilies.byName(family), rng);
            actions = new double[64][vec.numEnvs() * vec.actionDim()];
            for (double[] row : actions) {
                for (int e = 0; e < vec.numEnvs(); e++) {
                    vec.env(e).actionSpace().sample(rng, row, e * vec.actionDim());
                }
            }
            vec.reset(rng);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            vec.close();
        }
    }

    @State(Scope.Thread)
    public static class Raw {
        GripperScene scene;

        @Setup(Level.Trial)
        public void setUp() {
            scene = new GripperScene();
            scene.reset(ObjectSpec.DEFAULT, 0.05, 0.05, 0.0, new double[] {0.05, 0.05, 0.06}, GripperScene.MAX_OPENING);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            scene.close();
        }
    }

    private static <T extends Task> Env<T> newEnv(EnvFamily<T> family, SplittableRandom rng) {
        return family.newEnv(family.tasks().sample(rng));
    }

    private static <T extends Task> VectorEnv<T> newVector(EnvFamily<T> family, SplittableRandom rng) {
        List<T> tasks = family.tasks().sample(VECTOR_SIZE, rng);
        return VectorEnv.of(family.envFactory(), tasks, VectorEnv.AutoReset.SAME_STEP);
    }

    @Benchmark
    public double singleEnvStep(Single s) {
        int offset = s.cursor * 4;
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

    @Benchmark
    public double rawEngineStep(Raw r) {
        for (int k = 0; k < GripperScene.SUBSTEPS; k++) {
            r.scene.physicsStep();
        }
        return r.scene.objectZ();
    }
}

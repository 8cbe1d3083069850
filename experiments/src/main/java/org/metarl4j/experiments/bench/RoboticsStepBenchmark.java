package org.metarl4j.experiments.bench;

import java.util.concurrent.TimeUnit;
import org.metarl4j.envs.EnvFamilies;
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

    @State(Scope.Thread)
    public static class Single {
        @Param({"grasp-lift", "pick-place", "push", "reach3d"})
        public String family;

        ReplayedSteps.Single replay;

        @Setup(Level.Trial)
        public void setUp() {
            replay = new ReplayedSteps.Single(EnvFamilies.byName(family), 1);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            replay.close();
        }
    }

    @State(Scope.Thread)
    public static class Vector {
        @Param({"grasp-lift", "pick-place", "push", "reach3d"})
        public String family;

        ReplayedSteps.Vector replay;

        @Setup(Level.Trial)
        public void setUp() {
            replay = new ReplayedSteps.Vector(EnvFamilies.byName(family), VECTOR_SIZE, 1);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            replay.close();
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

    @Benchmark
    public double singleEnvStep(Single s) {
        return s.replay.step();
    }

    @Benchmark
    @OperationsPerInvocation(VECTOR_SIZE)
    public double[] vectorEnvStep(Vector v) {
        return v.replay.step();
    }

    @Benchmark
    public double rawEngineStep(Raw r) {
        for (int k = 0; k < GripperScene.SUBSTEPS; k++) {
            r.scene.physicsStep();
        }
        return r.scene.objectZ();
    }
}

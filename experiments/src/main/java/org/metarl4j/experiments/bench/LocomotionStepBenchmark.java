package org.metarl4j.experiments.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.dyn4j.dynamics.Body;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.VectorEnv;
import org.metarl4j.envs.locomotion.CheetahBody;
import org.metarl4j.envs.locomotion.CheetahModel;
import org.metarl4j.envs.locomotion.PlanarCheetahEnv;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Control steps per second of the planar cheetah ({@code cheetah-vel}): one env, {@value #VECTOR_SIZE} envs on
 * different tasks in a {@link VectorEnv} (score per env step), and the raw dyn4j world of the same body driven
 * directly — per control step {@value PlanarCheetahEnv#FRAME_SKIP} × (motor torques through dyn4j's
 * {@code applyTorque}, {@code world.step}) — with no springs, dampers, observation or reward. All three replay the same
 * pre-drawn uniform actions and start a new world (episode) every {@value PlanarCheetahEnv#DEFAULT_MAX_STEPS} steps,
 * so env / raw is the share of the engine's speed the env keeps (goal ≥ 80%).
 *
 * <p>Run: {@code java -jar experiments/target/metarl4j.jar bench LocomotionStepBenchmark} (see BENCHMARKS.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class LocomotionStepBenchmark {
    static final int VECTOR_SIZE = 16;
    private static final int ACTION_TABLE = 4096;
    private static final int JOINTS = CheetahModel.JOINTS;

    private static double[] actionTable(SplittableRandom rng, int rows) {
        double[] table = new double[rows * JOINTS];
        for (int i = 0; i < table.length; i++) {
            table[i] = 2.0 * rng.nextDouble() - 1.0;
        }
        return table;
    }

    @State(Scope.Thread)
    public static class Single {
        ReplayedSteps.Single replay;

        @Setup(Level.Trial)
        public void setUp() {
            replay = new ReplayedSteps.Single(EnvFamilies.byName("cheetah-vel"), 1);
        }
    }

    @State(Scope.Thread)
    public static class Vector {
        ReplayedSteps.Vector replay;

        @Setup(Level.Trial)
        public void setUp() {
            replay = new ReplayedSteps.Vector(EnvFamilies.byName("cheetah-vel"), VECTOR_SIZE, 1);
        }
    }

    @State(Scope.Thread)
    public static class Raw {
        CheetahBody body;
        double[] actions;
        int cursor;
        int steps;
        final double[] qpos = new double[PlanarCheetahEnv.DOF];
        final double[] qvel = new double[PlanarCheetahEnv.DOF];

        @Setup(Level.Trial)
        public void setUp() {
            actions = actionTable(new SplittableRandom(1), ACTION_TABLE);
            body = new CheetahBody(qpos, qvel);
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
    public double rawWorldStep(Raw r) {
        int offset = r.cursor * JOINTS;
        r.cursor = (r.cursor + 1) & (ACTION_TABLE - 1);
        for (int k = 0; k < PlanarCheetahEnv.FRAME_SKIP; k++) {
            for (int j = 0; j < JOINTS; j++) {
                double torque = CheetahModel.BODIES.get(j + 1).joint().gear() * r.actions[offset + j];
                r.body.body(j + 1).applyTorque(-torque);
                r.body.body(CheetahModel.BODIES.get(j + 1).parent()).applyTorque(torque);
            }
            r.body.world().step(1, CheetahBody.DT);
        }
        if (++r.steps == PlanarCheetahEnv.DEFAULT_MAX_STEPS) {
            r.steps = 0;
            r.body = new CheetahBody(r.qpos, r.qvel);
        }
        Body torso = r.body.body(0);
        return torso.getTransform().getTranslationX();
    }
}

package org.metarl4j.experiments.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.dyn4j.dynamics.Body;
import org.metarl4j.envs.VectorEnv;
import org.metarl4j.envs.locomotion.CheetahBody;
import org.metarl4j.envs.locomotion.CheetahModel;
import org.metarl4j.envs.locomotion.CheetahVelTask;
import org.metarl4j.envs.locomotion.CheetahVelTaskDistribution;
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
        PlanarCheetahEnv<CheetahVelTask> env;
        double[] actions;
        double[] obs;
        int cursor;
        SplittableRandom rng;

        @Setup(Level.Trial)
        public void setUp() {
            rng = new SplittableRandom(1);
            env = PlanarCheetahEnv.velocity();
            env.setTask(CheetahVelTaskDistribution.standard().sample(rng));
            actions = actionTable(rng, ACTION_TABLE);
            obs = new double[env.observationSpace().flatDim()];
            env.resetInto(rng, obs, 0);
        }
    }

    @State(Scope.Thread)
    public static class Vector {
        VectorEnv<CheetahVelTask> vec;
        double[][] actions;
        int cursor;

        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom rng = new SplittableRandom(1);
            List<CheetahVelTask> tasks = CheetahVelTaskDistribution.standard().sample(VECTOR_SIZE, rng);
            vec = VectorEnv.of(PlanarCheetahEnv::velocity, tasks, VectorEnv.AutoReset.SAME_STEP);
            actions = new double[64][];
            for (int i = 0; i < actions.length; i++) {
                actions[i] = actionTable(rng, VECTOR_SIZE);
            }
            vec.reset(rng);
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
        int offset = s.cursor * JOINTS;
        s.cursor = (s.cursor + 1) & (ACTION_TABLE - 1);
        double reward = s.env.stepInto(s.actions, offset, s.obs, 0);
        if (s.env.truncated()) {
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

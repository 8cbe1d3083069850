package org.metarl4j.experiments.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.metarl4j.envs.locomotion.CheetahBody;
import org.metarl4j.envs.locomotion.CheetahModel;
import org.metarl4j.envs.locomotion.CheetahVelTask;
import org.metarl4j.envs.locomotion.PlanarCheetahEnv;

/**
 * The cheetah env's share of the raw dyn4j step rate, measured in alternating blocks of 400 control steps (env, then
 * raw world, repeated): on a machine shared with other jobs the load drifts between JMH's separate benchmarks, while
 * interleaved blocks see the same load. Same work as {@link LocomotionStepBenchmark}'s {@code singleEnvStep} and
 * {@code rawWorldStep}. Run: {@code java -cp experiments/target/metarl4j.jar
 * org.metarl4j.experiments.bench.LocomotionOverhead [rounds]}.
 */
public final class LocomotionOverhead {
    private static final int BLOCK = 400;
    private static final int WARMUP_ROUNDS = 10;

    private LocomotionOverhead() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        SplittableRandom rng = new SplittableRandom(1);
        double[] actions = new double[4096 * CheetahModel.JOINTS];
        for (int i = 0; i < actions.length; i++) {
            actions[i] = 2 * rng.nextDouble() - 1;
        }
        PlanarCheetahEnv<CheetahVelTask> env = PlanarCheetahEnv.velocity();
        env.setTask(new CheetahVelTask(1.0));
        double[] obs = new double[env.observationSpace().flatDim()];
        env.resetInto(rng, obs, 0);
        double[] zero = new double[PlanarCheetahEnv.DOF];
        CheetahBody raw = new CheetahBody(zero, zero);
        int envCursor = 0;
        int rawCursor = 0;
        int rawSteps = 0;
        List<Double> ratios = new ArrayList<>();
        long envNanos = 0;
        long rawNanos = 0;
        for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
            long t0 = System.nanoTime();
            for (int s = 0; s < BLOCK; s++) {
                env.stepInto(actions, envCursor * CheetahModel.JOINTS, obs, 0);
                envCursor = (envCursor + 1) & 4095;
                if (env.truncated()) {
                    env.resetInto(rng, obs, 0);
                }
            }
            long t1 = System.nanoTime();
            for (int s = 0; s < BLOCK; s++) {
                int offset = rawCursor * CheetahModel.JOINTS;
                rawCursor = (rawCursor + 1) & 4095;
                for (int k = 0; k < PlanarCheetahEnv.FRAME_SKIP; k++) {
                    for (int j = 0; j < CheetahModel.JOINTS; j++) {
                        double torque = CheetahModel.BODIES.get(j + 1).joint().gear() * actions[offset + j];
                        raw.body(j + 1).applyTorque(-torque);
                        raw.body(CheetahModel.BODIES.get(j + 1).parent()).applyTorque(torque);
                    }
                    raw.world().step(1, CheetahBody.DT);
                }
                if (++rawSteps == PlanarCheetahEnv.DEFAULT_MAX_STEPS) {
                    rawSteps = 0;
                    raw = new CheetahBody(zero, zero);
                }
            }
            long t2 = System.nanoTime();
            if (round >= WARMUP_ROUNDS) {
                ratios.add((double) (t2 - t1) / (t1 - t0));
                envNanos += t1 - t0;
                rawNanos += t2 - t1;
            }
        }
        Collections.sort(ratios);
        double steps = (double) rounds * BLOCK;
        System.out.printf(Locale.ROOT, "env %.0f steps/s, raw %.0f steps/s, env/raw %.3f overall, per block median %.3f"
                        + " (quartiles %.3f, %.3f)%n", steps / (envNanos * 1e-9), steps / (rawNanos * 1e-9),
                (double) rawNanos / envNanos, ratios.get(rounds / 2), ratios.get(rounds / 4), ratios.get(3 * rounds / 4));
    }
}

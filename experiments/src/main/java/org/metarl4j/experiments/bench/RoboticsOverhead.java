package org.metarl4j.experiments.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.VectorEnv;
import org.metarl4j.envs.robotics.scene.GripperScene;
import org.metarl4j.envs.robotics.scene.ObjectSpec;

/**
 * The robotics env overhead measured in CPU time, for a shared, busy machine where JMH's wall-clock scores swing:
 * rounds alternate the raw engine ({@link RoboticsStepBenchmark#rawEngineStep}'s work), one env and a
 * {@value #VECTOR_SIZE}-env VectorEnv of a family, each timed by this thread's CPU clock; the figures are the medians
 * over rounds, so load from other processes affects neither the rates much nor their ratio.
 *
 * <p>Run: {@code java -cp experiments/target/metarl4j.jar org.metarl4j.experiments.bench.RoboticsOverhead [rounds]}.
 */
public final class RoboticsOverhead {
    static final int VECTOR_SIZE = 16;
    private static final long ROUND_CPU_NANOS = 200_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RoboticsOverhead() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        System.out.printf(Locale.ROOT, "%-11s %14s %14s %14s %9s %9s%n", "family", "raw ctrl/s", "env steps/s",
                "vector st/s", "env/raw", "vec/raw");
        for (String name : List.of("grasp-lift", "pick-place", "push", "reach3d")) {
            measure(EnvFamilies.byName(name), rounds);
        }
    }

    private static <T extends Task> void measure(EnvFamily<T> family, int rounds) {
        SplittableRandom rng = new SplittableRandom(1);
        double[] raw = new double[rounds];
        double[] single = new double[rounds];
        double[] vector = new double[rounds];
        double[] envRatio = new double[rounds];
        double[] vecRatio = new double[rounds];
        try (GripperScene scene = new GripperScene();
             Env<T> env = family.newEnv(family.tasks().sample(rng));
             VectorEnv<T> vec = VectorEnv.of(family.envFactory(), family.tasks().sample(VECTOR_SIZE, rng),
                     VectorEnv.AutoReset.SAME_STEP)) {
            scene.reset(ObjectSpec.DEFAULT, 0.05, 0.05, 0.0, new double[] {0.05, 0.05, 0.06}, GripperScene.MAX_OPENING);
            double[] actions = new double[4096 * 4];
            for (int i = 0; i < 4096; i++) {
                env.actionSpace().sample(rng, actions, 4 * i);
            }
            double[] vecActions = new double[VECTOR_SIZE * 4];
            double[] obs = new double[env.observationSpace().flatDim()];
            env.resetInto(rng, obs, 0);
            vec.reset(rng);
            for (int r = -2; r < rounds; r++) {
                double rawRate = rate(() -> {
                    for (int k = 0; k < GripperScene.SUBSTEPS; k++) {
                        scene.physicsStep();
                    }
                }, 1);
                int[] cursor = {0};
                double envRate = rate(() -> {
                    env.stepInto(actions, 4 * (cursor[0]++ & 4095), obs, 0);
                    if (env.truncated() || env.terminated()) {
                        env.resetInto(rng, obs, 0);
                    }
                }, 1);
                double vecRate = rate(() -> {
                    int c = cursor[0]++ & 255;
                    System.arraycopy(actions, 4 * c * 16 % actions.length, vecActions, 0, vecActions.length);
                    vec.step(vecActions);
                }, VECTOR_SIZE);
                if (r >= 0) {
                    raw[r] = rawRate;
                    single[r] = envRate;
                    vector[r] = vecRate;
                    envRatio[r] = envRate / rawRate;
                    vecRatio[r] = vecRate / rawRate;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-11s %14.0f %14.0f %14.0f %8.0f%% %8.0f%%%n", family.name(), median(raw),
                median(single), median(vector), 100 * median(envRatio), 100 * median(vecRatio));
    }

    /** Operations per CPU-second of {@code op} ({@code stepsPerOp} env steps each) over about 0.2 CPU-seconds. */
    private static double rate(Runnable op, int stepsPerOp) {
        long start = THREADS.getCurrentThreadCpuTime();
        long ops = 0;
        long elapsed;
        do {
            for (int i = 0; i < 100; i++) {
                op.run();
            }
            ops += 100;
            elapsed = THREADS.getCurrentThreadCpuTime() - start;
        } while (elapsed < ROUND_CPU_NANOS);
        return ops * stepsPerOp / (elapsed / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

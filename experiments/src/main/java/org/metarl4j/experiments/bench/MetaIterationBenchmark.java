package org.metarl4j.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.metarl4j.agents.BlasKernels;
import org.metarl4j.agents.Nd4jThreads;
import org.metarl4j.agents.policy.Activation;
import org.metarl4j.agents.policy.GaussianMlpPolicy;
import org.metarl4j.agents.policy.MlpShape;
import org.metarl4j.agents.policy.TaskParallelPolicy;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.navigation.NavigationTask;
import org.metarl4j.meta.maml.IterationLog;
import org.metarl4j.meta.maml.MamlConfig;
import org.metarl4j.meta.maml.MamlTrainer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Seconds per MAML-TRPO meta-iteration with pytorch-maml-rl's 2D-navigation configuration, and where they go:
 * sampling (support and query episodes, advantages), adaptation, meta-gradient, conjugate gradient, line search.
 * Prints medians over the measured iterations after a warm-up.
 *
 * <p>Run: {@code java -cp experiments/target/metarl4j.jar org.metarl4j.experiments.bench.MetaIterationBenchmark
 * [iterations=30] [warmup=5] [workers=1] [curvatureSubsample=1]}.
 */
public final class MetaIterationBenchmark {
    private MetaIterationBenchmark() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) {
        BlasKernels.selectBeforeNd4jLoads();
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        double subsample = args.length > 3 ? Double.parseDouble(args[3]) : 1.0;
        int threads = Nd4jThreads.configure();
        MamlConfig config = MamlConfig.navigation2d().withIterations(warmup + iterations).withWorkers(workers)
                .withCurvatureSubsample(subsample);
        EnvFamily<NavigationTask> family = (EnvFamily<NavigationTask>) EnvFamilies.byName(config.family());
        GaussianMlpPolicy single = new GaussianMlpPolicy(MlpShape.of(2, config.hiddenSizeArray(), 2,
                Activation.TANH), DataType.FLOAT);
        List<IterationLog> logs = new ArrayList<>();
        try (TaskParallelPolicy policy = new TaskParallelPolicy(single, workers);
             MamlTrainer<NavigationTask> trainer = new MamlTrainer<>(config, family, policy)) {
            trainer.train(trainer.initialParameters(), (log, theta) -> logs.add(log));
        }
        List<IterationLog> measured = logs.subList(warmup, logs.size());
        System.out.printf(Locale.ROOT, "MAML-TRPO, 2D navigation, pytorch-maml-rl defaults; %d iterations after %d "
                + "warm-up; ND4J threads %d, workers %d, curvature subsample %s; BLAS kernels %s; medians in seconds%n",
                measured.size(), warmup, threads, workers, subsample, BlasKernels.describe());
        print("meta-iteration total", measured, l -> l.samplingSeconds() + l.updateSeconds());
        print("  sampling (support + query, advantages)", measured, IterationLog::samplingSeconds);
        print("  adaptation + outer update", measured, IterationLog::updateSeconds);
        print("    of which loss + meta-gradient", measured, l -> l.step().phases().gradient());
        print("    of which conjugate gradient", measured, l -> l.step().phases().curvature());
        print("    of which line search", measured, l -> l.step().phases().lineSearch());
    }

    private static void print(String what, List<IterationLog> logs, ToDoubleFunction<IterationLog> value) {
        double[] x = logs.stream().mapToDouble(value).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-44s median %.3f  min %.3f  max %.3f%n", what, median(x), x[0],
                x[x.length - 1]);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}

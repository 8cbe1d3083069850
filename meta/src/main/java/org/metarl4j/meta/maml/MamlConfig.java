package org.metarl4j.meta.maml;

import java.util.List;
import org.metarl4j.agents.policy.Activation;

/**
 * A MAML-RL run: task family, policy, inner loop, outer optimiser and budget. {@link #navigation2d()} is
 * pytorch-maml-rl's {@code configs/maml/2d-navigation.yaml}; {@link #bandit(int)} its bandit configuration.
 *
 * @param family task family name (see {@code EnvFamilies})
 * @param seed the run's one seed
 * @param iterations meta-iterations (pytorch-maml-rl's num-batches)
 * @param metaBatchSize tasks per meta-iteration
 * @param episodesPerTask episodes sampled per task before and after adaptation (fast-batch-size)
 * @param hiddenSizes policy hidden layer sizes
 * @param activation hidden activation
 * @param gamma discount
 * @param gaeLambda GAE λ
 * @param innerStepSizes α for each inner step (K = its length; fast-lr repeated num-steps times)
 * @param firstOrder drop second-order terms (FOMAML)
 * @param outer the outer optimiser: "trpo", "ppo" or "reptile"
 * @param maxKl TRPO trust region
 * @param cgIterations TRPO conjugate-gradient iterations
 * @param cgDamping TRPO curvature damping
 * @param curvatureSubsample fraction of each task's episodes the TRPO curvature products use (1 = all, exact as
 *     pytorch-maml-rl; below 1 as rllab's {@code ConjugateGradientOptimizer(subsample_factor)})
 * @param lineSearchMaxSteps TRPO backtracking steps
 * @param lineSearchBacktrackRatio TRPO backtracking factor
 * @param ppoClip PPO clip ε
 * @param ppoEpochs PPO Adam steps per meta-batch
 * @param ppoLearningRate PPO Adam step size
 * @param reptileStepSize Reptile's outer step ε
 * @param evalTasks fresh tasks of the final evaluation
 * @param workers threads sharing the tensor work, tasks split in blocks (results do not depend on it)
 */
public record MamlConfig(String family, long seed, int iterations, int metaBatchSize, int episodesPerTask,
                         List<Integer> hiddenSizes, Activation activation, double gamma, double gaeLambda,
                         List<Double> innerStepSizes, boolean firstOrder, String outer, double maxKl,
                         int cgIterations, double cgDamping, double curvatureSubsample, int lineSearchMaxSteps,
                         double lineSearchBacktrackRatio, double ppoClip, int ppoEpochs, double ppoLearningRate,
                         double reptileStepSize, int evalTasks, int workers) {

    public MamlConfig {
        hiddenSizes = List.copyOf(hiddenSizes);
        innerStepSizes = List.copyOf(innerStepSizes);
        require(iterations >= 0, "iterations must be >= 0, got " + iterations);
        require(metaBatchSize >= 1, "metaBatchSize must be >= 1, got " + metaBatchSize);
        require(episodesPerTask >= 1, "episodesPerTask must be >= 1, got " + episodesPerTask);
        require(!hiddenSizes.isEmpty() && hiddenSizes.stream().allMatch(h -> h >= 1),
                "hiddenSizes must be non-empty and positive, got " + hiddenSizes);
        require(gamma > 0 && gamma <= 1, "gamma must be in (0, 1], got " + gamma);
        require(gaeLambda >= 0 && gaeLambda <= 1, "gaeLambda must be in [0, 1], got " + gaeLambda);
        require(!innerStepSizes.isEmpty() && innerStepSizes.stream().allMatch(a -> a > 0),
                "innerStepSizes must be non-empty and > 0, got " + innerStepSizes);
        require(List.of("trpo", "ppo", "reptile").contains(outer),
                "outer must be one of trpo, ppo, reptile, got '" + outer + "'");
        require(evalTasks >= 2, "evalTasks must be >= 2, got " + evalTasks);
        require(curvatureSubsample > 0 && curvatureSubsample <= 1,
                "curvatureSubsample must be in (0, 1], got " + curvatureSubsample);
        require(workers >= 1, "workers must be >= 1, got " + workers);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** pytorch-maml-rl's 2D-navigation MAML-TRPO configuration, 150 iterations, evaluated on 400 fresh tasks. */
    public static MamlConfig navigation2d() {
        return new MamlConfig("navigation2d", 1, 150, 20, 20, List.of(64, 64), Activation.TANH, 0.99, 1.0,
                List.of(0.1), false, "trpo", 1e-2, 10, 1e-5, 1.0, 15, 0.8, 0.2, 5, 1e-3, 0.1, 400, 1);
    }

    /** pytorch-maml-rl's bandit configuration (k arms, n = episodesPerTask pulls). */
    public static MamlConfig bandit(int pulls) {
        return new MamlConfig("bernoulli-bandit", 1, 500, 20, pulls, List.of(32, 32), Activation.RELU, 0.95, 1.0,
                List.of(0.5), false, "trpo", 1e-2, 10, 1e-5, 1.0, 15, 0.8, 0.2, 5, 1e-3, 0.1, 400, 1);
    }

    public double[] innerStepSizeArray() {
        return innerStepSizes.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public int[] hiddenSizeArray() {
        return hiddenSizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A copy with another seed. */
    public MamlConfig withSeed(long newSeed) {
        return new MamlConfig(family, newSeed, iterations, metaBatchSize, episodesPerTask, hiddenSizes, activation,
                gamma, gaeLambda, innerStepSizes, firstOrder, outer, maxKl, cgIterations, cgDamping,
                curvatureSubsample, lineSearchMaxSteps, lineSearchBacktrackRatio, ppoClip, ppoEpochs, ppoLearningRate,
                reptileStepSize, evalTasks, workers);
    }

    /** A copy with another iteration budget. */
    public MamlConfig withIterations(int newIterations) {
        return new MamlConfig(family, seed, newIterations, metaBatchSize, episodesPerTask, hiddenSizes, activation,
                gamma, gaeLambda, innerStepSizes, firstOrder, outer, maxKl, cgIterations, cgDamping,
                curvatureSubsample, lineSearchMaxSteps, lineSearchBacktrackRatio, ppoClip, ppoEpochs, ppoLearningRate,
                reptileStepSize, evalTasks, workers);
    }

    /** A copy with another number of worker threads. */
    public MamlConfig withWorkers(int newWorkers) {
        return new MamlConfig(family, seed, iterations, metaBatchSize, episodesPerTask, hiddenSizes, activation,
                gamma, gaeLambda, innerStepSizes, firstOrder, outer, maxKl, cgIterations, cgDamping,
                curvatureSubsample, lineSearchMaxSteps, lineSearchBacktrackRatio, ppoClip, ppoEpochs, ppoLearningRate,
                reptileStepSize, evalTasks, newWorkers);
    }

    /** A copy whose TRPO curvature uses this fraction of each task's episodes. */
    public MamlConfig withCurvatureSubsample(double fraction) {
        return new MamlConfig(family, seed, iterations, metaBatchSize, episodesPerTask, hiddenSizes, activation,
                gamma, gaeLambda, innerStepSizes, firstOrder, outer, maxKl, cgIterations, cgDamping, fraction,
                lineSearchMaxSteps, lineSearchBacktrackRatio, ppoClip, ppoEpochs, ppoLearningRate, reptileStepSize,
                evalTasks, workers);
    }
}

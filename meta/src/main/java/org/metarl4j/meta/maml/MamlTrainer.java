package org.metarl4j.meta.maml;

import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.agents.policy.BatchedPolicy;
import org.metarl4j.agents.sampling.AdvantageEstimator;
import org.metarl4j.agents.sampling.BatchSampler;
import org.metarl4j.agents.sampling.EpisodeBatch;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.TaskDistribution;
import org.metarl4j.meta.optim.MamlPpo;
import org.metarl4j.meta.optim.MamlTrpo;
import org.metarl4j.meta.optim.NonFiniteException;
import org.metarl4j.meta.optim.OuterOptimizer;
import org.metarl4j.meta.optim.OuterStep;
import org.metarl4j.meta.optim.PpoConfig;
import org.metarl4j.meta.optim.Reptile;
import org.metarl4j.meta.optim.TrpoConfig;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MAML for RL (Finn et al. 2017, Algorithm 3), one meta-iteration at a time:
 * <pre>
 *   sample a meta-batch of tasks Tᵢ ~ p(T)
 *   for all Tᵢ (batched): sample support episodes with θ; θ'ᵢ = K inner steps on them
 *                         sample query episodes with θ'ᵢ
 *   θ ← outer update (TRPO / PPO / Reptile) of the query loss of the θ'ᵢ
 * </pre>
 * Randomness: one seed. The initialisation draws from a generator split from it; iteration i draws its tasks and
 * episodes from generators derived from (seed, i) alone, so a run restarted at iteration i from a checkpoint of θ
 * continues exactly as the uninterrupted run.
 */
public final class MamlTrainer<T extends Task> implements AutoCloseable {

    /** Receives each iteration's log and the parameters after it. */
    @FunctionalInterface
    public interface Listener {
        void onIteration(IterationLog log, double[] theta);
    }

    private final MamlConfig config;
    private final EnvFamily<T> family;
    private final BatchedPolicy policy;
    private final InnerLoop innerLoop;
    private final OuterOptimizer outer;
    private final BatchSampler<T> sampler;
    private final AdvantageEstimator estimator;
    private final SplittableRandom initRng;

    public MamlTrainer(MamlConfig config, EnvFamily<T> family, BatchedPolicy policy) {
        this.config = config;
        this.family = family;
        this.policy = policy;
        this.innerLoop = new InnerLoop(policy, config.innerStepSizeArray(), config.firstOrder());
        MamlObjective objective = new MamlObjective(policy, innerLoop);
        this.outer = switch (config.outer()) {
            case "trpo" -> new MamlTrpo(objective, new TrpoConfig(config.maxKl(), config.cgIterations(),
                    config.cgDamping(), config.curvatureSubsample(), config.lineSearchMaxSteps(),
                    config.lineSearchBacktrackRatio()));
            case "ppo" -> new MamlPpo(objective, new PpoConfig(config.ppoClip(), config.ppoEpochs(),
                    config.ppoLearningRate()));
            case "reptile" -> new Reptile(config.reptileStepSize());
            default -> throw new IllegalArgumentException("unknown outer optimiser " + config.outer());
        };
        this.sampler = BatchSampler.of(family);
        this.estimator = new AdvantageEstimator(config.gamma(), config.gaeLambda());
        this.initRng = new SplittableRandom(config.seed()).split();
    }

    public BatchedPolicy policy() {
        return policy;
    }

    public InnerLoop innerLoop() {
        return innerLoop;
    }

    /** The initial meta-parameters of this seed. */
    public double[] initialParameters() {
        return policy.initialParameters(initRng.split());
    }

    /** Runs {@code config.iterations()} meta-iterations from {@code theta}; returns the final parameters. */
    public double[] train(double[] theta, Listener listener) {
        return train(theta, 0, listener);
    }

    /**
     * Runs meta-iterations {@code firstIteration} … {@code config.iterations() − 1} from {@code theta} (the
     * parameters after iteration {@code firstIteration − 1}, e.g. from a checkpoint); returns the final parameters.
     * Wall time and env steps in the logs count from this call.
     */
    public double[] train(double[] theta, int firstIteration, Listener listener) {
        if (firstIteration < 0 || firstIteration > config.iterations()) {
            throw new IllegalArgumentException("first iteration must be in [0, " + config.iterations() + "], got "
                    + firstIteration);
        }
        long start = System.nanoTime();
        long envStepsBefore = sampler.totalEnvSteps();
        double[] current = theta.clone();
        for (int iteration = firstIteration; iteration < config.iterations(); iteration++) {
            IterationLog log = metaIteration(iteration, current, start, envStepsBefore);
            current = log.step().theta();
            listener.onIteration(log, current);
        }
        return current;
    }

    /** One meta-iteration from θ = {@code current}; its log carries the new θ. */
    private IterationLog metaIteration(int iteration, double[] current, long start, long envStepsBefore) {
        long t0 = System.nanoTime();
        SplittableRandom iterationRng = new SplittableRandom(iterationSeed(config.seed(), iteration));
        SplittableRandom taskRng = iterationRng.split();
        SplittableRandom sampleRng = iterationRng.split();
        List<T> tasks = family.tasks().sample(config.metaBatchSize(), taskRng);
        INDArray shared = InnerLoop.broadcast(current, 1, policy.dataType());
        EpisodeBatch supportEpisodes = sampler.sample(policy, shared, tasks, config.episodesPerTask(),
                sampleRng.split());
        LossBatch support = LossBatches.from(supportEpisodes, estimator, policy.dataType());
        long t1 = System.nanoTime();
        try (Adaptation adaptation = innerLoop.adapt(current, support)) {
            // An overflow shows up in the sum; the sum is one op, cheaper than scanning every entry in Java.
            double adaptedSum = adaptation.adapted().sumNumber().doubleValue();
            if (!Double.isFinite(adaptedSum)) {
                throw new TrainingDivergedException(iteration, "the adapted parameters are not finite (sum "
                        + adaptedSum + "); are the inner step sizes " + config.innerStepSizes() + " too large?");
            }
            long t2 = System.nanoTime();
            EpisodeBatch queryEpisodes = sampler.sample(policy, adaptation.adapted(), tasks,
                    config.episodesPerTask(), sampleRng.split());
            LossBatch query = LossBatches.from(queryEpisodes, estimator, policy.dataType());
            long t3 = System.nanoTime();
            OuterStep step;
            try {
                step = outer.step(current, adaptation, support, query);
                NonFiniteException.requireFinite("meta-parameters", step.theta());
            } catch (NonFiniteException e) {
                throw new TrainingDivergedException(iteration, e.getMessage());
            }
            long t4 = System.nanoTime();
            double sampling = ((t1 - t0) + (t3 - t2)) / 1e9;
            double update = ((t2 - t1) + (t4 - t3)) / 1e9;
            return new IterationLog(iteration, (t4 - start) / 1e9, sampler.totalEnvSteps() - envStepsBefore,
                    supportEpisodes.meanEpisodeReturn(), queryEpisodes.meanEpisodeReturn(), step, sampling, update);
        }
    }

    /** The seed of iteration i's generators: a SplitMix64 finaliser of (seed, i), so nearby pairs decorrelate. */
    static long iterationSeed(long seed, int iteration) {
        long z = seed * 0x9E3779B97F4A7C15L + (iteration + 1L) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Evaluates θ on {@code config.evalTasks()} fresh tasks drawn with {@code seed}. */
    public Evaluation evaluate(double[] theta, long seed) {
        return evaluate(theta, config.evalTasks(), seed);
    }

    /** Evaluates θ on {@code tasks} fresh tasks drawn with {@code seed} (≥ 2 tasks, for a confidence interval). */
    public Evaluation evaluate(double[] theta, int tasks, long seed) {
        return evaluate(theta, family.tasks(), tasks, seed);
    }

    /** As {@link #evaluate(double[], int, long)} on tasks from {@code distribution} (e.g. the held-out split). */
    public Evaluation evaluate(double[] theta, TaskDistribution<T> distribution, int tasks, long seed) {
        if (tasks < 2) {
            throw new IllegalArgumentException("an evaluation needs at least 2 tasks, got " + tasks);
        }
        // its own sampler: evaluation episodes are not training env steps
        try (BatchSampler<T> evaluationSampler = BatchSampler.of(family)) {
            Evaluator<T> evaluator = new Evaluator<>(policy, innerLoop, evaluationSampler, estimator);
            return evaluator.evaluate(theta, distribution, tasks, config.metaBatchSize(), config.episodesPerTask(),
                    new SplittableRandom(seed));
        }
    }

    @Override
    public void close() {
        sampler.close();
    }
}

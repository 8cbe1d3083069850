package org.metarl4j.meta.maml;

import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.agents.policy.BatchedPolicy;
import org.metarl4j.agents.sampling.AdvantageEstimator;
import org.metarl4j.agents.sampling.BatchSampler;
import org.metarl4j.agents.sampling.EpisodeBatch;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.TaskDistribution;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The evaluation protocol (pytorch-maml-rl {@code test.py}, extended to K steps): on fresh tasks never used in
 * training, sample episodes with θ (returns "before"), adapt with the inner loop on those episodes, and sample new
 * episodes with each θ_k (returns "after k steps"), and for envs that report success the fraction of episodes that
 * succeeded at any step. Tasks are processed in chunks of {@code chunk} to bound memory.
 */
public final class Evaluator<T extends Task> {
    private final BatchedPolicy policy;
    private final InnerLoop innerLoop;
    private final BatchSampler<T> sampler;
    private final AdvantageEstimator estimator;

    public Evaluator(BatchedPolicy policy, InnerLoop innerLoop, BatchSampler<T> sampler, AdvantageEstimator estimator) {
        this.policy = policy;
        this.innerLoop = innerLoop;
        this.sampler = sampler;
        this.estimator = estimator;
    }

    public Evaluation evaluate(double[] theta, TaskDistribution<T> tasks, int numTasks, int chunk,
                               int episodesPerTask, SplittableRandom rng) {
        int steps = innerLoop.steps();
        double[][] perTask = new double[steps + 1][numTasks];
        double[][] success = new double[steps + 1][numTasks];
        boolean reportsSuccess = true;
        List<T> all = tasks.sample(numTasks, rng.split());
        INDArray shared = InnerLoop.broadcast(theta, 1, policy.dataType());
        for (int start = 0; start < numTasks; start += chunk) {
            List<T> part = all.subList(start, Math.min(numTasks, start + chunk));
            EpisodeBatch before = sampler.sample(policy, shared, part, episodesPerTask, rng.split());
            record(perTask[0], start, before);
            reportsSuccess &= recordSuccess(success[0], start);
            try (Adaptation adaptation = innerLoop.adapt(theta,
                    LossBatches.from(before, estimator, policy.dataType()))) {
                for (int k = 1; k <= steps; k++) {
                    EpisodeBatch after = sampler.sample(policy, adaptation.parameters().get(k), part,
                            episodesPerTask, rng.split());
                    record(perTask[k], start, after);
                    reportsSuccess &= recordSuccess(success[k], start);
                }
            }
        }
        return Evaluation.of(perTask, reportsSuccess ? success : null, episodesPerTask);
    }

    /** Copies the latest batch's per-task success rates; false if the envs do not report success. */
    private boolean recordSuccess(double[] out, int start) {
        double[] rates = sampler.lastSuccessRates();
        if (rates == null) {
            return false;
        }
        System.arraycopy(rates, 0, out, start, rates.length);
        return true;
    }

    private static void record(double[] out, int start, EpisodeBatch batch) {
        double[] means = batch.meanEpisodeReturnPerTask();
        System.arraycopy(means, 0, out, start, means.length);
    }
}

package org.metarl4j.agents.sampling;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The advantages MAML's inner and outer losses consume, as pytorch-maml-rl's sampler computes them
 * ({@code maml_rl/samplers/multi_task_sampler.py}: {@code baseline.fit(episodes)} then
 * {@code episodes.compute_advantages(baseline, gae_lambda, normalize=True)}, once per task): for each task
 * separately, fit a {@link LinearFeatureBaseline} to the discounted returns of that task's E episodes, compute
 * {@link Advantages#gae GAE(γ, λ)} with its values, and (by default) {@link Advantages#normalize normalise} them
 * over that task's episodes. Padded steps get advantage 0.
 *
 * <p>Output layout: flat {@code [T][E][H]} as {@link EpisodeBatch} (sample {@code n = e·H + t} within a task), or
 * {@code [T, E·H]} as an INDArray, the weights layout of {@link org.metarl4j.agents.policy.PolicyEvaluation}.
 * Not thread-safe (it reuses one baseline): use one instance per thread.
 */
public final class AdvantageEstimator {
    private final double gamma;
    private final double gaeLambda;
    private final boolean normalize;
    private final double regularization;
    private LinearFeatureBaseline baseline;

    /** Returns, baseline values and advantages of a batch, each flat {@code [T][E][H]} and 0 at padding. */
    public record Estimates(double[] returns, double[] values, double[] advantages) {
    }

    /** Normalised advantages with the reference's ridge coefficient 1e-5. */
    public AdvantageEstimator(double gamma, double gaeLambda) {
        this(gamma, gaeLambda, true, LinearFeatureBaseline.DEFAULT_REGULARIZATION);
    }

    public AdvantageEstimator(double gamma, double gaeLambda, boolean normalize, double regularization) {
        if (!(gamma >= 0.0 && gamma <= 1.0)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        if (!(gaeLambda >= 0.0 && gaeLambda <= 1.0)) {
            throw new IllegalArgumentException("gaeLambda must be in [0, 1], got " + gaeLambda);
        }
        this.gamma = gamma;
        this.gaeLambda = gaeLambda;
        this.normalize = normalize;
        this.regularization = regularization;
    }

    public double gamma() {
        return gamma;
    }

    public double gaeLambda() {
        return gaeLambda;
    }

    public boolean normalizes() {
        return normalize;
    }

    /** Advantages, flat {@code [T][E][H]}. */
    public double[] advantages(EpisodeBatch batch) {
        return estimate(batch).advantages();
    }

    /** Advantages as {@code [T, E·H]} of type {@code dataType}. */
    public INDArray advantages(EpisodeBatch batch, DataType dataType) {
        return batch.perStep(advantages(batch), dataType);
    }

    /** Returns, values and advantages of every task (baseline refit per task). */
    public Estimates estimate(EpisodeBatch batch) {
        int obsDim = batch.observationDim();
        if (baseline == null || baseline.featureSize() != 2 * obsDim + 4) {
            baseline = new LinearFeatureBaseline(obsDim, regularization);
        }
        int h = batch.horizon();
        int n = batch.samplesPerTask();
        int tasks = batch.numTasks();
        double[] returns = new double[tasks * n];
        double[] values = new double[tasks * n];
        double[] advantages = new double[tasks * n];
        for (int i = 0; i < tasks; i++) {
            double[] obs = batch.observations(i);
            double[] rewards = batch.rewards(i);
            int[] lengths = batch.lengths(i);
            double[] g = Advantages.discountedReturns(rewards, lengths, h, gamma);
            baseline.fit(obs, lengths, h, g);
            double[] v = baseline.predict(obs, lengths, h);
            double[] a = Advantages.gae(rewards, v, lengths, h, gamma, gaeLambda);
            if (normalize) {
                a = Advantages.normalize(a, lengths, h);
            }
            System.arraycopy(g, 0, returns, i * n, n);
            System.arraycopy(v, 0, values, i * n, n);
            System.arraycopy(a, 0, advantages, i * n, n);
        }
        return new Estimates(returns, values, advantages);
    }
}

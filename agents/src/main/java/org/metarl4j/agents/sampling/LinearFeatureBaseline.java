package org.metarl4j.agents.sampling;

import java.util.Arrays;
import org.metarl4j.agents.Cholesky;

/**
 * The linear feature baseline of Duan et al. 2016 ("Benchmarking Deep RL for Continuous Control", supplementary
 * §2), as in pytorch-maml-rl's {@code maml_rl/baseline.py} (and rllab/garage {@code LinearFeatureBaseline}): a
 * ridge regression of discounted returns on per-step features
 * <pre>  f(o, t) = [o, o², t/100, (t/100)², (t/100)³, 1]       (size 2·obsDim + 4)</pre>
 * with {@code t} the 0-based step within the episode. Padded steps have all-zero features (pytorch-maml-rl
 * multiplies by the mask), so they neither enter the fit nor get a value: {@link #predict} returns 0 there.
 *
 * <p><b>No clipping.</b> rllab and garage clip observations to [-10, 10] before building features; pytorch-maml-rl does
 * not, and this class follows pytorch-maml-rl.
 *
 * <p><b>Fit.</b> Solves {@code (XᵀX + λI) w = Xᵀy} with {@code λ = 1e-5} (the reference's {@code reg_coeff}) by a
 * Cholesky factorisation in double precision (the reference uses {@code torch.lstsq} in float32). If the
 * factorisation fails (a non-positive pivot) or the solution is not finite, λ is multiplied by 10 and the solve
 * retried, up to 5 tries in all (rllab multiplies on NaN coefficients, pytorch-maml-rl on a failed solve; this does
 * both); then an {@link IllegalStateException} is thrown, as the reference raises a {@code RuntimeError}.
 *
 * <p>A baseline is fitted per task on that task's episodes (pytorch-maml-rl refits its one baseline on every
 * task's batch before computing that task's advantages). Not thread-safe: use one instance per thread.
 */
public final class LinearFeatureBaseline {
    /** The reference's initial ridge coefficient {@code reg_coeff}. */
    public static final double DEFAULT_REGULARIZATION = 1e-5;
    /** Solves tried (λ, 10λ, ..., 10⁴λ) before giving up. */
    public static final int MAX_TRIES = 5;

    private final int obsDim;
    private final int featureSize;
    private final double regularization;
    private final double[] weights;
    private double lastRegularization = Double.NaN;
    // scratch
    private final double[] feature;
    private final double[] xtx;
    private final double[] xty;
    private final double[] system;

    public LinearFeatureBaseline(int obsDim) {
        this(obsDim, DEFAULT_REGULARIZATION);
    }

    public LinearFeatureBaseline(int obsDim, double regularization) {
        if (obsDim < 1) {
            throw new IllegalArgumentException("obsDim must be >= 1, got " + obsDim);
        }
        if (!(regularization > 0.0) || !Double.isFinite(regularization)) {
            throw new IllegalArgumentException("regularization must be finite and > 0, got " + regularization);
        }
        this.obsDim = obsDim;
        this.featureSize = 2 * obsDim + 4;
        this.regularization = regularization;
        this.weights = new double[featureSize];
        this.feature = new double[featureSize];
        this.xtx = new double[featureSize * featureSize];
        this.xty = new double[featureSize];
        this.system = new double[featureSize * featureSize];
    }

    /** 2·obsDim + 4. */
    public int featureSize() {
        return featureSize;
    }

    /** A copy of the current weights (all 0 before the first fit, as the reference initialises them). */
    public double[] weights() {
        return weights.clone();
    }

    /** The λ that the last successful fit used (NaN before any fit). */
    public double lastRegularization() {
        return lastRegularization;
    }

    /** Writes the features of a valid step ({@code obs} at {@code offset}, step index {@code t}) into {@code out}. */
    public void features(double[] obs, int offset, int t, double[] out) {
        for (int k = 0; k < obsDim; k++) {
            double o = obs[offset + k];
            out[k] = o;
            out[obsDim + k] = o * o;
        }
        double s = t / 100.0;
        out[2 * obsDim] = s;
        out[2 * obsDim + 1] = s * s;
        out[2 * obsDim + 2] = s * s * s;
        out[2 * obsDim + 3] = 1.0;
    }

    /**
     * Fits the weights on one task's episodes.
     *
     * @param observations flat {@code [E][H][obsDim]}
     * @param lengths {@code [E]}
     * @param horizon H
     * @param returns discounted returns, flat {@code [E][H]} (targets; read at valid steps only)
     * @return this
     * @throws IllegalStateException if no try gives a finite solution
     */
    public LinearFeatureBaseline fit(double[] observations, int[] lengths, int horizon, double[] returns) {
        Advantages.check(returns, lengths, horizon, "returns");
        checkObservations(observations, lengths, horizon);
        Arrays.fill(xtx, 0.0);
        Arrays.fill(xty, 0.0);
        int f = featureSize;
        for (int e = 0; e < lengths.length; e++) {
            for (int t = 0; t < lengths[e]; t++) {
                int step = e * horizon + t;
                features(observations, step * obsDim, t, feature);
                double y = returns[step];
                for (int i = 0; i < f; i++) {
                    double fi = feature[i];
                    xty[i] += fi * y;
                    int row = i * f;
                    for (int j = 0; j <= i; j++) {
                        xtx[row + j] += fi * feature[j];
                    }
                }
            }
        }
        for (int i = 0; i < f; i++) {
            for (int j = 0; j < i; j++) {
                xtx[j * f + i] = xtx[i * f + j];
            }
        }
        double lambda = regularization;
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            System.arraycopy(xtx, 0, system, 0, xtx.length);
            for (int i = 0; i < f; i++) {
                system[i * f + i] += lambda;
            }
            double[] w = Cholesky.solve(system, xty, f);
            if (w != null) {
                System.arraycopy(w, 0, weights, 0, f);
                lastRegularization = lambda;
                return this;
            }
            lambda *= 10.0;
        }
        throw new IllegalStateException("LinearFeatureBaseline: cannot solve the normal equations (XᵀX + λI)w = Xᵀy:"
                + " no finite solution up to λ = " + lambda / 10.0 + " (" + MAX_TRIES + " tries from λ = "
                + regularization + "); the features or returns are probably not finite");
    }

    /**
     * Baseline values {@code [E][H]} of one task's episodes: {@code f(o_t, t)·w} at valid steps, 0 at padding.
     *
     * @param observations flat {@code [E][H][obsDim]}
     */
    public double[] predict(double[] observations, int[] lengths, int horizon) {
        checkObservations(observations, lengths, horizon);
        double[] values = new double[lengths.length * horizon];
        for (int e = 0; e < lengths.length; e++) {
            for (int t = 0; t < lengths[e]; t++) {
                int step = e * horizon + t;
                features(observations, step * obsDim, t, feature);
                double v = 0.0;
                for (int i = 0; i < featureSize; i++) {
                    v += feature[i] * weights[i];
                }
                values[step] = v;
            }
        }
        return values;
    }

    /** Fits on task {@code task} of {@code batch} (discounted returns with {@code gamma}) and returns its values. */
    public double[] fitPredict(EpisodeBatch batch, int task, double gamma) {
        requireObsDim(batch);
        double[] obs = batch.observations(task);
        int[] lengths = batch.lengths(task);
        int h = batch.horizon();
        double[] returns = Advantages.discountedReturns(batch.rewards(task), lengths, h, gamma);
        fit(obs, lengths, h, returns);
        return predict(obs, lengths, h);
    }

    private void requireObsDim(EpisodeBatch batch) {
        if (batch.observationDim() != obsDim) {
            throw new IllegalArgumentException("baseline built for obsDim " + obsDim + ", batch has "
                    + batch.observationDim());
        }
    }

    private void checkObservations(double[] observations, int[] lengths, int horizon) {
        if (observations == null || observations.length != lengths.length * horizon * obsDim) {
            throw new IllegalArgumentException("observations must be [E][H][obsDim] = " + lengths.length + " x "
                    + horizon + " x " + obsDim + ", got "
                    + (observations == null ? "null" : "length " + observations.length));
        }
    }
}

package org.metarl4j.meta.rl2;

import java.util.List;
import org.metarl4j.agents.Cholesky;

/**
 * rllab's {@code LinearFeatureBaseline} (used by RL², Duan et al. 2016, and garage's RL2 examples) for one batch of
 * trials: the discounted return-to-go of step t of a trial is regressed, by ridge least squares over the batch, on
 * the features [x, x², τ, τ², τ³, 1] of the step, with x what the baseline reads of the policy's input and
 * τ = t / 100 the step of the trial.
 *
 * <p>Rl2Ppo passes x without the previous action and reward (the state, the done flag and τ remain): V(h_{t+1}) reads
 * a_t through them, so any error of a baseline that does shifts the advantage of each action by a fixed amount, which
 * GAE with λ &lt; 1 does not cancel. On tabular MDPs that shift was tenths of a standard deviation per action (the
 * true per-action mean is 0 by the prior's symmetry) and PPO followed it to a deterministic policy at chance.
 */
final class LinearBaseline {
    /** rllab's ridge coefficient, relative here to the mean diagonal of FᵀF. */
    private static final double RIDGE = 1e-5;
    private static final double TIME_SCALE = 100.0;

    private LinearBaseline() {
    }

    /** Number of features of an input of {@code inputSize} numbers. */
    static int features(int inputSize) {
        return 2 * inputSize + 4;
    }

    /** The feature row of step {@code t} with input row {@code x}, written into {@code out}. */
    static void featurize(double[] x, int t, double[] out) {
        int n = x.length;
        for (int k = 0; k < n; k++) {
            out[k] = x[k];
            out[n + k] = x[k] * x[k];
        }
        double tau = t / TIME_SCALE;
        out[2 * n] = tau;
        out[2 * n + 1] = tau * tau;
        out[2 * n + 2] = tau * tau * tau;
        out[2 * n + 3] = 1.0;
    }

    /**
     * Fits the baseline to {@code targets[t][i]} over the steps with {@code mask[t][i] = 1} and returns its
     * predictions for every step ({@code inputs.get(t)[i]} is trial i's input row at step t).
     */
    static double[][] fitAndPredict(List<double[][]> inputs, double[][] targets, double[][] mask) {
        int steps = inputs.size();
        int b = targets[0].length;
        int d = features(inputs.get(0)[0].length);
        double[][] ftf = new double[d][d];
        double[] fty = new double[d];
        double[] f = new double[d];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < b; i++) {
                if (mask[t][i] == 0) {
                    continue;
                }
                featurize(inputs.get(t)[i], t, f);
                for (int r = 0; r < d; r++) {
                    fty[r] += f[r] * targets[t][i];
                    for (int c = r; c < d; c++) {
                        ftf[r][c] += f[r] * f[c];
                    }
                }
            }
        }
        double trace = 0;
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < r; c++) {
                ftf[r][c] = ftf[c][r];
            }
            trace += ftf[r][r];
        }
        // one-hot inputs repeat as their squares: the ridge keeps the normal equations solvable
        double ridge = RIDGE * Math.max(trace / d, 1e-12);
        for (int r = 0; r < d; r++) {
            ftf[r][r] += ridge;
        }
        double[] w = solveSymmetric(ftf, fty);
        double[][] out = new double[steps][b];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < b; i++) {
                featurize(inputs.get(t)[i], t, f);
                double v = 0;
                for (int k = 0; k < d; k++) {
                    v += w[k] * f[k];
                }
                out[t][i] = v;
            }
        }
        return out;
    }

    /** Solves A w = y for the symmetric positive definite normal equations {@code a} (row arrays). */
    static double[] solveSymmetric(double[][] a, double[] y) {
        int d = y.length;
        double[] flat = new double[d * d];
        for (int r = 0; r < d; r++) {
            System.arraycopy(a[r], 0, flat, r * d, d);
        }
        double[] w = Cholesky.solve(flat, y, d);
        if (w == null) {
            throw new ArithmeticException("the baseline's normal equations are not positive definite");
        }
        return w;
    }
}

package org.metarl4j.agents.sampling;

/**
 * Discounted returns, GAE and advantage normalisation on padded episodes, exactly as pytorch-maml-rl
 * (tristandeleu/pytorch-maml-rl: {@code maml_rl/episode.py}, {@code BatchEpisodes.returns} and
 * {@code compute_advantages}; {@code maml_rl/utils/torch_utils.py}, {@code weighted_mean} and
 * {@code weighted_normalize}), in double precision (the reference computes in float32).
 *
 * <p>All methods work on the episodes of <b>one task</b>: per-step arrays are flat {@code [E][H]} (step {@code t} of
 * episode {@code e} at {@code e·H + t}, the layout of {@link EpisodeBatch#rewards(int)}) with {@code lengths[e]}
 * valid steps each; inputs at padded steps are ignored and outputs there are 0. Inputs are not modified.
 */
public final class Advantages {
    /** The {@code epsilon} of pytorch-maml-rl's {@code weighted_normalize}, added to the standard deviation. */
    public static final double NORMALIZE_EPSILON = 1e-8;

    private Advantages() {
    }

    /**
     * Discounted returns-to-go {@code G_t = r_t + γ G_{t+1}} within each episode, with {@code G = 0} after its last
     * valid step: no bootstrap value at the time limit, as the reference ({@code return_ = γ·return_ + r·mask}).
     */
    public static double[] discountedReturns(double[] rewards, int[] lengths, int horizon, double gamma) {
        check(rewards, lengths, horizon, "rewards");
        double[] out = new double[rewards.length];
        for (int e = 0; e < lengths.length; e++) {
            int base = e * horizon;
            double g = 0.0;
            for (int t = lengths[e] - 1; t >= 0; t--) {
                g = rewards[base + t] + gamma * g;
                out[base + t] = g;
            }
        }
        return out;
    }

    /**
     * Generalised advantage estimation, as the reference's {@code compute_advantages}: values are masked and padded
     * with one 0 after the last valid step ({@code F.pad(values * mask, (0, 0, 0, 1))}), so
     * {@code δ_t = r_t + γ V_{t+1} − V_t} with {@code V_L = 0} (no bootstrap, also at the time limit) and
     * {@code A_t = δ_t + γλ A_{t+1}}. With λ = 1 this is {@code G_t − V_t}; with λ = 0 the TD errors.
     *
     * @param rewards {@code [E][H]}
     * @param values baseline values {@code [E][H]} (read at valid steps only)
     * @param lambda the GAE λ (pytorch-maml-rl's {@code gae_lambda}, formerly {@code tau})
     */
    public static double[] gae(double[] rewards, double[] values, int[] lengths, int horizon, double gamma,
                               double lambda) {
        check(rewards, lengths, horizon, "rewards");
        check(values, lengths, horizon, "values");
        double[] out = new double[rewards.length];
        double decay = gamma * lambda;
        for (int e = 0; e < lengths.length; e++) {
            int base = e * horizon;
            double a = 0.0;
            double nextValue = 0.0;
            for (int t = lengths[e] - 1; t >= 0; t--) {
                double v = values[base + t];
                double delta = rewards[base + t] + gamma * nextValue - v;
                a = delta + decay * a;
                out[base + t] = a;
                nextValue = v;
            }
        }
        return out;
    }

    /**
     * Normalises the advantages of one task exactly as pytorch-maml-rl's {@code weighted_normalize(x, lengths)}:
     * <pre>
     *   μ = mean over episodes e of ( Σ_{t&lt;L_e} x_{e,t} / L_e )           (mean of per-episode means)
     *   y = x − μ at valid steps, 0 at padding
     *   σ = sqrt( mean over e of ( Σ_{t&lt;L_e} y_{e,t}² / L_e ) )            (mean of per-episode mean squares)
     *   out = y / (σ + 1e-8)
     * </pre>
     * With unequal lengths this differs from the plain mean/std over all valid steps: each episode weighs the same.
     */
    public static double[] normalize(double[] x, int[] lengths, int horizon) {
        check(x, lengths, horizon, "x");
        int episodes = lengths.length;
        double meanOfMeans = 0.0;
        for (int e = 0; e < episodes; e++) {
            int base = e * horizon;
            double sum = 0.0;
            for (int t = 0; t < lengths[e]; t++) {
                sum += x[base + t];
            }
            meanOfMeans += sum / lengths[e];
        }
        meanOfMeans /= episodes;
        double[] out = new double[x.length];
        double meanSquare = 0.0;
        for (int e = 0; e < episodes; e++) {
            int base = e * horizon;
            double sum = 0.0;
            for (int t = 0; t < lengths[e]; t++) {
                double y = x[base + t] - meanOfMeans;
                out[base + t] = y;
                sum += y * y;
            }
            meanSquare += sum / lengths[e];
        }
        meanSquare /= episodes;
        double scale = 1.0 / (Math.sqrt(meanSquare) + NORMALIZE_EPSILON);
        for (int e = 0; e < episodes; e++) {
            int base = e * horizon;
            for (int t = 0; t < lengths[e]; t++) {
                out[base + t] *= scale;
            }
        }
        return out;
    }

    static void check(double[] x, int[] lengths, int horizon, String name) {
        if (x == null || lengths == null) {
            throw new IllegalArgumentException(name + " and lengths must not be null");
        }
        if (horizon < 1 || lengths.length < 1) {
            throw new IllegalArgumentException("need horizon >= 1 and at least one episode, got horizon " + horizon
                    + " and " + lengths.length + " episodes");
        }
        if (x.length != lengths.length * horizon) {
            throw new IllegalArgumentException(name + " has length " + x.length + ", expected episodes x horizon = "
                    + lengths.length + " x " + horizon + " = " + lengths.length * horizon);
        }
        for (int e = 0; e < lengths.length; e++) {
            if (lengths[e] < 1 || lengths[e] > horizon) {
                throw new IllegalArgumentException("episode " + e + " has length " + lengths[e] + ", expected 1.."
                        + horizon);
            }
        }
    }
}

package org.metarl4j.agents.recurrent;

import java.util.SplittableRandom;

/**
 * Softmax over {@code actions} logits (RL²'s bandits and tabular MDPs); the previous action is fed back one-hot.
 * ∂log π(a)/∂z_k = [k = a] − p_k; H = −Σ p log p, ∂H/∂z_k = −p_k (log p_k + H).
 */
public record CategoricalHead(int actions) implements ActionHead {

    public CategoricalHead {
        if (actions < 2) {
            throw new IllegalArgumentException("a categorical head needs >= 2 actions, got " + actions);
        }
    }

    @Override
    public int outputs() {
        return actions;
    }

    @Override
    public int extraParameters() {
        return 0;
    }

    @Override
    public double[] initialExtraParameters() {
        return new double[0];
    }

    @Override
    public int actionDim() {
        return 1;
    }

    @Override
    public int encodedActionSize() {
        return actions;
    }

    @Override
    public void encodeAction(double[] action, int actionOffset, double[] out, int offset) {
        out[offset + index(action[actionOffset])] = 1.0;
    }

    private int index(double a) {
        int k = (int) a;
        if (k != a || k < 0 || k >= actions) {
            throw new IllegalArgumentException("action " + a + " is not an index in [0, " + actions + ")");
        }
        return k;
    }

    /** log-softmax of one row, stable. */
    static double[] logSoftmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            out[k] = z[k] - log;
        }
        return out;
    }

    @Override
    public double sample(double[] output, double[] extra, SplittableRandom rng, double[] actionOut, int actionOffset) {
        double[] logp = logSoftmax(output);
        double u = rng.nextDouble();
        int a = 0;
        double cumulative = Math.exp(logp[0]);
        while (u >= cumulative && a < actions - 1) {
            cumulative += Math.exp(logp[++a]);
        }
        actionOut[actionOffset] = a;
        return logp[a];
    }

    @Override
    public Terms evaluate(double[] output, double[] extra, double[] action, int actionOffset) {
        double[] logp = logSoftmax(output);
        int a = index(action[actionOffset]);
        double h = 0;
        for (double l : logp) {
            h -= Math.exp(l) * l;
        }
        double[] dLogp = new double[actions];
        double[] dH = new double[actions];
        for (int k = 0; k < actions; k++) {
            double p = Math.exp(logp[k]);
            dLogp[k] = (k == a ? 1 : 0) - p;
            dH[k] = -p * (logp[k] + h);
        }
        return new Terms(logp[a], h, dLogp, new double[0], dH, new double[0]);
    }
}

package org.metarl4j.agents.recurrent;

import java.util.SplittableRandom;
import org.metarl4j.envs.random.Sampling;

/**
 * A diagonal Gaussian over {@code dims} continuous actions: the linear layer gives the mean, the log-std is a
 * state-independent parameter vector starting at 0 (σ = 1), as garage's recurrent Gaussian policies and
 * pytorch-maml-rl's {@code NormalMLPPolicy}. The previous action is fed back as it was sampled (before any clipping
 * by the env). With u = (a − μ)/σ:
 * <pre>
 *   log π(a) = Σ_d −u_d²/2 − log σ_d − ½ log 2π      ∂/∂μ_d = u_d/σ_d      ∂/∂log σ_d = u_d² − 1
 *   H = Σ_d log σ_d + ½ log 2πe                       ∂H/∂μ = 0             ∂H/∂log σ_d = 1
 * </pre>
 */
public record GaussianHead(int dims) implements ActionHead {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    public GaussianHead {
        if (dims < 1) {
            throw new IllegalArgumentException("a Gaussian head needs >= 1 action dimension, got " + dims);
        }
    }

    @Override
    public int outputs() {
        return dims;
    }

    @Override
    public int extraParameters() {
        return dims;
    }

    @Override
    public double[] initialExtraParameters() {
        return new double[dims];
    }

    @Override
    public int actionDim() {
        return dims;
    }

    @Override
    public int encodedActionSize() {
        return dims;
    }

    @Override
    public void encodeAction(double[] action, int actionOffset, double[] out, int offset) {
        System.arraycopy(action, actionOffset, out, offset, dims);
    }

    @Override
    public double sample(double[] output, double[] extra, SplittableRandom rng, double[] actionOut, int actionOffset) {
        double logp = 0;
        for (int d = 0; d < dims; d++) {
            double noise = Sampling.gaussian(rng);
            actionOut[actionOffset + d] = output[d] + Math.exp(extra[d]) * noise;
            logp += -0.5 * noise * noise - extra[d] - HALF_LOG_2PI;
        }
        return logp;
    }

    @Override
    public Terms evaluate(double[] output, double[] extra, double[] action, int actionOffset) {
        double logp = 0;
        double h = 0;
        double[] dMean = new double[dims];
        double[] dLogStd = new double[dims];
        double[] dHMean = new double[dims];
        double[] dHLogStd = new double[dims];
        for (int d = 0; d < dims; d++) {
            double sigma = Math.exp(extra[d]);
            double u = (action[actionOffset + d] - output[d]) / sigma;
            logp += -0.5 * u * u - extra[d] - HALF_LOG_2PI;
            h += extra[d] + HALF_LOG_2PI + 0.5;
            dMean[d] = u / sigma;
            dLogStd[d] = u * u - 1;
            dHLogStd[d] = 1;
        }
        return new Terms(logp, h, dMean, dLogStd, dHMean, dHLogStd);
    }
}

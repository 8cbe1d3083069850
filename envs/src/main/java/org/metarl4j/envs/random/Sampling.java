package org.metarl4j.envs.random;

import java.util.SplittableRandom;

/**
 * Small samplers on {@link SplittableRandom} shared by the stochastic task families. Each method consumes a fixed,
 * documented number of uniforms, so a seeded generator gives the same draws on every JVM.
 *
 * <p>{@link SplittableRandom} has no {@code nextGaussian} in Java 17 (it arrives with {@code RandomGenerator} in
 * later releases), hence {@link #gaussian}.
 */
public final class Sampling {

    private Sampling() {
    }

    /**
     * A standard normal draw by the Box-Muller transform: {@code sqrt(-2 ln u1) * cos(2 pi u2)} with
     * {@code u1 = 1 - U} in (0, 1] (so the logarithm is finite) and {@code u2 = U} in [0, 1). Consumes exactly two
     * uniforms; the companion sine variate is discarded so the method keeps no state.
     */
    public static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** A draw from N(mean, std²): {@code mean + std * gaussian(rng)}. */
    public static double gaussian(SplittableRandom rng, double mean, double std) {
        return mean + std * gaussian(rng);
    }

    /** A draw from Exp(1) by inversion: {@code -ln(1 - U)}; one uniform. */
    public static double exponential(SplittableRandom rng) {
        return -Math.log(1.0 - rng.nextDouble());
    }

    /**
     * A draw from the flat Dirichlet distribution Dirichlet(1, ..., 1) on the (n-1)-simplex (uniform on the simplex),
     * as {@code n} i.i.d. Exp(1) draws divided by their sum (Gamma(1) = Exp(1)). Consumes {@code n} uniforms (more only
     * in the probability-zero event that all draws are 0). Marginal mean 1/n, marginal variance (n-1)/(n²(n+1)).
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static double[] dirichletOnes(SplittableRandom rng, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Dirichlet dimension n must be >= 1, got " + n);
        }
        double[] p = new double[n];
        double sum;
        do {
            sum = 0.0;
            for (int i = 0; i < n; i++) {
                p[i] = exponential(rng);
                sum += p[i];
            }
        } while (!(sum > 0.0));
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /**
     * An index drawn from the categorical distribution {@code probs} by inverse CDF with one uniform u: the smallest
     * i with {@code u < probs[0] + ... + probs[i]}. The weights need not sum exactly to 1: if rounding leaves u at or
     * above the total, the last index with positive weight is returned. Weights are not checked (the caller's task
     * was validated); zero-weight indices are never returned.
     */
    public static int categorical(SplittableRandom rng, double[] probs) {
        double u = rng.nextDouble();
        double cumulative = 0.0;
        int lastPositive = -1;
        for (int i = 0; i < probs.length; i++) {
            double p = probs[i];
            if (p > 0.0) {
                cumulative += p;
                lastPositive = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        if (lastPositive < 0) {
            throw new IllegalArgumentException("categorical distribution has no positive weight");
        }
        return lastPositive;
    }
}

package org.metarl4j.meta.optim;

import java.util.function.UnaryOperator;

/**
 * Conjugate gradient for A x = b with a symmetric positive-definite A given only through products A·v, as TRPO
 * uses it (Schulman et al. 2015, App. C; the rllab / pytorch-maml-rl {@code conjugate_gradient}): starts from x = 0,
 * at most {@code iterations} steps, stops early once the squared residual falls below {@code residualTolerance}.
 */
public final class ConjugateGradient {
    private ConjugateGradient() {
    }

    /** The approximate solution x of A x = b. */
    public static double[] solve(UnaryOperator<double[]> product, double[] b, int iterations,
                                 double residualTolerance) {
        if (iterations < 1) {
            throw new IllegalArgumentException("conjugate gradient needs >= 1 iteration, got " + iterations);
        }
        double[] x = new double[b.length];
        double[] r = b.clone();
        double[] p = b.clone();
        double rr = Vectors.dot(r, r);
        for (int i = 0; i < iterations && rr >= residualTolerance; i++) {
            double[] ap = product.apply(p);
            double alpha = rr / Vectors.dot(p, ap);
            Vectors.axpy(alpha, p, x);
            Vectors.axpy(-alpha, ap, r);
            double rrNext = Vectors.dot(r, r);
            double beta = rrNext / rr;
            for (int j = 0; j < p.length; j++) {
                p[j] = r[j] + beta * p[j];
            }
            rr = rrNext;
        }
        return x;
    }
}

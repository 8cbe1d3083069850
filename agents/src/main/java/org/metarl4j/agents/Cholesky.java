package org.metarl4j.agents;

/**
 * Solving the small symmetric positive definite systems of least-squares baselines (normal equations with a ridge)
 * in double precision. A few dozen unknowns: plain loops beat an ND4J round trip.
 */
public final class Cholesky {
    private Cholesky() {
    }

    /**
     * Solves {@code A x = b} for a symmetric positive definite {@code n × n} matrix (row-major, not modified) by
     * Cholesky {@code A = L Lᵀ}; returns null if a pivot is not positive and finite or the solution is not finite.
     */
    public static double[] solve(double[] a, double[] b, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(sum > 0.0) || !Double.isFinite(sum)) {
                        return null;
                    }
                    l[i * n + i] = Math.sqrt(sum);
                } else {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i * n + k] * y[k];
            }
            y[i] = sum / l[i * n + i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k * n + i] * x[k];
            }
            x[i] = sum / l[i * n + i];
            if (!Double.isFinite(x[i])) {
                return null;
            }
        }
        return x;
    }
}

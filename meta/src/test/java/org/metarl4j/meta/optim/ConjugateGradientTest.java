package org.metarl4j.meta.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConjugateGradientTest {

    @Test
    void solvesASymmetricPositiveDefiniteSystemExactlyInNSteps() {
        int n = 6;
        SplittableRandom rng = new SplittableRandom(1);
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = rng.nextDouble() - 0.5;
            }
        }
        double[][] a = new double[n][n]; // A = MᵀM + I
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += m[k][i] * m[k][j];
                }
            }
            a[i][i] += 1;
        }
        double[] xTrue = {1, -2, 3, 0.5, -0.25, 2};
        double[] b = multiply(a, xTrue);
        double[] x = ConjugateGradient.solve(v -> multiply(a, v), b, n, 1e-20);
        assertArrayEquals(xTrue, x, 1e-9);
    }

    @Test
    void stopsAtTheIterationCapAndFromZero() {
        double[][] a = {{2, 0}, {0, 4}};
        double[] x = ConjugateGradient.solve(v -> multiply(a, v), new double[] {2, 4}, 1, 0);
        // One CG step from 0 is steepest descent with exact line search: x = (r·r / r·Ar) r.
        double alpha = (4.0 + 16.0) / (8.0 + 64.0);
        assertArrayEquals(new double[] {2 * alpha, 4 * alpha}, x, 1e-12);
    }

    private static double[] multiply(double[][] a, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += a[i][j] * v[j];
            }
        }
        return out;
    }
}

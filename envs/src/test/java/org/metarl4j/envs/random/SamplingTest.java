package org.metarl4j.envs.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplingTest {

    @Test
    void gaussianHasMeanZeroAndUnitVariance() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        double sumQuart = 0;
        for (int i = 0; i < n; i++) {
            double x = Sampling.gaussian(rng);
            sum += x;
            sumSq += x * x;
            sumQuart += x * x * x * x;
        }
        assertEquals(0.0, sum / n, 5 / Math.sqrt(n));
        assertEquals(1.0, sumSq / n, 5 * Math.sqrt(2.0 / n));
        assertEquals(3.0, sumQuart / n, 5 * Math.sqrt(96.0 / n));
    }

    @Test
    void categoricalFollowsTheWeightsAndSkipsZeros() {
        SplittableRandom rng = new SplittableRandom(2);
        double[] p = {0.2, 0.0, 0.5, 0.3, 0.0};
        int n = 100_000;
        int[] counts = new int[p.length];
        for (int i = 0; i < n; i++) {
            counts[Sampling.categorical(rng, p)]++;
        }
        for (int j = 0; j < p.length; j++) {
            assertEquals(p[j], counts[j] / (double) n, 5 * Math.sqrt(p[j] * (1 - p[j]) / n) + 1e-12, "index " + j);
        }
        // Weights summing to slightly less than 1 never return a zero-weight index.
        double[] shortSum = {0.0, 0.5 - 1e-9, 0.5 - 1e-9, 0.0};
        for (int i = 0; i < 10_000; i++) {
            int k = Sampling.categorical(rng, shortSum);
            assertEquals(true, k == 1 || k == 2);
        }
    }

    @Test
    void dirichletOnesIsOnTheSimplexWithMeanOneOverN() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 4;
        int draws = 50_000;
        double[] mean = new double[n];
        for (int i = 0; i < draws; i++) {
            double[] p = Sampling.dirichletOnes(rng, n);
            double s = 0;
            for (int j = 0; j < n; j++) {
                assertEquals(true, p[j] >= 0);
                s += p[j];
                mean[j] += p[j] / draws;
            }
            assertEquals(1.0, s, 1e-12);
        }
        double sd = Math.sqrt((n - 1.0) / (n * n * (n + 1.0)) / draws);
        for (int j = 0; j < n; j++) {
            assertEquals(1.0 / n, mean[j], 5 * sd);
        }
        assertThrows(IllegalArgumentException.class, () -> Sampling.dirichletOnes(rng, 0));
    }
}

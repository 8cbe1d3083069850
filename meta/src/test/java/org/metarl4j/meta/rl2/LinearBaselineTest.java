package org.metarl4j.meta.rl2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearBaselineTest {

    /** Targets that are an exact linear function of the features are reproduced, masked steps ignored. */
    @Test
    void recoversALinearFunctionOfTheFeatures() {
        SplittableRandom rng = new SplittableRandom(1);
        int steps = 30;
        int b = 20;
        int in = 3;
        double[] w = new double[LinearBaseline.features(in)];
        for (int k = 0; k < w.length; k++) {
            w[k] = rng.nextDouble() * 2 - 1;
        }
        List<double[][]> inputs = new ArrayList<>();
        double[][] targets = new double[steps][b];
        double[][] mask = new double[steps][b];
        double[] f = new double[w.length];
        for (int t = 0; t < steps; t++) {
            double[][] x = new double[b][in];
            for (int i = 0; i < b; i++) {
                for (int k = 0; k < in; k++) {
                    x[i][k] = rng.nextGaussian();
                }
                LinearBaseline.featurize(x[i], t, f);
                double y = 0;
                for (int k = 0; k < f.length; k++) {
                    y += w[k] * f[k];
                }
                mask[t][i] = i < b - 2 ? 1 : 0;
                targets[t][i] = mask[t][i] == 1 ? y : 1e6; // masked steps must not pull the fit
            }
            inputs.add(x);
        }
        double[][] fit = LinearBaseline.fitAndPredict(inputs, targets, mask);
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < b - 2; i++) {
                assertEquals(targets[t][i], fit[t][i], 1e-2); // up to the small ridge
            }
        }
    }

    @Test
    void solvesASymmetricPositiveDefiniteSystem() {
        double[][] a = {{4, 1, 0.5}, {1, 3, 0.2}, {0.5, 0.2, 2}};
        double[] x = {1, -2, 3};
        double[] y = new double[3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                y[r] += a[r][c] * x[c];
            }
        }
        double[] solved = LinearBaseline.solveSymmetric(new double[][] {a[0].clone(), a[1].clone(), a[2].clone()}, y);
        for (int k = 0; k < 3; k++) {
            assertEquals(x[k], solved[k], 1e-12);
        }
    }
}

package org.metarl4j.agents.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearFeatureBaselineTest {
    private static final int H = 100;
    private static final int[] LENGTHS = {100, 60, 80, 30};

    private static double[] randomObservations(int obsDim, SplittableRandom rng) {
        double[] obs = new double[LENGTHS.length * H * obsDim];
        for (int e = 0; e < LENGTHS.length; e++) {
            for (int t = 0; t < LENGTHS[e]; t++) {
                for (int k = 0; k < obsDim; k++) {
                    obs[(e * H + t) * obsDim + k] = rng.nextDouble(-1, 1);
                }
            }
        }
        return obs;
    }

    private static double[] linearTarget(LinearFeatureBaseline b, double[] obs, int obsDim, double[] w) {
        double[] y = new double[LENGTHS.length * H];
        double[] f = new double[b.featureSize()];
        for (int e = 0; e < LENGTHS.length; e++) {
            for (int t = 0; t < LENGTHS[e]; t++) {
                b.features(obs, (e * H + t) * obsDim, t, f);
                double v = 0;
                for (int i = 0; i < f.length; i++) {
                    v += f[i] * w[i];
                }
                y[e * H + t] = v;
            }
        }
        return y;
    }

    @Test
    void featuresAreObsSquaresTimePowersAndOne() {
        LinearFeatureBaseline b = new LinearFeatureBaseline(2);
        double[] f = new double[8];
        b.features(new double[] {9, -3.0, 20.0}, 1, 50, f);  // o = (-3, 20): not clipped (pytorch-maml-rl)
        assertArrayEquals(new double[] {-3, 20, 9, 400, 0.5, 0.25, 0.125, 1}, f, 1e-15);
    }

    @Test
    void recoversAnExactlyLinearTarget() {
        int obsDim = 2;
        LinearFeatureBaseline b = new LinearFeatureBaseline(obsDim, 1e-12);
        double[] obs = randomObservations(obsDim, new SplittableRandom(1));
        double[] w = {0.7, -1.2, 0.3, 2.0, -4.0, 1.5, 3.0, -0.8};
        double[] y = linearTarget(b, obs, obsDim, w);
        b.fit(obs, LENGTHS, H, y);
        assertArrayEquals(w, b.weights(), 1e-6);
        double[] v = b.predict(obs, LENGTHS, H);
        for (int i = 0; i < y.length; i++) {
            assertEquals(y[i], v[i], 1e-8);
        }
        // with the reference's λ = 1e-5 the residual stays tiny
        LinearFeatureBaseline ref = new LinearFeatureBaseline(obsDim).fit(obs, LENGTHS, H, y);
        assertEquals(1e-5, ref.lastRegularization());
        double[] vr = ref.predict(obs, LENGTHS, H);
        double maxResidual = 0;
        for (int i = 0; i < y.length; i++) {
            maxResidual = Math.max(maxResidual, Math.abs(y[i] - vr[i]));
        }
        assertTrue(maxResidual < 1e-3, "residual " + maxResidual);
    }

    @Test
    void valuesAreZeroAtPaddedStepsAndPaddingIsIgnoredByTheFit() {
        int obsDim = 2;
        double[] obs = randomObservations(obsDim, new SplittableRandom(2));
        double[] y = new double[LENGTHS.length * H];
        SplittableRandom rng = new SplittableRandom(3);
        for (int e = 0; e < LENGTHS.length; e++) {
            for (int t = 0; t < LENGTHS[e]; t++) {
                y[e * H + t] = rng.nextDouble(-5, 5);
            }
        }
        LinearFeatureBaseline b = new LinearFeatureBaseline(obsDim).fit(obs, LENGTHS, H, y);
        double[] v = b.predict(obs, LENGTHS, H);
        // garbage in padded observations / targets changes nothing
        double[] obs2 = obs.clone();
        double[] y2 = y.clone();
        obs2[(1 * H + 70) * obsDim] = 123;
        y2[3 * H + 50] = -77;
        LinearFeatureBaseline b2 = new LinearFeatureBaseline(obsDim).fit(obs2, LENGTHS, H, y2);
        assertArrayEquals(b.weights(), b2.weights(), 0.0);
        for (int e = 0; e < LENGTHS.length; e++) {
            for (int t = LENGTHS[e]; t < H; t++) {
                assertEquals(0.0, v[e * H + t]);
            }
        }
    }

    @Test
    void singularDesignIsHandledByTheRegulariser() {
        // constant observations: o, o² and 1 are collinear, XᵀX is singular
        int[] lengths = {5, 3};
        int h = 5;
        double[] obs = new double[2 * h];
        for (int e = 0; e < 2; e++) {
            for (int t = 0; t < lengths[e]; t++) {
                obs[e * h + t] = 0.3;
            }
        }
        double[] y = {4, 4, 4, 4, 4, 4, 4, 4, 0, 0};
        LinearFeatureBaseline b = new LinearFeatureBaseline(1).fit(obs, lengths, h, y);
        assertEquals(1e-5, b.lastRegularization());
        double[] v = b.predict(obs, lengths, h);
        for (int e = 0; e < 2; e++) {
            for (int t = 0; t < h; t++) {
                assertEquals(t < lengths[e] ? 4.0 : 0.0, v[e * h + t], 1e-4);
            }
        }
        for (double w : b.weights()) {
            assertTrue(Double.isFinite(w));
        }
    }

    @Test
    void nonFiniteTargetsFailWithAClearMessageAfterFiveTries() {
        double[] obs = new double[4];
        double[] y = {Double.NaN, 1, 2, 3};
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new LinearFeatureBaseline(1).fit(obs, new int[] {4}, 4, y));
        assertTrue(e.getMessage().contains("λ = 0.1"), e.getMessage());
    }

    @Test
    void choleskySolvesAKnownSystemAndRejectsAnIndefiniteOne() {
        double[] a = {4, 2, 2, 3};
        double[] x = org.metarl4j.agents.Cholesky.solve(a, new double[] {2, 1}, 2);
        // 4x + 2y = 2, 2x + 3y = 1 -> x = 0.5, y = 0
        assertArrayEquals(new double[] {0.5, 0.0}, x, 1e-15);
        assertNull(org.metarl4j.agents.Cholesky.solve(new double[] {1, 2, 2, 1},
                new double[] {1, 1}, 2));
    }
}

package org.metarl4j.agents.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AdvantagesTest {
    // Two episodes, horizon 4: lengths 3 and 2. Padding holds garbage that must be ignored.
    private static final int H = 4;
    private static final int[] LENGTHS = {3, 2};
    private static final double[] REWARDS = {1, 2, 3, 0, 4, 5, 0, 0};
    private static final double[] VALUES = {1, 1, 2, 9, 2, 3, 7, -1};
    private static final double GAMMA = 0.5;

    @Test
    void discountedReturnsByHand() {
        double[] g = Advantages.discountedReturns(REWARDS, LENGTHS, H, GAMMA);
        // e0: G2 = 3, G1 = 2 + .5*3 = 3.5, G0 = 1 + .5*3.5 = 2.75; e1: G1 = 5, G0 = 4 + 2.5 = 6.5
        assertArrayEquals(new double[] {2.75, 3.5, 3, 0, 6.5, 5, 0, 0}, g, 1e-12);
    }

    @Test
    void returnsIgnoreRewardsInPadding() {
        double[] r = REWARDS.clone();
        r[3] = 100;
        r[7] = -100;
        assertArrayEquals(Advantages.discountedReturns(REWARDS, LENGTHS, H, GAMMA),
                Advantages.discountedReturns(r, LENGTHS, H, GAMMA), 0.0);
    }

    @Test
    void gaeWithLambdaOneIsReturnsMinusValues() {
        double[] a = Advantages.gae(REWARDS, VALUES, LENGTHS, H, GAMMA, 1.0);
        assertArrayEquals(new double[] {1.75, 2.5, 1, 0, 4.5, 2, 0, 0}, a, 1e-12);
        double[] g = Advantages.discountedReturns(REWARDS, LENGTHS, H, GAMMA);
        for (int e = 0; e < 2; e++) {
            for (int t = 0; t < LENGTHS[e]; t++) {
                assertEquals(g[e * H + t] - VALUES[e * H + t], a[e * H + t], 1e-12);
            }
        }
    }

    @Test
    void gaeWithLambdaZeroIsTdErrorWithZeroValueAfterTheEnd() {
        double[] a = Advantages.gae(REWARDS, VALUES, LENGTHS, H, GAMMA, 0.0);
        // e0: 1 + .5*1 - 1, 2 + .5*2 - 1, 3 + 0 - 2 (no bootstrap); e1: 4 + .5*3 - 2, 5 + 0 - 3
        assertArrayEquals(new double[] {0.5, 2, 1, 0, 3.5, 2, 0, 0}, a, 1e-12);
    }

    @Test
    void gaeWithIntermediateLambda() {
        double[] a = Advantages.gae(REWARDS, VALUES, LENGTHS, H, GAMMA, 0.5);
        // gamma*lambda = .25: e0: A2 = 1, A1 = 2 + .25, A0 = .5 + .25*2.25; e1: A1 = 2, A0 = 3.5 + .25*2
        assertArrayEquals(new double[] {1.0625, 2.25, 1, 0, 4.0, 2, 0, 0}, a, 1e-12);
    }

    @Test
    void normalizeUsesTheMeanOfEpisodeMeans() {
        double[] x = {1, 2, 3, 0, 10, 20, 0, 0};
        double[] out = Advantages.normalize(x, LENGTHS, H);
        double mu = (2.0 + 15.0) / 2;  // per-episode means 2 and 15 (the plain mean of the 5 steps would be 7.2)
        double var = ((Math.pow(1 - mu, 2) + Math.pow(2 - mu, 2) + Math.pow(3 - mu, 2)) / 3
                + (Math.pow(10 - mu, 2) + Math.pow(20 - mu, 2)) / 2) / 2;
        double s = Math.sqrt(var) + 1e-8;
        assertArrayEquals(new double[] {(1 - mu) / s, (2 - mu) / s, (3 - mu) / s, 0, (10 - mu) / s, (20 - mu) / s,
            0, 0}, out, 1e-12);
        assertEquals(7.4218147, Math.sqrt(var), 1e-6);
        // the same statistics of the output: mean of episode means 0, mean of episode mean squares ~1
        double m0 = (out[0] + out[1] + out[2]) / 3;
        double m1 = (out[4] + out[5]) / 2;
        assertEquals(0.0, (m0 + m1) / 2, 1e-12);
        double q0 = (out[0] * out[0] + out[1] * out[1] + out[2] * out[2]) / 3;
        double q1 = (out[4] * out[4] + out[5] * out[5]) / 2;
        assertEquals(1.0, (q0 + q1) / 2, 1e-8);
    }

    @Test
    void normalizeOfAConstantIsZeroNotNaN() {
        double[] out = Advantages.normalize(new double[] {3, 3, 3, 0, 3, 3, 0, 0}, LENGTHS, H);
        assertArrayEquals(new double[8], out, 0.0);
    }

    @Test
    void badShapesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Advantages.discountedReturns(new double[7], LENGTHS, H, GAMMA));
        assertThrows(IllegalArgumentException.class,
                () -> Advantages.discountedReturns(new double[8], new int[] {0, 2}, H, GAMMA));
        assertThrows(IllegalArgumentException.class,
                () -> Advantages.gae(REWARDS, new double[4], LENGTHS, H, GAMMA, 1.0));
    }
}

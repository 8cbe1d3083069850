package org.metarl4j.agents.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;

/** Both heads' log-probabilities and entropies against closed forms, their derivatives against central differences. */
class ActionHeadTest {
    private static final double H = 1e-6;

    @Test
    void gaussianLogProbAndEntropyAreTheClosedForms() {
        GaussianHead head = new GaussianHead(2);
        double[] mean = {0.3, -1.2};
        double[] logStd = {-0.5, 0.4};
        double[] a = {0.1, 0.7};
        ActionHead.Terms t = head.evaluate(mean, logStd, a, 0);
        double expected = 0;
        double entropy = 0;
        for (int d = 0; d < 2; d++) {
            double s = Math.exp(logStd[d]);
            expected += Math.log(Math.exp(-(a[d] - mean[d]) * (a[d] - mean[d]) / (2 * s * s)) / (s * Math.sqrt(2 * Math.PI)));
            entropy += 0.5 * Math.log(2 * Math.PI * Math.E * s * s);
        }
        assertEquals(expected, t.logProb(), 1e-12);
        assertEquals(entropy, t.entropy(), 1e-12);
    }

    @Test
    void gaussianSampleReturnsItsOwnLogProb() {
        GaussianHead head = new GaussianHead(3);
        double[] mean = {0.3, -1.2, 2};
        double[] logStd = {-0.5, 0.4, 0};
        double[] action = new double[4];
        double logp = head.sample(mean, logStd, new SplittableRandom(3), action, 1);
        assertEquals(head.evaluate(mean, logStd, action, 1).logProb(), logp, 1e-12);
    }

    @Test
    void categoricalSamplesFollowTheSoftmax() {
        CategoricalHead head = new CategoricalHead(3);
        double[] logits = {0.0, Math.log(2), Math.log(5)};
        SplittableRandom rng = new SplittableRandom(9);
        int[] counts = new int[3];
        double[] a = new double[1];
        for (int i = 0; i < 80_000; i++) {
            double logp = head.sample(logits, new double[0], rng, a, 0);
            counts[(int) a[0]]++;
            assertEquals(head.evaluate(logits, new double[0], a, 0).logProb(), logp, 1e-12);
        }
        assertEquals(0.125, counts[0] / 80_000.0, 0.005);
        assertEquals(0.25, counts[1] / 80_000.0, 0.005);
        assertEquals(0.625, counts[2] / 80_000.0, 0.005);
    }

    @Test
    void derivativesMatchCentralDifferences() {
        checkDerivatives(new GaussianHead(2), new double[] {0.3, -1.2}, new double[] {-0.5, 0.4},
                new double[] {0.1, 0.7});
        checkDerivatives(new CategoricalHead(4), new double[] {0.3, -1.2, 0.5, 2}, new double[0], new double[] {2});
    }

    private static void checkDerivatives(ActionHead head, double[] out, double[] extra, double[] action) {
        ActionHead.Terms t = head.evaluate(out, extra, action, 0);
        for (int k = 0; k < out.length; k++) {
            int kk = k;
            assertEquals(numeric(o -> head.evaluate(o, extra, action, 0).logProb(), out, kk),
                    t.dLogProbDOutput()[k], 1e-7);
            assertEquals(numeric(o -> head.evaluate(o, extra, action, 0).entropy(), out, kk),
                    t.dEntropyDOutput()[k], 1e-7);
        }
        for (int k = 0; k < extra.length; k++) {
            int kk = k;
            assertEquals(numeric(e -> head.evaluate(out, e, action, 0).logProb(), extra, kk),
                    t.dLogProbDExtra()[k], 1e-7);
            assertEquals(numeric(e -> head.evaluate(out, e, action, 0).entropy(), extra, kk),
                    t.dEntropyDExtra()[k], 1e-7);
        }
    }

    private static double numeric(ToDoubleFunction<double[]> f, double[] x, int k) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[k] += H;
        minus[k] -= H;
        return (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * H);
    }

    @Test
    void headsFollowTheActionSpaceAndRejectBadActions() {
        assertEquals(new CategoricalHead(4), ActionHead.forSpace(new Discrete(4)));
        assertInstanceOf(GaussianHead.class, ActionHead.forSpace(Box.uniform(2, -1, 1)));
        assertEquals(2, ActionHead.forSpace(Box.uniform(2, -1, 1)).outputs());
        double[] encoded = new double[4];
        assertThrows(IllegalArgumentException.class,
                () -> new CategoricalHead(4).encodeAction(new double[] {4}, 0, encoded, 0));
        assertThrows(IllegalArgumentException.class, () -> new CategoricalHead(1));
        assertThrows(IllegalArgumentException.class, () -> new GaussianHead(0));
    }
}

package org.metarl4j.agents.snail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metarl4j.agents.recurrent.CoreChecks.random;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SNAIL's dense, TC and attention blocks against their equations written out with plain loops, and their exact
 * gradients against central differences on every parameter and every input entry.
 */
class SnailBlocksTest {
    private static final int B = 2;
    private static final int T = 5;
    /** Central-difference step (see {@link #worstRelativeError}). */
    private static final double FD_STEP = 1e-5;

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void dilationsFollowThePaperFromTwoUpToTheCeilingOfLog2T() {
        assertArrayEquals(new int[0], TcBlock.dilations(1));
        assertArrayEquals(new int[] {2}, TcBlock.dilations(2));
        assertArrayEquals(new int[] {2, 4}, TcBlock.dilations(4));
        assertArrayEquals(new int[] {2, 4, 8}, TcBlock.dilations(5));
        assertArrayEquals(new int[] {2, 4, 8, 16, 32, 64, 128}, TcBlock.dilations(100));
        TcBlock tc = new TcBlock(3, 100, 4, DataType.DOUBLE);
        assertEquals(7, tc.denseBlocks().size());
        assertEquals(3 + 7 * 4, tc.outputWidth());
        assertEquals(3 + 6 * 4, tc.denseBlocks().get(6).inputWidth());
        assertThrows(IllegalArgumentException.class, () -> TcBlock.dilations(0));
    }

    /** a_t = tanh(xf_t) σ(xg_t), xf_t = x_{t−R} W_f^lag + x_t W_f^now + b_f, with the documented layout. */
    private static double[][][] denseReference(double[] p, INDArray x, int c, int r, int d) {
        int steps = (int) x.size(1);
        int w = 2 * d;
        int lag = 0;
        int now = c * w;
        int bias = 2 * c * w;
        double[][][] out = new double[B][steps][c + d];
        for (int b = 0; b < B; b++) {
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < c; i++) {
                    out[b][t][i] = x.getDouble(b, t, i);
                }
                for (int j = 0; j < d; j++) {
                    double f = p[bias + j];
                    double g = p[bias + d + j];
                    for (int i = 0; i < c; i++) {
                        f += x.getDouble(b, t, i) * p[now + i * w + j];
                        g += x.getDouble(b, t, i) * p[now + i * w + d + j];
                        if (t >= r) {
                            f += x.getDouble(b, t - r, i) * p[lag + i * w + j];
                            g += x.getDouble(b, t - r, i) * p[lag + i * w + d + j];
                        }
                    }
                    out[b][t][c + j] = Math.tanh(f) * sigmoid(g);
                }
            }
        }
        return out;
    }

    private static void assertClose(double[][][] expected, INDArray actual, double tolerance) {
        assertEquals(expected.length, actual.size(0));
        for (int b = 0; b < expected.length; b++) {
            assertEquals(expected[b].length, actual.size(1));
            for (int t = 0; t < expected[b].length; t++) {
                assertEquals(expected[b][t].length, actual.size(2));
                for (int j = 0; j < expected[b][t].length; j++) {
                    assertEquals(expected[b][t][j], actual.getDouble(b, t, j), tolerance, "at " + b + "," + t + ","
                            + j);
                }
            }
        }
    }

    @Test
    void denseBlockMatchesItsEquationsWrittenOut() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int r : new int[] {1, 2, 4, 8}) { // 8 ≥ T: the older tap only meets padding
            DenseBlock block = new DenseBlock(3, r, 2, DataType.DOUBLE);
            double[] p = new double[block.numParams()];
            block.initialise(p, 0, rng);
            INDArray x = random(rng, B, T, 3);
            assertClose(denseReference(p, x, 3, r, 2), block.output(Nd4j.createFromArray(p), x), 1e-12);
        }
    }

    /** r_t = Σ_{s ≤ t} softmax_s(q_t · k_s / √K) v_s with the documented layout (keys, queries, values). */
    private static double[][][] attentionReference(double[] p, INDArray x, int c, int k, int v) {
        int steps = (int) x.size(1);
        int w = 2 * k + v;
        int bias = c * w;
        double[][][] out = new double[B][steps][c + v];
        for (int b = 0; b < B; b++) {
            double[][] keys = new double[steps][k];
            double[][] queries = new double[steps][k];
            double[][] values = new double[steps][v];
            for (int s = 0; s < steps; s++) {
                for (int j = 0; j < w; j++) {
                    double z = p[bias + j];
                    for (int i = 0; i < c; i++) {
                        z += x.getDouble(b, s, i) * p[i * w + j];
                    }
                    if (j < k) {
                        keys[s][j] = z;
                    } else if (j < 2 * k) {
                        queries[s][j - k] = z;
                    } else {
                        values[s][j - 2 * k] = z;
                    }
                }
            }
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < c; i++) {
                    out[b][t][i] = x.getDouble(b, t, i);
                }
                double[] e = new double[t + 1];
                double sum = 0;
                for (int s = 0; s <= t; s++) {
                    double dot = 0;
                    for (int j = 0; j < k; j++) {
                        dot += queries[t][j] * keys[s][j];
                    }
                    e[s] = Math.exp(dot / Math.sqrt(k));
                    sum += e[s];
                }
                for (int s = 0; s <= t; s++) {
                    for (int j = 0; j < v; j++) {
                        out[b][t][c + j] += e[s] / sum * values[s][j];
                    }
                }
            }
        }
        return out;
    }

    @Test
    void attentionBlockMatchesItsEquationsWrittenOut() {
        SplittableRandom rng = new SplittableRandom(2);
        AttentionBlock block = new AttentionBlock(3, 2, 4, DataType.DOUBLE);
        double[] p = new double[block.numParams()];
        block.initialise(p, 0, rng);
        for (int i = 0; i < p.length; i++) {
            p[i] *= 4; // sharper attention
        }
        INDArray x = random(rng, B, T, 3);
        assertClose(attentionReference(p, x, 3, 2, 4), block.output(Nd4j.createFromArray(p), x), 1e-12);
    }

    @Test
    void attentionStepsWithItsCacheMatchTheWholeSequence() {
        SplittableRandom rng = new SplittableRandom(3);
        AttentionBlock block = new AttentionBlock(3, 2, 4, DataType.DOUBLE);
        double[] p = new double[block.numParams()];
        block.initialise(p, 0, rng);
        INDArray x = random(rng, B, T, 3);
        INDArray whole = block.output(Nd4j.createFromArray(p), x);
        AttentionBlock.Weights w = block.views(Nd4j.createFromArray(p).reshape(1, p.length), 0);
        AttentionBlock.Cache cache = block.cache(B, T + 2);
        for (int t = 0; t < T; t++) {
            INDArray read = block.step(w, cache, t, x.get(all(), point(t), all())).read();
            for (int b = 0; b < B; b++) {
                for (int j = 0; j < 4; j++) {
                    assertEquals(whole.getDouble(b, t, 3 + j), read.getDouble(b, j), 1e-12);
                }
            }
        }
    }

    /**
     * The worst relative error |numeric − analytic| / max(1e-6, |numeric| + |analytic|) over every parameter and
     * every input entry, central differences with step {@value #FD_STEP} on L = Σ c ⊙ output (at 1e-6 the round-off
     * in L alone, ~1e-16 |L| / h, approaches 1e-6 on the smallest gradients). Entries in {@code exactlyZero} have a
     * vanishing gradient by symmetry, where a relative error only measures round-off: they are checked to be 0.
     */
    private static double worstRelativeError(int numParams, double[] p, INDArray x, INDArray c,
                                             java.util.Set<Integer> exactlyZero,
                                             java.util.function.BiFunction<INDArray, INDArray, INDArray> output,
                                             INDArray gradParams, INDArray gradInput) {
        double worst = 0;
        double[] all = new double[numParams + (int) x.length()];
        System.arraycopy(p, 0, all, 0, numParams);
        double[] xs = x.reshape(-1).toDoubleVector();
        System.arraycopy(xs, 0, all, numParams, xs.length);
        Function<double[], Double> loss = v -> output.apply(
                Nd4j.createFromArray(java.util.Arrays.copyOf(v, numParams)),
                Nd4j.create(java.util.Arrays.copyOfRange(v, numParams, v.length), x.shape(), DataType.DOUBLE))
                .mul(c).sumNumber().doubleValue();
        double[] analytic = new double[all.length];
        System.arraycopy(gradParams.toDoubleVector(), 0, analytic, 0, numParams);
        System.arraycopy(gradInput.reshape(-1).toDoubleVector(), 0, analytic, numParams, xs.length);
        for (int k = 0; k < all.length; k++) {
            double[] plus = all.clone();
            double[] minus = all.clone();
            plus[k] += FD_STEP;
            minus[k] -= FD_STEP;
            double numeric = (loss.apply(plus) - loss.apply(minus)) / (2 * FD_STEP);
            if (exactlyZero.contains(k)) {
                assertEquals(0.0, analytic[k], 1e-12, "gradient " + k + " should vanish");
                assertEquals(0.0, numeric, 1e-9, "gradient " + k + " should vanish");
                continue;
            }
            worst = Math.max(worst, Math.abs(numeric - analytic[k])
                    / Math.max(1e-6, Math.abs(numeric) + Math.abs(analytic[k])));
        }
        return worst;
    }

    @Test
    void denseBlockGradientsMatchCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(4);
        DenseBlock block = new DenseBlock(3, 2, 2, DataType.DOUBLE);
        double[] p = new double[block.numParams()];
        block.initialise(p, 0, rng);
        for (int i = 0; i < p.length; i++) {
            p[i] *= 3; // saturate some gates
        }
        INDArray x = random(rng, B, T, 3);
        INDArray c = random(rng, B, T, block.outputWidth());
        DenseBlock.Gradients g = block.gradients(Nd4j.createFromArray(p), x, c);
        double worst = worstRelativeError(p.length, p, x, c, java.util.Set.of(), block::output, g.params(), g.input());
        assertTrue(worst < 1e-6, "worst relative error " + worst);
    }

    @Test
    void tcBlockGradientsMatchCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(5);
        TcBlock block = new TcBlock(2, T, 2, DataType.DOUBLE); // dilations 2, 4, 8
        double[] p = new double[block.numParams()];
        block.initialise(p, 0, rng);
        for (int i = 0; i < p.length; i++) {
            p[i] *= 2;
        }
        INDArray x = random(rng, B, T, 2);
        INDArray c = random(rng, B, T, block.outputWidth());
        TcBlock.Gradients g = block.gradients(Nd4j.createFromArray(p), x, c);
        double worst = worstRelativeError(p.length, p, x, c, java.util.Set.of(), block::output, g.params(), g.input());
        assertTrue(worst < 1e-6, "worst relative error " + worst);
    }

    @Test
    void attentionBlockGradientsMatchCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(6);
        AttentionBlock block = new AttentionBlock(3, 2, 3, DataType.DOUBLE);
        double[] p = new double[block.numParams()];
        block.initialise(p, 0, rng);
        for (int i = 0; i < p.length; i++) {
            p[i] *= 3; // peaked attention
        }
        INDArray x = random(rng, B, T, 3);
        INDArray c = random(rng, B, T, block.outputWidth());
        AttentionBlock.Gradients g = block.gradients(Nd4j.createFromArray(p), x, c);
        // the key bias adds q_t · b_k to every logit of row t alike: the softmax does not see it
        java.util.Set<Integer> keyBias = java.util.Set.of(3 * 7, 3 * 7 + 1);
        double worst = worstRelativeError(p.length, p, x, c, keyBias, block::output, g.params(), g.input());
        assertTrue(worst < 1e-6, "worst relative error " + worst);
    }

    @Test
    void badSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DenseBlock(0, 1, 1, DataType.DOUBLE));
        assertThrows(IllegalArgumentException.class, () -> new DenseBlock(2, 0, 1, DataType.DOUBLE));
        assertThrows(IllegalArgumentException.class, () -> new AttentionBlock(2, 0, 1, DataType.DOUBLE));
        assertThrows(IllegalArgumentException.class, () -> new TcBlock(2, 0, 1, DataType.DOUBLE));
        DenseBlock dense = new DenseBlock(2, 1, 1, DataType.DOUBLE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dense.output(Nd4j.zeros(DataType.DOUBLE, dense.numParams()), Nd4j.zeros(DataType.DOUBLE, 1,
                        3, 3)));
        assertTrue(e.getMessage().contains("[B, T, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> dense.output(Nd4j.zeros(DataType.DOUBLE, 3), Nd4j.zeros(DataType.DOUBLE, 1, 3, 2)));
    }
}

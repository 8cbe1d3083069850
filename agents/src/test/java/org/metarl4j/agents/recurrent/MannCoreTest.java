package org.metarl4j.agents.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metarl4j.agents.recurrent.CoreChecks.inputs;
import static org.metarl4j.agents.recurrent.CoreChecks.outputs;
import static org.metarl4j.agents.recurrent.CoreChecks.policyLoss;
import static org.metarl4j.agents.recurrent.CoreChecks.random;
import static org.metarl4j.agents.recurrent.CoreChecks.relativeError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.Task;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The MANN core against its equations written out with plain loops, against central differences (alone and as the
 * core of {@link Rl2Policy}), and on its checks, determinism and float precision.
 */
class MannCoreTest {
    private static final int B = 2;
    private static final int IN = 3;
    private static final int H = 4;
    private static final int N = 5;
    private static final int W = 3;
    private static final int R = 2;
    private static final int T = 5;
    private static final double GAMMA = 0.95;
    /** Central-difference step. */
    private static final double FD_STEP = 1e-5;
    private final MannCore mann = new MannCore(IN, H, N, W, R, GAMMA, DataType.DOUBLE);

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Outputs {@code [T][B][H + RW]}, the slot zeroed at each step {@code [B][T]}, and all the masks (zeroed slot and
     * least-used set after each step) as text.
     */
    private record Reference(double[][][] out, int[][] zeroed, String masks) {
    }

    /** Santoro et al.'s equations, one sequence and one slot at a time, with the documented layout and start. */
    private static Reference reference(double[] p, List<INDArray> xs, boolean zeroLeastUsed) {
        return reference(p, xs, zeroLeastUsed, IN);
    }

    private static Reference reference(double[] p, List<INDArray> xs, boolean zeroLeastUsed, int in) {
        int xin = in + R * W;
        int h4 = 4 * H;
        int ox = 0;
        int oh = ox + xin * h4;
        int obx = oh + H * h4;
        int obh = obx + h4;
        int ok = obh + h4;
        int obk = ok + H * R * W;
        int oa = obk + R * W;
        int oba = oa + H * R;
        double[][][] out = new double[xs.size()][B][];
        int[][] zeroed = new int[B][xs.size()];
        StringBuilder masks = new StringBuilder();
        for (int b = 0; b < B; b++) {
            double[] h = new double[H];
            double[] c = new double[H];
            double[] reads = new double[R * W];
            double[][] m = new double[N][W];
            for (double[] row : m) {
                Arrays.fill(row, 1e-6);
            }
            double[][] wr = new double[R][N];
            double[] wu = new double[N];
            double[] wlu = leastUsed(wu);
            for (int t = 0; t < xs.size(); t++) {
                double[] xc = new double[xin];
                for (int i = 0; i < in; i++) {
                    xc[i] = xs.get(t).getDouble(b, i);
                }
                System.arraycopy(reads, 0, xc, in, R * W);
                double[] hNew = new double[H];
                for (int j = 0; j < H; j++) {
                    double[] a = new double[4];
                    for (int g = 0; g < 4; g++) {
                        int col = g * H + j;
                        a[g] = p[obx + col] + p[obh + col];
                        for (int i = 0; i < xin; i++) {
                            a[g] += xc[i] * p[ox + i * h4 + col];
                        }
                        for (int i = 0; i < H; i++) {
                            a[g] += h[i] * p[oh + i * h4 + col];
                        }
                    }
                    c[j] = sigmoid(a[1]) * c[j] + sigmoid(a[0]) * Math.tanh(a[2]);
                    hNew[j] = sigmoid(a[3]) * Math.tanh(c[j]);
                }
                h = hNew;
                double[][] k = new double[R][W];
                double[] gate = new double[R];
                for (int j = 0; j < R; j++) {
                    for (int q = 0; q < W; q++) {
                        double z = p[obk + j * W + q];
                        for (int i = 0; i < H; i++) {
                            z += h[i] * p[ok + i * R * W + j * W + q];
                        }
                        k[j][q] = Math.tanh(z);
                    }
                    double z = p[oba + j];
                    for (int i = 0; i < H; i++) {
                        z += h[i] * p[oa + i * R + j];
                    }
                    gate[j] = sigmoid(z);
                }
                double[][] ww = new double[R][N];
                for (int j = 0; j < R; j++) {
                    for (int i = 0; i < N; i++) {
                        ww[j][i] = gate[j] * wr[j][i] + (1 - gate[j]) * wlu[i];
                    }
                }
                int lu = 0;
                for (int i = 1; i < N; i++) {
                    if (wu[i] < wu[lu]) {
                        lu = i;
                    }
                }
                zeroed[b][t] = lu;
                if (zeroLeastUsed) {
                    Arrays.fill(m[lu], 0.0);
                }
                for (int i = 0; i < N; i++) {
                    for (int q = 0; q < W; q++) {
                        for (int j = 0; j < R; j++) {
                            m[i][q] += ww[j][i] * k[j][q];
                        }
                    }
                }
                for (int j = 0; j < R; j++) {
                    double kn = norm(k[j]);
                    double sum = 0;
                    for (int i = 0; i < N; i++) {
                        double dot = 0;
                        for (int q = 0; q < W; q++) {
                            dot += k[j][q] * m[i][q];
                        }
                        wr[j][i] = Math.exp(dot / (kn * norm(m[i]) + 1e-8));
                        sum += wr[j][i];
                    }
                    for (int q = 0; q < W; q++) {
                        reads[j * W + q] = 0;
                    }
                    for (int i = 0; i < N; i++) {
                        wr[j][i] /= sum;
                        for (int q = 0; q < W; q++) {
                            reads[j * W + q] += wr[j][i] * m[i][q];
                        }
                    }
                }
                for (int i = 0; i < N; i++) {
                    wu[i] *= GAMMA;
                    for (int j = 0; j < R; j++) {
                        wu[i] += wr[j][i] + ww[j][i];
                    }
                }
                wlu = leastUsed(wu);
                masks.append(lu).append(Arrays.toString(wlu)).append(';');
                out[t][b] = new double[H + R * W];
                System.arraycopy(h, 0, out[t][b], 0, H);
                System.arraycopy(reads, 0, out[t][b], H, R * W);
            }
        }
        return new Reference(out, zeroed, masks.toString());
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    /** Ones on the R smallest usages, ties to the lower index. */
    private static double[] leastUsed(double[] wu) {
        double[] lu = new double[N];
        IntStream.range(0, N).boxed().sorted(Comparator.<Integer>comparingDouble(i -> wu[i]).thenComparing(i -> i))
                .limit(R).forEach(i -> lu[i] = 1.0);
        return lu;
    }

    @Test
    void stepsMatchTheMannEquationsWrittenOut() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] p = mann.initialParameters(rng);
        List<INDArray> xs = inputs(rng, B, IN, T);
        List<INDArray> out = outputs(mann, p, B, xs);
        Reference ref = reference(p, xs, true);
        for (int t = 0; t < T; t++) {
            assertArrayEquals(new long[] {B, H + R * W}, out.get(t).shape());
            for (int b = 0; b < B; b++) {
                for (int j = 0; j < H + R * W; j++) {
                    assertEquals(ref.out()[t][b][j], out.get(t).getDouble(b, j), 1e-12);
                }
            }
        }
        // the check covers the least-used slot moving and its zeroing changing the reads
        for (int b = 0; b < B; b++) {
            assertTrue(Arrays.stream(ref.zeroed()[b]).distinct().count() > 2, "the least-used slot barely moves: "
                    + ref.masks());
        }
        double[][][] unzeroed = reference(p, xs, false).out();
        double change = 0;
        for (int b = 0; b < B; b++) {
            for (int j = H; j < H + R * W; j++) {
                change = Math.max(change, Math.abs(unzeroed[T - 1][b][j] - ref.out()[T - 1][b][j]));
            }
        }
        assertTrue(change > 1e-3, "zeroing the least-used slot barely matters: " + change);
    }

    /** L = Σₜ Σ cₜ ⊙ outₜ. */
    private double loss(double[] p, List<INDArray> xs, List<INDArray> c) {
        List<INDArray> out = outputs(mann, p, B, xs);
        double l = 0;
        for (int t = 0; t < out.size(); t++) {
            if (c.get(t) != null) {
                l += out.get(t).mul(c.get(t)).sumNumber().doubleValue();
            }
        }
        return l;
    }

    @Test
    void backpropagationThroughTimeMatchesCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(2);
        double[] p = mann.initialParameters(rng);
        for (int i = 0; i < p.length; i++) {
            p[i] *= 2; // saturate some gates
        }
        List<INDArray> xs = inputs(rng, B, IN, T);
        List<INDArray> c = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            c.add(t == 2 ? null : random(rng, DataType.DOUBLE, B, H + R * W));
        }
        RecurrentCore.Sequence seq = mann.start(Nd4j.createFromArray(p), B, true);
        xs.forEach(seq::step);
        INDArray grad = seq.backward(c);
        assertEquals(mann.numParams(), grad.length());
        String masks = reference(p, xs, true).masks();
        // at 1e-6 the round-off in L (~1e-16 |L| / h) alone reaches 1e-6 on the smallest gradients (~1e-4)
        double eps = FD_STEP;
        double worst = 0;
        for (int k = 0; k < p.length; k++) {
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[k] += eps;
            minus[k] -= eps;
            assertEquals(masks, reference(plus, xs, true).masks(), "masks flip at parameter " + k);
            assertEquals(masks, reference(minus, xs, true).masks(), "masks flip at parameter " + k);
            double numeric = (loss(plus, xs, c) - loss(minus, xs, c)) / (2 * eps);
            worst = Math.max(worst, relativeError(numeric, grad.getDouble(k)));
        }
        assertTrue(worst < 1e-6, "worst relative error " + worst);
    }

    @Test
    void asTheCoreOfAnRl2PolicyItsGradientMatchesCentralDifferences() {
        int observationDim = 1;
        int actions = 3;
        int in = Rl2Policy.inputSize(observationDim, actions);
        MannCore core = new MannCore(in, H, N, W, R, GAMMA, DataType.DOUBLE);
        Rl2Policy<Task> policy = new Rl2Policy<>(observationDim, actions, core, DataType.DOUBLE);
        SplittableRandom rng = new SplittableRandom(3);
        double[] theta = policy.initialParameters(rng);
        List<INDArray> xs = inputs(rng, B, in, 4);
        List<INDArray> cLogits = new ArrayList<>();
        List<INDArray> cValues = new ArrayList<>();
        for (int t = 0; t < xs.size(); t++) {
            cLogits.add(random(rng, DataType.DOUBLE, B, actions));
            cValues.add(random(rng, DataType.DOUBLE, B, 1));
        }
        double[] analytic = policy.gradient(policy.unroll(theta, xs), cLogits, cValues, new double[0]);
        String masks = reference(Arrays.copyOf(theta, core.numParams()), xs, true, in).masks();
        double h = FD_STEP;
        double worst = 0;
        for (int k = 0; k < theta.length; k++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[k] += h;
            minus[k] -= h;
            if (k < core.numParams()) {
                assertEquals(masks, reference(Arrays.copyOf(plus, core.numParams()), xs, true, in).masks());
                assertEquals(masks, reference(Arrays.copyOf(minus, core.numParams()), xs, true, in).masks());
            }
            double numeric = (policyLoss(policy, plus, xs, cLogits, cValues)
                    - policyLoss(policy, minus, xs, cLogits, cValues)) / (2 * h);
            worst = Math.max(worst, relativeError(numeric, analytic[k]));
        }
        assertTrue(worst < 1e-6, "worst relative error " + worst);
        assertEquals("RL² (MANN " + (H + R * W) + ")", policy.name());
    }

    @Test
    void sameParametersAndInputsGiveIdenticalOutputs() {
        SplittableRandom rng = new SplittableRandom(4);
        double[] p = mann.initialParameters(rng);
        List<INDArray> xs = inputs(rng, B, IN, T);
        List<INDArray> first = outputs(mann, p, B, xs);
        List<INDArray> second = outputs(mann, p, B, xs);
        for (int t = 0; t < T; t++) {
            assertArrayEquals(first.get(t).reshape(-1).toDoubleVector(), second.get(t).reshape(-1).toDoubleVector());
        }
        assertArrayEquals(mann.initialParameters(new SplittableRandom(4)), p);
    }

    @Test
    void inFloatItAgreesWithDouble() {
        MannCore single = new MannCore(IN, H, N, W, R, GAMMA, DataType.FLOAT);
        SplittableRandom rng = new SplittableRandom(5);
        double[] p = mann.initialParameters(rng);
        List<INDArray> xs = inputs(rng, B, IN, T);
        List<INDArray> c = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            c.add(random(rng, DataType.DOUBLE, B, H + R * W));
        }
        INDArray[] grads = new INDArray[2];
        List<List<INDArray>> outs = new ArrayList<>();
        MannCore[] cores = {mann, single};
        for (int r = 0; r < 2; r++) {
            DataType type = r == 0 ? DataType.DOUBLE : DataType.FLOAT;
            RecurrentCore.Sequence seq = cores[r].start(Nd4j.createFromArray(p), B, true);
            List<INDArray> out = new ArrayList<>();
            for (INDArray x : xs) {
                out.add(seq.step(x.castTo(type)));
            }
            outs.add(out);
            grads[r] = seq.backward(c.stream().map(a -> a.castTo(type)).toList());
            assertEquals(type, grads[r].dataType());
        }
        for (int t = 0; t < T; t++) {
            assertTrue(outs.get(0).get(t).equalsWithEps(outs.get(1).get(t).castTo(DataType.DOUBLE), 1e-5));
        }
        assertTrue(grads[0].equalsWithEps(grads[1].castTo(DataType.DOUBLE), 1e-4));
    }

    @Test
    void leastUsedSlotsBreakTiesByIndex() {
        INDArray usage = Nd4j.createFromArray(new double[][] {{0.5, 0.1, 0.1, 0.3}, {0, 0, 0, 0}});
        LeastUsedSlots masks = LeastUsedSlots.of(usage, 2, DataType.DOUBLE);
        assertArrayEquals(new double[] {0, 1, 1, 0, 1, 1, 0, 0}, masks.leastUsed().reshape(-1).toDoubleVector());
        assertArrayEquals(new double[] {1, 0, 1, 1, 0, 1, 1, 1}, masks.keep().reshape(-1).toDoubleVector());
    }

    @Test
    void badSizesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MannCore(0, H, N, W, R, GAMMA, DataType.DOUBLE));
        assertTrue(e.getMessage().contains("must be >= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MannCore(IN, H, 2, W, 3, GAMMA, DataType.DOUBLE));
        assertTrue(e.getMessage().contains("2 slots for 3 heads"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MannCore(IN, H, N, W, R, 1.5, DataType.DOUBLE));
        assertThrows(IllegalArgumentException.class, () -> new MannCore(IN, H, N, W, R, Double.NaN, DataType.DOUBLE));
        assertThrows(IllegalArgumentException.class, () -> new MannCore(IN, H, N, W, R, GAMMA, DataType.INT));
        assertThrows(IllegalArgumentException.class, () -> mann.start(Nd4j.zeros(DataType.DOUBLE, 3), B, true));
        RecurrentCore.Sequence sampling = mann.start(Nd4j.createFromArray(mann.initialParameters(
                new SplittableRandom(6))), B, false);
        sampling.step(Nd4j.zeros(DataType.DOUBLE, B, IN));
        assertThrows(IllegalStateException.class, () -> sampling.backward(List.of(Nd4j.zeros(DataType.DOUBLE, B,
                H + R * W))));
    }

    @Test
    void defaultsAndSizes() {
        MannCore core = new MannCore(7, DataType.FLOAT);
        assertEquals(MannCore.DEFAULT_CONTROLLER_SIZE + MannCore.DEFAULT_HEADS * MannCore.DEFAULT_WIDTH,
                core.hiddenSize());
        int h = MannCore.DEFAULT_CONTROLLER_SIZE;
        int rw = MannCore.DEFAULT_HEADS * MannCore.DEFAULT_WIDTH;
        assertEquals((7 + rw + h + 2) * 4 * h + h * rw + rw + h * MannCore.DEFAULT_HEADS + MannCore.DEFAULT_HEADS,
                core.numParams());
        assertEquals(7, core.inputSize());
        assertEquals("MANN", core.name());
    }
}

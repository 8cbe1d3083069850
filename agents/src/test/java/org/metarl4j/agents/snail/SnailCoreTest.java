package org.metarl4j.agents.snail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metarl4j.agents.recurrent.CoreChecks.inputs;
import static org.metarl4j.agents.recurrent.CoreChecks.outputs;
import static org.metarl4j.agents.recurrent.CoreChecks.policyLoss;
import static org.metarl4j.agents.recurrent.CoreChecks.random;
import static org.metarl4j.agents.recurrent.CoreChecks.relativeError;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.agents.recurrent.RecurrentCore;
import org.metarl4j.agents.recurrent.Rl2Policy;
import org.metarl4j.envs.Task;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SNAIL core stepped one step at a time against its equations written out (whole prefix recomputed, plain
 * loops) and against its own whole-sequence pass; its backpropagation against central differences, alone and as the
 * core of {@link Rl2Policy}; its checks, determinism and float precision.
 */
class SnailCoreTest {
    private static final int B = 2;
    private static final int IN = 3;
    private static final int T = 6;
    /** Central-difference step: at 1e-6 the round-off in L (~1e-16 |L| / h) nears 1e-6 on the smallest gradients. */
    private static final double FD_STEP = 1e-5;
    /** Dilations 2, 4, 8 (8 ≥ T only meets padding), attention between and after the TC blocks. */
    private final SnailCore core = new SnailCore(IN, T, 4, List.of(new SnailCore.Tc(2), new SnailCore.Attention(3, 2),
            new SnailCore.Tc(2), new SnailCore.Attention(2, 3)), DataType.DOUBLE);

    /**
     * Every step's output {@code [T][B][H]} from the paper's equations and the documented layout, each step computed
     * from the whole stored prefix of features (no caches): projection, dense blocks (causal dilated convolution,
     * kernel 2, tanh ⊙ σ), attention (keys, queries, values of every step so far, softmax of q_t · k_s / √K over
     * s ≤ t), every block's columns appended.
     */
    static double[][][] reference(SnailCore core, double[] p, List<INDArray> xs) {
        int in = core.inputSize();
        int f = core.projection();
        int h = core.hiddenSize();
        int steps = xs.size();
        int batch = (int) xs.get(0).size(0);
        double[][][] out = new double[steps][batch][];
        for (int b = 0; b < batch; b++) {
            double[][] feat = new double[steps][h];
            for (int t = 0; t < steps; t++) {
                double[] z = feat[t];
                if (f > 0) {
                    for (int j = 0; j < f; j++) {
                        z[j] = p[in * f + j];
                        for (int i = 0; i < in; i++) {
                            z[j] += xs.get(t).getDouble(b, i) * p[i * f + j];
                        }
                    }
                } else {
                    for (int i = 0; i < in; i++) {
                        z[i] = xs.get(t).getDouble(b, i);
                    }
                }
                int o = f * (in + 1);
                for (Object block : core.blocks()) {
                    if (block instanceof DenseBlock d) {
                        int c = d.inputWidth();
                        int n = d.filters();
                        int r = d.dilation();
                        int lag = o;
                        int now = o + c * 2 * n;
                        int bias = o + 2 * c * 2 * n;
                        for (int j = 0; j < n; j++) {
                            double xf = p[bias + j];
                            double xg = p[bias + n + j];
                            for (int i = 0; i < c; i++) {
                                xf += feat[t][i] * p[now + i * 2 * n + j];
                                xg += feat[t][i] * p[now + i * 2 * n + n + j];
                                if (t >= r) {
                                    xf += feat[t - r][i] * p[lag + i * 2 * n + j];
                                    xg += feat[t - r][i] * p[lag + i * 2 * n + n + j];
                                }
                            }
                            feat[t][c + j] = Math.tanh(xf) * SnailBlocksTest.sigmoid(xg);
                        }
                        o += d.numParams();
                    } else {
                        AttentionBlock a = (AttentionBlock) block;
                        int c = a.inputWidth();
                        int k = a.keySize();
                        int v = a.valueSize();
                        int w = 2 * k + v;
                        double[][] kqv = new double[t + 1][w];
                        for (int s = 0; s <= t; s++) {
                            for (int j = 0; j < w; j++) {
                                kqv[s][j] = p[o + c * w + j];
                                for (int i = 0; i < c; i++) {
                                    kqv[s][j] += feat[s][i] * p[o + i * w + j];
                                }
                            }
                        }
                        double[] e = new double[t + 1];
                        double sum = 0;
                        for (int s = 0; s <= t; s++) {
                            double dot = 0;
                            for (int j = 0; j < k; j++) {
                                dot += kqv[t][k + j] * kqv[s][j];
                            }
                            e[s] = Math.exp(dot / Math.sqrt(k));
                            sum += e[s];
                        }
                        for (int j = 0; j < v; j++) {
                            double read = 0;
                            for (int s = 0; s <= t; s++) {
                                read += e[s] / sum * kqv[s][2 * k + j];
                            }
                            feat[t][c + j] = read;
                        }
                        o += a.numParams();
                    }
                }
                out[t][b] = feat[t].clone();
            }
        }
        return out;
    }

    /** The parameters whose gradient vanishes by symmetry: each attention block's key bias (q_t · b_k shifts a row). */
    static Set<Integer> keyBiases(SnailCore core) {
        Set<Integer> set = new HashSet<>();
        int o = core.projection() * (core.inputSize() + 1);
        for (Object block : core.blocks()) {
            if (block instanceof AttentionBlock a) {
                int bias = o + a.inputWidth() * (2 * a.keySize() + a.valueSize());
                for (int j = 0; j < a.keySize(); j++) {
                    set.add(bias + j);
                }
                o += a.numParams();
            } else {
                o += ((DenseBlock) block).numParams();
            }
        }
        return set;
    }

    @Test
    void stepsMatchTheEquationsWrittenOutAndTheWholeSequencePass() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] p = core.initialParameters(rng);
        for (int i = 0; i < p.length; i++) {
            p[i] *= 2;
        }
        List<INDArray> xs = inputs(rng, B, IN, T);
        List<INDArray> out = outputs(core, p, B, xs);
        double[][][] ref = reference(core, p, xs);
        INDArray whole = core.outputs(Nd4j.createFromArray(p), Nd4j.stack(1, xs.toArray(new INDArray[0])));
        assertEquals(21, core.hiddenSize());
        for (int t = 0; t < T; t++) {
            assertArrayEquals(new long[] {B, core.hiddenSize()}, out.get(t).shape());
            for (int b = 0; b < B; b++) {
                for (int j = 0; j < core.hiddenSize(); j++) {
                    assertEquals(ref[t][b][j], out.get(t).getDouble(b, j), 1e-10);
                    assertEquals(ref[t][b][j], whole.getDouble(b, t, j), 1e-10);
                }
            }
        }
    }

    @Test
    void theBanditPresetStepsLikeItsEquations() {
        int steps = 12;
        SnailCore bandit = SnailCore.forBanditsAndMdps(IN, steps, DataType.DOUBLE);
        assertEquals(32 + 2 * 4 * 32 + 32, bandit.hiddenSize()); // ⌈log₂ 12⌉ = 4 dense blocks per TC block
        SplittableRandom rng = new SplittableRandom(2);
        double[] p = bandit.initialParameters(rng);
        List<INDArray> xs = inputs(rng, B, IN, steps);
        List<INDArray> out = outputs(bandit, p, B, xs);
        double[][][] ref = reference(bandit, p, xs);
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < B; b++) {
                for (int j = 0; j < bandit.hiddenSize(); j++) {
                    assertEquals(ref[t][b][j], out.get(t).getDouble(b, j), 1e-10);
                }
            }
        }
    }

    /** Σₜ Σ cₜ ⊙ outₜ on the reference outputs. */
    private static double loss(SnailCore core, double[] p, List<INDArray> xs, List<INDArray> c) {
        double[][][] out = reference(core, p, xs);
        double l = 0;
        for (int t = 0; t < out.length; t++) {
            if (c.get(t) == null) {
                continue;
            }
            for (int b = 0; b < B; b++) {
                for (int j = 0; j < out[t][b].length; j++) {
                    l += c.get(t).getDouble(b, j) * out[t][b][j];
                }
            }
        }
        return l;
    }

    @Test
    void backpropagationMatchesCentralDifferencesOnEveryParameter() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] p = core.initialParameters(rng);
        for (int i = 0; i < p.length; i++) {
            p[i] *= 2; // saturate some gates, sharpen attention
        }
        List<INDArray> xs = inputs(rng, B, IN, T);
        List<INDArray> c = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            c.add(t == 2 ? null : random(rng, B, core.hiddenSize()));
        }
        RecurrentCore.Sequence seq = core.start(Nd4j.createFromArray(p), B, true);
        xs.forEach(seq::step);
        INDArray grad = seq.backward(c);
        assertEquals(core.numParams(), grad.length());
        Set<Integer> zero = keyBiases(core);
        double worst = 0;
        for (int k = 0; k < p.length; k++) {
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[k] += FD_STEP;
            minus[k] -= FD_STEP;
            double numeric = (loss(core, plus, xs, c) - loss(core, minus, xs, c)) / (2 * FD_STEP);
            if (zero.contains(k)) {
                assertEquals(0.0, grad.getDouble(k), 1e-12);
                assertEquals(0.0, numeric, 1e-9);
            } else {
                worst = Math.max(worst, relativeError(numeric, grad.getDouble(k)));
            }
        }
        assertTrue(worst < 1e-6, "worst relative error " + worst);
    }

    @Test
    void asTheCoreOfAnRl2PolicyItsGradientMatchesCentralDifferences() {
        int observationDim = 1;
        int actions = 3;
        int in = Rl2Policy.inputSize(observationDim, actions);
        SnailCore snail = new SnailCore(in, T, 3, List.of(new SnailCore.Tc(2), new SnailCore.Attention(2, 2)),
                DataType.DOUBLE);
        Rl2Policy<Task> policy = new Rl2Policy<>(observationDim, actions, snail, DataType.DOUBLE);
        SplittableRandom rng = new SplittableRandom(4);
        double[] theta = policy.initialParameters(rng);
        List<INDArray> xs = inputs(rng, B, in, 4); // fewer steps than T: dilation 4 never reaches back
        List<INDArray> cLogits = new ArrayList<>();
        List<INDArray> cValues = new ArrayList<>();
        for (int t = 0; t < xs.size(); t++) {
            cLogits.add(random(rng, B, actions));
            cValues.add(random(rng, B, 1));
        }
        double[] analytic = policy.gradient(policy.unroll(theta, xs), cLogits, cValues, new double[0]);
        // the policy's own unroll gives the loss written out below; central differences use the latter (fast)
        assertEquals(policyLoss(policy, theta, xs, cLogits, cValues),
                referencePolicyLoss(snail, actions, theta, xs, cLogits, cValues), 1e-10);
        Set<Integer> zero = keyBiases(snail);
        double worst = 0;
        for (int k = 0; k < theta.length; k++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[k] += FD_STEP;
            minus[k] -= FD_STEP;
            double numeric = (referencePolicyLoss(snail, actions, plus, xs, cLogits, cValues)
                    - referencePolicyLoss(snail, actions, minus, xs, cLogits, cValues)) / (2 * FD_STEP);
            if (zero.contains(k)) {
                assertEquals(0.0, analytic[k], 1e-12);
                assertEquals(0.0, numeric, 1e-9);
            } else {
                worst = Math.max(worst, relativeError(numeric, analytic[k]));
            }
        }
        assertTrue(worst < 1e-6, "worst relative error " + worst);
        assertEquals("RL² (SNAIL " + snail.hiddenSize() + ")", policy.name());
    }

    /**
     * The same loss written out: the reference core, then Rl2Policy's documented heads after the core's parameters,
     * W_π {@code [H, outputs]}, b_π, W_v {@code [H, 1]}, b_v.
     */
    private static double referencePolicyLoss(SnailCore snail, int outputs, double[] theta, List<INDArray> xs,
                                              List<INDArray> cLogits, List<INDArray> cValues) {
        double[][][] h = reference(snail, java.util.Arrays.copyOf(theta, snail.numParams()), xs);
        int width = snail.hiddenSize();
        int wPi = snail.numParams();
        int bPi = wPi + width * outputs;
        int wV = bPi + outputs;
        int bV = wV + width;
        double l = 0;
        for (int t = 0; t < xs.size(); t++) {
            for (int b = 0; b < B; b++) {
                for (int a = 0; a < outputs; a++) {
                    double logit = theta[bPi + a];
                    for (int j = 0; j < width; j++) {
                        logit += h[t][b][j] * theta[wPi + j * outputs + a];
                    }
                    l += cLogits.get(t).getDouble(b, a) * logit;
                }
                double value = theta[bV];
                for (int j = 0; j < width; j++) {
                    value += h[t][b][j] * theta[wV + j];
                }
                l += cValues.get(t).getDouble(b, 0) * value;
            }
        }
        return l;
    }

    /**
     * Training's path ({@link SnailCore#unrollAll}: one pass over the whole sequence) against stepping: the same
     * outputs and gradient to 1e-10 in double, on the test stack (full length and shorter) and the bandit preset.
     */
    @Test
    void theWholeSequencePassGivesSteppingsOutputsAndGradient() {
        SplittableRandom rng = new SplittableRandom(9);
        SnailCore bandit = SnailCore.forBanditsAndMdps(IN, 12, DataType.DOUBLE);
        for (SnailCore c : List.of(core, bandit)) {
            for (int steps : new int[] {c.maxSteps(), c.maxSteps() - 3}) {
                double[] p = c.initialParameters(rng);
                for (int i = 0; i < p.length; i++) {
                    p[i] *= 2;
                }
                List<INDArray> xs = inputs(rng, B, IN, steps);
                List<INDArray> dh = new ArrayList<>();
                for (int t = 0; t < steps; t++) {
                    dh.add(t == 1 ? null : random(rng, B, c.hiddenSize()));
                }
                RecurrentCore.Sequence stepped = c.start(Nd4j.createFromArray(p), B, true);
                List<INDArray> out = new ArrayList<>();
                xs.forEach(x -> out.add(stepped.step(x)));
                double[] grad = stepped.backward(dh).toDoubleVector();
                RecurrentCore.Unrolled whole = c.unrollAll(Nd4j.createFromArray(p), xs, true);
                assertEquals(steps, whole.outputs().size());
                for (int t = 0; t < steps; t++) {
                    assertArrayEquals(new long[] {B, c.hiddenSize()}, whole.outputs().get(t).shape());
                    assertArrayEquals(out.get(t).dup().reshape(-1).toDoubleVector(),
                            whole.outputs().get(t).dup().reshape(-1).toDoubleVector(), 1e-10);
                }
                assertArrayEquals(grad, whole.sequence().backward(dh).toDoubleVector(), 1e-10);
                // the policy's path: h and ∂L/∂h as rows [T·B, H] in time-major (t, b) order
                INDArray rows = whole.rows().reshape('c', steps, B, c.hiddenSize());
                INDArray dRows = Nd4j.zeros(DataType.DOUBLE, steps, B, c.hiddenSize());
                for (int t = 0; t < steps; t++) {
                    assertArrayEquals(out.get(t).dup().reshape(-1).toDoubleVector(),
                            rows.get(point(t), all(), all()).dup().reshape(-1).toDoubleVector(), 1e-10);
                    if (dh.get(t) != null) {
                        dRows.get(point(t), all(), all()).assign(dh.get(t));
                    }
                }
                INDArray flatRows = dRows.reshape('c', (long) steps * B, c.hiddenSize());
                assertArrayEquals(grad, whole.sequence().backwardRows(flatRows.dup(), B, steps).toDoubleVector(),
                        1e-10);
                assertThrows(IllegalStateException.class, () -> whole.sequence().step(xs.get(0)));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> core.unrollAll(Nd4j.createFromArray(
                core.initialParameters(rng)), inputs(rng, B, IN, T + 1), true));
    }

    @Test
    void sameParametersAndInputsGiveIdenticalOutputsAndGradients() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] p = core.initialParameters(rng);
        List<INDArray> xs = inputs(rng, B, IN, T);
        List<INDArray> c = inputs(rng, B, core.hiddenSize(), T);
        double[][] grads = new double[2][];
        List<List<INDArray>> outs = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            RecurrentCore.Sequence seq = core.start(Nd4j.createFromArray(p), B, true);
            List<INDArray> out = new ArrayList<>();
            for (INDArray x : xs) {
                out.add(seq.step(x));
            }
            outs.add(out);
            grads[r] = seq.backward(c).toDoubleVector();
        }
        for (int t = 0; t < T; t++) {
            assertArrayEquals(outs.get(0).get(t).reshape(-1).toDoubleVector(),
                    outs.get(1).get(t).reshape(-1).toDoubleVector());
        }
        assertArrayEquals(grads[0], grads[1]);
        assertArrayEquals(core.initialParameters(new SplittableRandom(5)), p);
    }

    @Test
    void inFloatItAgreesWithDouble() {
        SnailCore single = new SnailCore(IN, T, 4, core.layers(), DataType.FLOAT);
        SplittableRandom rng = new SplittableRandom(6);
        double[] p = core.initialParameters(rng);
        List<INDArray> xs = inputs(rng, B, IN, T);
        List<INDArray> c = inputs(rng, B, core.hiddenSize(), T);
        INDArray[] grads = new INDArray[2];
        List<List<INDArray>> outs = new ArrayList<>();
        SnailCore[] cores = {core, single};
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
            assertEquals(type, out.get(0).dataType());
        }
        for (int t = 0; t < T; t++) {
            assertTrue(outs.get(0).get(t).equalsWithEps(outs.get(1).get(t).castTo(DataType.DOUBLE), 1e-5));
        }
        assertTrue(grads[0].equalsWithEps(grads[1].castTo(DataType.DOUBLE), 1e-4));
    }

    @Test
    void badSizesTooManyStepsAndBackwardWithoutHistoryAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SnailCore(0, T, 4, core.layers(), DataType.DOUBLE));
        assertThrows(IllegalArgumentException.class, () -> new SnailCore(IN, 0, 4, core.layers(), DataType.DOUBLE));
        assertThrows(IllegalArgumentException.class, () -> new SnailCore(IN, T, -1, core.layers(), DataType.DOUBLE));
        assertThrows(IllegalArgumentException.class, () -> new SnailCore(IN, T, 4, List.of(new SnailCore.Tc(0)),
                DataType.DOUBLE));
        assertThrows(IllegalArgumentException.class, () -> new SnailCore(IN, T, 4,
                List.of(new SnailCore.Attention(2, 0)), DataType.DOUBLE));
        assertThrows(IllegalArgumentException.class, () -> new SnailCore(IN, T, 4, core.layers(), DataType.INT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> core.start(Nd4j.zeros(DataType.DOUBLE, 3), B, true));
        assertTrue(e.getMessage().contains(core.numParams() + " entries"), e.getMessage());
        double[] p = core.initialParameters(new SplittableRandom(7));
        RecurrentCore.Sequence seq = core.start(Nd4j.createFromArray(p), B, true);
        e = assertThrows(IllegalArgumentException.class, () -> seq.step(Nd4j.zeros(DataType.DOUBLE, B, IN + 1)));
        assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> seq.step(Nd4j.zeros(DataType.DOUBLE, B + 1, IN)));
        for (int t = 0; t < T; t++) {
            seq.step(Nd4j.zeros(DataType.DOUBLE, B, IN));
        }
        IllegalStateException tooMany = assertThrows(IllegalStateException.class,
                () -> seq.step(Nd4j.zeros(DataType.DOUBLE, B, IN)));
        assertTrue(tooMany.getMessage().contains("at most " + T + " steps"), tooMany.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> seq.backward(List.of()));
        assertTrue(e.getMessage().contains(T + " steps"), e.getMessage());
        RecurrentCore.Sequence sampling = core.start(Nd4j.createFromArray(p), B, false);
        sampling.step(Nd4j.zeros(DataType.DOUBLE, B, IN));
        assertThrows(IllegalStateException.class, () -> sampling.backward(List.of(Nd4j.zeros(DataType.DOUBLE, B,
                core.hiddenSize()))));
        assertThrows(IllegalArgumentException.class, () -> core.outputs(Nd4j.createFromArray(p),
                Nd4j.zeros(DataType.DOUBLE, B, T + 1, IN)));
    }

    @Test
    void presetsAndSizes() {
        SnailCore bandit = SnailCore.forBanditsAndMdps(8, 100, DataType.FLOAT);
        assertEquals(8, bandit.inputSize());
        assertEquals(100, bandit.maxSteps());
        assertEquals(32 + 2 * 7 * 32 + 32, bandit.hiddenSize()); // ⌈log₂ 100⌉ = 7
        assertEquals(7 + 7 + 1, bandit.blocks().size());
        assertEquals("SNAIL", bandit.name());
        SnailCore control = SnailCore.forContinuousControl(6, 200, DataType.FLOAT);
        assertEquals(32 + 2 * 8 * 16 + 32, control.hiddenSize()); // ⌈log₂ 200⌉ = 8
        // projection I·F + F; dense blocks 4CD + 2D (C = 4, 6, 8, then 12, 14, 16); attention (C + 1)(2K + V)
        assertEquals(3 * 4 + 4 + 36 + 52 + 68 + 11 * 8 + 100 + 116 + 132 + 19 * 7, core.numParams());
        assertEquals(core.numParams(), core.initialParameters(new SplittableRandom(8)).length);
    }
}

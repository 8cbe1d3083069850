package org.metarl4j.agents.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metarl4j.agents.recurrent.CoreChecks.random;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The LSTM core against its equations written out and against central differences, through the Sequence API. */
class LstmCoreTest {
    private static final int B = 2;
    private static final int IN = 3;
    private static final int H = 4;
    private final LstmCore lstm = new LstmCore(IN, H, DataType.DOUBLE);

    @Test
    void twoStepsMatchTheLstmEquationsWrittenOut() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] p = lstm.initialParameters(rng);
        INDArray x0 = random(rng, B, IN);
        INDArray x1 = random(rng, B, IN);
        RecurrentCore.Sequence seq = lstm.start(Nd4j.createFromArray(p), B, false);
        seq.step(x0);
        INDArray out = seq.step(x1);
        int h4 = 4 * H;
        int oh = IN * h4;
        int obx = oh + H * h4;
        int obh = obx + h4;
        for (int b = 0; b < B; b++) {
            double[] h = new double[H];
            double[] c = new double[H];
            for (INDArray x : List.of(x0, x1)) {
                double[] hNew = new double[H];
                double[] cNew = new double[H];
                for (int j = 0; j < H; j++) {
                    double[] a = new double[4];
                    for (int g = 0; g < 4; g++) {
                        int col = g * H + j;
                        a[g] = p[obx + col] + p[obh + col];
                        for (int i = 0; i < IN; i++) {
                            a[g] += x.getDouble(b, i) * p[i * h4 + col];
                        }
                        for (int i = 0; i < H; i++) {
                            a[g] += h[i] * p[oh + i * h4 + col];
                        }
                    }
                    double ig = 1 / (1 + Math.exp(-a[0]));
                    double fg = 1 / (1 + Math.exp(-a[1]));
                    double gg = Math.tanh(a[2]);
                    double og = 1 / (1 + Math.exp(-a[3]));
                    cNew[j] = fg * c[j] + ig * gg;
                    hNew[j] = og * Math.tanh(cNew[j]);
                }
                h = hNew;
                c = cNew;
            }
            for (int j = 0; j < H; j++) {
                assertEquals(h[j], out.getDouble(b, j), 1e-12);
            }
        }
    }

    private double loss(double[] p, List<INDArray> xs, List<INDArray> c) {
        RecurrentCore.Sequence seq = lstm.start(Nd4j.createFromArray(p), B, false);
        double l = 0;
        for (int t = 0; t < xs.size(); t++) {
            INDArray h = seq.step(xs.get(t));
            if (c.get(t) != null) {
                l += h.mul(c.get(t)).sumNumber().doubleValue();
            }
        }
        return l;
    }

    @Test
    void backpropagationThroughTimeMatchesCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(2);
        double[] p = lstm.initialParameters(rng);
        for (int i = 0; i < p.length; i++) {
            p[i] *= 2;
        }
        List<INDArray> xs = new ArrayList<>();
        List<INDArray> c = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            xs.add(random(rng, B, IN));
            c.add(t == 2 ? null : random(rng, B, H));
        }
        RecurrentCore.Sequence seq = lstm.start(Nd4j.createFromArray(p), B, true);
        xs.forEach(seq::step);
        INDArray grad = seq.backward(c);
        double eps = 1e-6;
        double worst = 0;
        for (int k = 0; k < p.length; k++) {
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[k] += eps;
            minus[k] -= eps;
            double numeric = (loss(plus, xs, c) - loss(minus, xs, c)) / (2 * eps);
            double analytic = grad.getDouble(k);
            worst = Math.max(worst, Math.abs(numeric - analytic) / Math.max(1e-6, Math.abs(numeric)
                    + Math.abs(analytic)));
        }
        assertTrue(worst < 1e-6, "worst relative error " + worst);
        assertThrows(IllegalStateException.class, () -> lstm.start(Nd4j.createFromArray(p), B, false)
                .backward(c));
    }
}

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

class GruCoreTest {
    private static final int B = 3;
    private static final int IN = 4;
    private static final int H = 5;
    private static final int T = 6;
    private final GruCore gru = new GruCore(IN, H, DataType.DOUBLE);

    @Test
    void oneStepMatchesTheGruEquationsWrittenOut() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] p = gru.initialParameters(rng);
        INDArray x = random(rng, B, IN);
        INDArray h = random(rng, B, H);
        INDArray out = gru.step(gru.weights(Nd4j.createFromArray(p)), x, h).h;
        int h3 = 3 * H;
        int ox = 0;
        int oh = IN * h3;
        int obx = oh + H * h3;
        int obh = obx + h3;
        for (int b = 0; b < B; b++) {
            for (int j = 0; j < H; j++) {
                double[] gx = new double[3];
                double[] gh = new double[3];
                for (int g = 0; g < 3; g++) {
                    int col = g * H + j;
                    gx[g] = p[obx + col];
                    gh[g] = p[obh + col];
                    for (int i = 0; i < IN; i++) {
                        gx[g] += x.getDouble(b, i) * p[ox + i * h3 + col];
                    }
                    for (int i = 0; i < H; i++) {
                        gh[g] += h.getDouble(b, i) * p[oh + i * h3 + col];
                    }
                }
                double r = 1 / (1 + Math.exp(-(gx[0] + gh[0])));
                double z = 1 / (1 + Math.exp(-(gx[1] + gh[1])));
                double n = Math.tanh(gx[2] + r * gh[2]);
                assertEquals((1 - z) * n + z * h.getDouble(b, j), out.getDouble(b, j), 1e-12);
            }
        }
    }

    /** L = Σₜ Σ cₜ ⊙ hₜ for fixed random cₜ. */
    private double loss(double[] p, List<INDArray> xs, INDArray h0, List<INDArray> c) {
        List<GruCore.Step> steps = gru.forward(gru.weights(Nd4j.createFromArray(p)), xs, h0);
        double l = 0;
        for (int t = 0; t < steps.size(); t++) {
            l += steps.get(t).h.mul(c.get(t)).sumNumber().doubleValue();
        }
        return l;
    }

    @Test
    void backpropagationThroughTimeMatchesCentralDifferences() {
        SplittableRandom rng = new SplittableRandom(2);
        double[] p = gru.initialParameters(rng);
        for (int i = 0; i < p.length; i++) {
            p[i] *= 2; // saturate some gates
        }
        List<INDArray> xs = new ArrayList<>();
        List<INDArray> c = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            xs.add(random(rng, B, IN));
            c.add(t % 2 == 0 ? random(rng, B, H) : null);
        }
        INDArray h0 = random(rng, B, H);
        GruCore.Weights w = gru.weights(Nd4j.createFromArray(p));
        GruCore.Gradients g = gru.backward(w, gru.forward(w, xs, h0), c);
        List<INDArray> cz = c.stream().map(a -> a == null ? Nd4j.zeros(DataType.DOUBLE, B, H) : a).toList();
        double eps = 1e-6;
        double worst = 0;
        for (int k = 0; k < p.length; k++) {
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[k] += eps;
            minus[k] -= eps;
            double numeric = (loss(plus, xs, h0, cz) - loss(minus, xs, h0, cz)) / (2 * eps);
            double analytic = g.params().getDouble(k);
            worst = Math.max(worst, Math.abs(numeric - analytic) / Math.max(1e-6, Math.abs(numeric) + Math.abs(analytic)));
        }
        assertTrue(worst < 1e-6, "worst relative error " + worst);
        for (int b = 0; b < B; b++) {
            for (int j = 0; j < H; j++) {
                INDArray hp = h0.dup();
                INDArray hm = h0.dup();
                hp.putScalar(b, j, h0.getDouble(b, j) + eps);
                hm.putScalar(b, j, h0.getDouble(b, j) - eps);
                double numeric = (loss(p, xs, hp, cz) - loss(p, xs, hm, cz)) / (2 * eps);
                assertEquals(numeric, g.h0().getDouble(b, j), 1e-6 * (1 + Math.abs(numeric)));
            }
        }
    }

    @Test
    void badSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new GruCore(0, 3, DataType.DOUBLE));
        assertThrows(IllegalArgumentException.class, () -> gru.weights(Nd4j.zeros(DataType.DOUBLE, 3)));
    }
}

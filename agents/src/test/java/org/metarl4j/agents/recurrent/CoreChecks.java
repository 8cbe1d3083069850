package org.metarl4j.agents.recurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What the recurrent cores' tests share: random inputs, stepping a core, the relative error, a policy-level loss. */
public final class CoreChecks {
    private CoreChecks() {
    }

    /** Entries U[−1, 1] drawn in row-major order, double precision. */
    public static INDArray random(SplittableRandom rng, long... shape) {
        return random(rng, DataType.DOUBLE, shape);
    }

    /** Entries U[−1, 1] drawn in row-major order. */
    public static INDArray random(SplittableRandom rng, DataType type, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 * rng.nextDouble() - 1;
        }
        return Nd4j.create(v, shape, type);
    }

    /** {@code steps} random inputs {@code [batch, in]}. */
    public static List<INDArray> inputs(SplittableRandom rng, int batch, int in, int steps) {
        List<INDArray> xs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            xs.add(random(rng, DataType.DOUBLE, batch, in));
        }
        return xs;
    }

    /** The core's output at every step, stepped from the zero state without history. */
    public static List<INDArray> outputs(RecurrentCore core, double[] p, int batch, List<INDArray> xs) {
        RecurrentCore.Sequence seq = core.start(Nd4j.createFromArray(p), batch, false);
        List<INDArray> out = new ArrayList<>();
        for (INDArray x : xs) {
            out.add(seq.step(x));
        }
        return out;
    }

    /** |numeric − analytic| / (|numeric| + |analytic|), with a floor of 1e-6 on the denominator. */
    public static double relativeError(double numeric, double analytic) {
        return Math.abs(numeric - analytic) / Math.max(1e-6, Math.abs(numeric) + Math.abs(analytic));
    }

    /** Σₜ Σ (c^π_t ⊙ head outputs_t + c^v_t ⊙ values_t) from the policy's unroll at {@code theta}. */
    public static double policyLoss(Rl2Policy<?> policy, double[] theta, List<INDArray> xs, List<INDArray> cOutputs,
                                    List<INDArray> cValues) {
        Rl2Policy.Unroll u = policy.unroll(theta, xs);
        double l = 0;
        for (int t = 0; t < xs.size(); t++) {
            l += u.outputs().get(t).mul(cOutputs.get(t)).sumNumber().doubleValue()
                    + u.values().get(t).mul(cValues.get(t)).sumNumber().doubleValue();
        }
        return l;
    }
}

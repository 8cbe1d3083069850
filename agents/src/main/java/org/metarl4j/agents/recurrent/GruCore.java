package org.metarl4j.agents.recurrent;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A gated recurrent unit (Cho et al. 2014), the recurrent core RL² used, in functional form over a flat parameter
 * vector and batched over B sequences (trials), with exact backpropagation through time. Gate equations and order as
 * PyTorch's {@code nn.GRU} (so weights and numbers compare):
 * <pre>
 *   r = σ(x W_r + b_xr + h W_hr + b_hr)        reset gate
 *   z = σ(x W_z + b_xz + h W_hz + b_hz)        update gate
 *   n = tanh(x W_n + b_xn + r ⊙ (h W_hn + b_hn))
 *   h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 * Parameter layout ({@link #numParams()}): W_x {@code [inputSize, 3H]} (gates r, z, n side by side, row-major),
 * W_h {@code [H, 3H]}, b_x {@code [3H]}, b_h {@code [3H]}.
 */
public final class GruCore extends GatedCore {

    public GruCore(int inputSize, int hiddenSize, DataType dataType) {
        super("GRU", 3, inputSize, hiddenSize, dataType);
    }

    @Override
    public String name() {
        return "GRU";
    }

    /** What one step keeps for backpropagation. */
    public static final class Step {
        final INDArray x;
        final INDArray hPrev;
        final INDArray r;
        final INDArray z;
        final INDArray n;
        /** h W_hn + b_hn, before the reset gate multiplies it. */
        final INDArray hn;
        /** The new hidden state {@code [B, H]}. */
        public final INDArray h;

        Step(INDArray x, INDArray hPrev, INDArray r, INDArray z, INDArray n, INDArray hn, INDArray h) {
            this.x = x;
            this.hPrev = hPrev;
            this.r = r;
            this.z = z;
            this.n = n;
            this.hn = hn;
            this.h = h;
        }
    }

    /** One step for a batch: x {@code [B, inputSize]}, h {@code [B, H]}. */
    public Step step(Weights w, INDArray x, INDArray h) {
        int hs = hiddenSize;
        INDArray gx = x.mmul(w.wx()).addiRowVector(w.bx()); // [B, 3H]
        INDArray gh = h.mmul(w.wh()).addiRowVector(w.bh());
        INDArray r = Transforms.sigmoid(gx.get(all(), interval(0, hs)).add(gh.get(all(), interval(0, hs))), false);
        INDArray z = Transforms.sigmoid(gx.get(all(), interval(hs, 2 * hs)).add(gh.get(all(), interval(hs, 2 * hs))),
                false);
        INDArray hn = gh.get(all(), interval(2 * hs, 3 * hs)).dup();
        INDArray n = Transforms.tanh(gx.get(all(), interval(2 * hs, 3 * hs)).add(r.mul(hn)), false);
        // h' = n + z ⊙ (h − n)
        INDArray hNew = h.sub(n).muli(z).addi(n);
        return new Step(x, h, r, z, n, hn, hNew);
    }

    /** Runs inputs x_0 … x_{T−1} ({@code [B, inputSize]} each) from h0; returns the steps. */
    public List<Step> forward(Weights w, List<INDArray> inputs, INDArray h0) {
        List<Step> steps = new ArrayList<>(inputs.size());
        INDArray h = h0;
        for (INDArray x : inputs) {
            Step s = step(w, x, h);
            steps.add(s);
            h = s.h;
        }
        return steps;
    }

    /** The parameter gradient and the gradient with respect to h0. */
    public record Gradients(INDArray params, INDArray h0) {
    }

    /**
     * Backpropagation through time: given ∂L/∂h_t for every step's output ({@code dh.get(t)}, {@code [B, H]}, null
     * for none), the gradient of L with respect to the parameters ({@code [P]}, summed over the batch) and to h0.
     */
    public Gradients backward(Weights w, List<Step> steps, List<INDArray> dh) {
        int hs = hiddenSize;
        INDArray dWx = Nd4j.zeros(dataType, inputSize, 3 * hs);
        INDArray dWh = Nd4j.zeros(dataType, hs, 3 * hs);
        INDArray dbx = Nd4j.zeros(dataType, 1, 3 * hs);
        INDArray dbh = Nd4j.zeros(dataType, 1, 3 * hs);
        INDArray carry = null; // ∂L/∂h_t flowing back from step t+1
        for (int t = steps.size() - 1; t >= 0; t--) {
            Step s = steps.get(t);
            INDArray g = dh.get(t) == null ? Nd4j.zeros(dataType, s.h.shape()) : dh.get(t).dup();
            if (carry != null) {
                g.addi(carry);
            }
            // h' = (1 − z) n + z h
            INDArray dn = g.mul(s.z.rsub(1.0));
            INDArray dz = g.mul(s.hPrev.sub(s.n));
            INDArray dhPrev = g.mul(s.z);
            // n = tanh(a), a = gx_n + r ⊙ hn
            INDArray da = dn.muli(s.n.mul(s.n).rsubi(1.0));
            INDArray dr = da.mul(s.hn);
            INDArray dhn = da.mul(s.r);
            // r = σ(·), z = σ(·)
            INDArray dgr = dr.muli(s.r.mul(s.r.rsub(1.0)));
            INDArray dgz = dz.muli(s.z.mul(s.z.rsub(1.0)));
            INDArray dgx = Nd4j.hstack(dgr, dgz, da);   // ∂L/∂(x W_x + b_x)
            INDArray dgh = Nd4j.hstack(dgr, dgz, dhn);  // ∂L/∂(h W_h + b_h)
            dWx.addi(s.x.transpose().mmul(dgx));
            dWh.addi(s.hPrev.transpose().mmul(dgh));
            dbx.addi(dgx.sum(true, 0));
            dbh.addi(dgh.sum(true, 0));
            carry = dhPrev.addi(dgh.mmul(w.wh().transpose()));
        }
        INDArray flat = Nd4j.concat(1, dWx.reshape(1, -1), dWh.reshape(1, -1), dbx, dbh).reshape(-1);
        return new Gradients(flat, carry);
    }

    @Override
    public Sequence start(INDArray flat, int batch, boolean keepHistory) {
        Weights w = weights(flat);
        return new Sequence() {
            private final List<Step> steps = new ArrayList<>();
            private INDArray h = Nd4j.zeros(dataType, batch, hiddenSize);

            @Override
            public INDArray step(INDArray x) {
                Step s = GruCore.this.step(w, x, h);
                if (keepHistory) {
                    steps.add(s);
                }
                h = s.h;
                return h;
            }

            @Override
            public INDArray backward(List<INDArray> dh) {
                if (!keepHistory) {
                    throw new IllegalStateException("this sequence was started without history");
                }
                return GruCore.this.backward(w, steps, dh).params();
            }
        };
    }
}

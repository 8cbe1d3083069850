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
 * A long short-term memory cell (Hochreiter & Schmidhuber 1997, with forget gate) with PyTorch's {@code nn.LSTM}
 * equations and gate order, functional and batched, with exact backpropagation through time:
 * <pre>
 *   [i, f, g, o] = x W_x + b_x + h W_h + b_h;   i, f, o = σ(·), g = tanh(·)
 *   c' = f ⊙ c + i ⊙ g;   h' = o ⊙ tanh(c')
 * </pre>
 * Layout: W_x {@code [inputSize, 4H]}, W_h {@code [H, 4H]}, b_x {@code [4H]}, b_h {@code [4H]}; initialisation
 * U[−1/√H, 1/√H] as PyTorch.
 */
public final class LstmCore extends GatedCore {

    public LstmCore(int inputSize, int hiddenSize, DataType dataType) {
        super("LSTM", 4, inputSize, hiddenSize, dataType);
    }

    @Override
    public String name() {
        return "LSTM";
    }

    /** One step's values kept for backpropagation. */
    record Step(INDArray x, INDArray hPrev, INDArray cPrev, INDArray i, INDArray f, INDArray g, INDArray o,
                        INDArray tanhC, INDArray h, INDArray c) {
    }

    /** One step for a batch: x {@code [B, inputSize]}, h and c {@code [B, H]}. */
    Step step(Weights w, INDArray x, INDArray h, INDArray c) {
        int hs = hiddenSize;
        INDArray gates = x.mmul(w.wx()).addiRowVector(w.bx()).addi(h.mmul(w.wh()).addiRowVector(w.bh()));
        INDArray i = Transforms.sigmoid(gates.get(all(), interval(0, hs)), true);
        INDArray f = Transforms.sigmoid(gates.get(all(), interval(hs, 2 * hs)), true);
        INDArray g = Transforms.tanh(gates.get(all(), interval(2 * hs, 3 * hs)), true);
        INDArray o = Transforms.sigmoid(gates.get(all(), interval(3 * hs, 4 * hs)), true);
        INDArray cNew = f.mul(c).addi(i.mul(g));
        INDArray tanhC = Transforms.tanh(cNew, true);
        INDArray hNew = o.mul(tanhC);
        return new Step(x, h, c, i, f, g, o, tanhC, hNew, cNew);
    }

    @Override
    public Sequence start(INDArray flat, int batch, boolean keepHistory) {
        Weights w = weights(flat);
        return new Sequence() {
            private final List<Step> steps = new ArrayList<>();
            private INDArray h = Nd4j.zeros(dataType, batch, hiddenSize);
            private INDArray c = Nd4j.zeros(dataType, batch, hiddenSize);

            @Override
            public INDArray step(INDArray x) {
                Step s = LstmCore.this.step(w, x, h, c);
                if (keepHistory) {
                    steps.add(s);
                }
                h = s.h();
                c = s.c();
                return h;
            }

            @Override
            public INDArray backward(List<INDArray> dh) {
                if (!keepHistory) {
                    throw new IllegalStateException("this sequence was started without history");
                }
                return LstmCore.this.backward(w, steps, dh);
            }
        };
    }

    /**
     * One step backwards: given ∂L/∂h' and ∂L/∂c' (null for none), the derivatives with respect to the gate
     * pre-activations {@code [B, 4H]} (the weight gradients are xᵀ·dGates and hᵀ·dGates) and to the previous h and c.
     */
    record StepGradient(INDArray dGates, INDArray dhPrev, INDArray dcPrev) {
    }

    StepGradient backward(Weights w, Step s, INDArray dh, INDArray dcNext) {
        INDArray dc = dh.mul(s.o()).muli(s.tanhC().mul(s.tanhC()).rsubi(1.0));
        if (dcNext != null) {
            dc.addi(dcNext);
        }
        INDArray di = dc.mul(s.g()).muli(s.i().mul(s.i().rsub(1.0)));
        INDArray df = dc.mul(s.cPrev()).muli(s.f().mul(s.f().rsub(1.0)));
        INDArray dg = dc.mul(s.i()).muli(s.g().mul(s.g()).rsubi(1.0));
        INDArray dO = dh.mul(s.tanhC()).muli(s.o().mul(s.o().rsub(1.0)));
        INDArray dGates = Nd4j.hstack(di, df, dg, dO);
        return new StepGradient(dGates, dGates.mmul(w.wh().transpose()), dc.muli(s.f()));
    }

    private INDArray backward(Weights w, List<Step> steps, List<INDArray> dh) {
        INDArray dWx = Nd4j.zeros(dataType, inputSize, 4 * hiddenSize);
        INDArray dWh = Nd4j.zeros(dataType, hiddenSize, 4 * hiddenSize);
        INDArray db = Nd4j.zeros(dataType, 1, 4 * hiddenSize);
        INDArray hCarry = null;
        INDArray cCarry = null;
        for (int t = steps.size() - 1; t >= 0; t--) {
            Step s = steps.get(t);
            INDArray gh = dh.get(t) == null ? Nd4j.zeros(dataType, s.h().shape()) : dh.get(t).dup();
            if (hCarry != null) {
                gh.addi(hCarry);
            }
            StepGradient g = backward(w, s, gh, cCarry);
            dWx.addi(s.x().transpose().mmul(g.dGates()));
            dWh.addi(s.hPrev().transpose().mmul(g.dGates()));
            db.addi(g.dGates().sum(true, 0));
            hCarry = g.dhPrev();
            cCarry = g.dcPrev();
        }
        // b_x and b_h enter identically: the same gradient for both
        return Nd4j.concat(1, dWx.reshape(1, -1), dWh.reshape(1, -1), db, db.dup()).reshape(-1);
    }
}

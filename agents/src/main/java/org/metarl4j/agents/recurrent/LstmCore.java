package org.metarl4j.agents.recurrent;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
public final class LstmCore implements RecurrentCore {
    private final int inputSize;
    private final int hiddenSize;
    private final DataType dataType;

    public LstmCore(int inputSize, int hiddenSize, DataType dataType) {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("LSTM sizes must be >= 1, got input " + inputSize + ", hidden "
                    + hiddenSize);
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.dataType = dataType;
    }

    @Override
    public String name() {
        return "LSTM";
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public int hiddenSize() {
        return hiddenSize;
    }

    @Override
    public int numParams() {
        return (inputSize + hiddenSize + 2) * 4 * hiddenSize;
    }

    @Override
    public double[] initialParameters(SplittableRandom rng) {
        double bound = 1.0 / Math.sqrt(hiddenSize);
        double[] p = new double[numParams()];
        for (int i = 0; i < p.length; i++) {
            p[i] = bound * (2 * rng.nextDouble() - 1);
        }
        return p;
    }

    private record Weights(INDArray wx, INDArray wh, INDArray bx, INDArray bh) {
    }

    private Weights weights(INDArray flat) {
        if (flat.length() != numParams()) {
            throw new IllegalArgumentException("LSTM parameters must have " + numParams() + " entries, got "
                    + flat.length());
        }
        INDArray row = flat.castTo(dataType).dup('c').reshape(1, numParams());
        int h4 = 4 * hiddenSize;
        int o = 0;
        INDArray wx = row.get(all(), interval(o, o + inputSize * h4)).reshape('c', inputSize, h4);
        o += inputSize * h4;
        INDArray wh = row.get(all(), interval(o, o + hiddenSize * h4)).reshape('c', hiddenSize, h4);
        o += hiddenSize * h4;
        INDArray bx = row.get(all(), interval(o, o + h4));
        o += h4;
        INDArray bh = row.get(all(), interval(o, o + h4));
        return new Weights(wx, wh, bx, bh);
    }

    /** One step's values kept for backpropagation. */
    private record Step(INDArray x, INDArray hPrev, INDArray cPrev, INDArray i, INDArray f, INDArray g, INDArray o,
                        INDArray tanhC, INDArray h, INDArray c) {
    }

    private Step step(Weights w, INDArray x, INDArray h, INDArray c) {
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
            INDArray dOut = gh.mul(s.tanhC());
            INDArray dc = gh.mul(s.o()).muli(s.tanhC().mul(s.tanhC()).rsubi(1.0));
            if (cCarry != null) {
                dc.addi(cCarry);
            }
            INDArray di = dc.mul(s.g()).muli(s.i().mul(s.i().rsub(1.0)));
            INDArray df = dc.mul(s.cPrev()).muli(s.f().mul(s.f().rsub(1.0)));
            INDArray dg = dc.mul(s.i()).muli(s.g().mul(s.g()).rsubi(1.0));
            INDArray dO = dOut.muli(s.o().mul(s.o().rsub(1.0)));
            INDArray dGates = Nd4j.hstack(di, df, dg, dO);
            dWx.addi(s.x().transpose().mmul(dGates));
            dWh.addi(s.hPrev().transpose().mmul(dGates));
            db.addi(dGates.sum(true, 0));
            hCarry = dGates.mmul(w.wh().transpose());
            cCarry = dc.muli(s.f());
        }
        // b_x and b_h enter identically: the same gradient for both
        return Nd4j.concat(1, dWx.reshape(1, -1), dWh.reshape(1, -1), db, db.dup()).reshape(-1);
    }
}

package org.metarl4j.agents.recurrent;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the gated cores share (PyTorch's {@code nn.GRU} / {@code nn.LSTM} conventions): G gates side by side, the flat
 * layout W_x {@code [inputSize, G·H]}, W_h {@code [H, G·H]}, b_x {@code [G·H]}, b_h {@code [G·H]} (row-major), and the
 * initialisation U[−1/√H, 1/√H] of every entry.
 */
abstract class GatedCore implements RecurrentCore {
    final int inputSize;
    final int hiddenSize;
    final DataType dataType;
    private final int gates;

    GatedCore(String name, int gates, int inputSize, int hiddenSize, DataType dataType) {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException(name + " sizes must be >= 1, got input " + inputSize + ", hidden "
                    + hiddenSize);
        }
        this.gates = gates;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.dataType = dataType;
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
        return (inputSize + hiddenSize + 2) * gates * hiddenSize;
    }

    /** PyTorch's initialisation: every weight and bias U[−1/√H, 1/√H], drawn in layout order. */
    @Override
    public double[] initialParameters(SplittableRandom rng) {
        double bound = 1.0 / Math.sqrt(hiddenSize);
        double[] p = new double[numParams()];
        for (int i = 0; i < p.length; i++) {
            p[i] = bound * (2 * rng.nextDouble() - 1);
        }
        return p;
    }

    /** The parameter blocks, views of one copy of the flat parameters. */
    public record Weights(INDArray wx, INDArray wh, INDArray bx, INDArray bh) {
    }

    /** Splits a {@code [P]} (or {@code [1, P]}) parameter array into its blocks (copied once, in this data type). */
    public Weights weights(INDArray flat) {
        if (flat.length() != numParams()) {
            throw new IllegalArgumentException(name() + " parameters must have " + numParams() + " entries, got "
                    + flat.length());
        }
        INDArray row = flat.castTo(dataType).dup('c').reshape(1, numParams());
        int width = gates * hiddenSize;
        int o = 0;
        INDArray wx = row.get(all(), interval(o, o + inputSize * width)).reshape('c', inputSize, width);
        o += inputSize * width;
        INDArray wh = row.get(all(), interval(o, o + hiddenSize * width)).reshape('c', hiddenSize, width);
        o += hiddenSize * width;
        INDArray bx = row.get(all(), interval(o, o + width));
        o += width;
        return new Weights(wx, wh, bx, row.get(all(), interval(o, o + width)));
    }
}

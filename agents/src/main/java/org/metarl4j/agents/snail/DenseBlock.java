package org.metarl4j.agents.snail;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * SNAIL's dense block (Mishra et al. 2018, "A Simple Neural Attentive Meta-Learner", ICLR, §3.1, its
 * pseudocode DenseBlock(R, D)): two causal convolutions over time with kernel size 2, dilation R and D filters each, a gated activation,
 * and the result concatenated to the input. Per sequence, with x_t the input {@code [C]} at step t:
 * <pre>
 *   xf_t = x_{t−R} W_f^lag + x_t W_f^now + b_f          (x_{t−R} = 0 for t &lt; R: causal zero padding)
 *   xg_t = x_{t−R} W_g^lag + x_t W_g^now + b_g
 *   a_t  = tanh(xf_t) ⊙ σ(xg_t)                        [D]
 *   out_t = [x_t, a_t]                                  [C + D]
 * </pre>
 * Parameter layout ({@link #numParams()}, row-major, from the block's offset): W^lag {@code [C, 2D]}, W^now
 * {@code [C, 2D]}, b {@code [2D]}; in each, columns 0 … D−1 belong to the filter f and D … 2D−1 to the gate g.
 * (PyTorch's {@code Conv1d(C, 2D, kernel_size=2, dilation=R)} weight {@code w[o, c, k]} is W^lag[c, o] at k = 0 and
 * W^now[c, o] at k = 1.) Initialisation as PyTorch's {@code Conv1d}: every weight and bias U[−1/√(2C), 1/√(2C)] (fan-in C × kernel 2).
 */
public final class DenseBlock {
    private final int inputWidth;
    private final int dilation;
    private final int filters;
    private final DataType dataType;

    /**
     * @param inputWidth C, the input's width
     * @param dilation   R ≥ 1, the lag of the convolution's older tap
     * @param filters    D, the number of filters (the width the block adds)
     */
    public DenseBlock(int inputWidth, int dilation, int filters, DataType dataType) {
        if (inputWidth < 1 || dilation < 1 || filters < 1) {
            throw new IllegalArgumentException("dense block sizes must be >= 1, got input " + inputWidth
                    + ", dilation " + dilation + ", filters " + filters);
        }
        this.inputWidth = inputWidth;
        this.dilation = dilation;
        this.filters = filters;
        this.dataType = dataType;
    }

    /** C. */
    public int inputWidth() {
        return inputWidth;
    }

    /** R. */
    public int dilation() {
        return dilation;
    }

    /** D, the width the block adds to its input. */
    public int filters() {
        return filters;
    }

    /** C + D. */
    public int outputWidth() {
        return inputWidth + filters;
    }

    /** 2 · C · 2D + 2D. */
    public int numParams() {
        return 4 * inputWidth * filters + 2 * filters;
    }

    /** Fills {@code p[offset … offset + numParams())} with PyTorch's {@code Conv1d} initialisation, in layout order. */
    public void initialise(double[] p, int offset, SplittableRandom rng) {
        double bound = 1.0 / Math.sqrt(2.0 * inputWidth);
        for (int i = 0; i < numParams(); i++) {
            p[offset + i] = bound * (2 * rng.nextDouble() - 1);
        }
    }

    /** The parameter blocks as views of a row {@code [1, ≥ offset + numParams()]}. */
    record Weights(INDArray lag, INDArray now, INDArray bias) {
    }

    Weights views(INDArray row, int offset) {
        int w = 2 * filters;
        int o = offset;
        INDArray lag = row.get(all(), interval(o, o + inputWidth * w)).reshape('c', inputWidth, w);
        o += inputWidth * w;
        INDArray now = row.get(all(), interval(o, o + inputWidth * w)).reshape('c', inputWidth, w);
        o += inputWidth * w;
        return new Weights(lag, now, row.get(all(), interval(o, o + w)));
    }

    /** What the full-sequence pass keeps for backpropagation ({@code [B·T, ·]}, rows in (b, t) order). */
    record Pass(int batch, int steps, INDArray input, INDArray tanhF, INDArray sigmaG, INDArray added) {
    }

    /** The added columns a_t for a whole sequence: input {@code [B, T, C]} (any view); {@link Pass#added}: [B·T, D]. */
    Pass forward(Weights w, INDArray input) {
        int b = (int) input.size(0);
        int t = (int) input.size(1);
        INDArray x = input.dup('c').reshape('c', (long) b * t, inputWidth);
        INDArray pre = x.mmul(w.now()).addiRowVector(w.bias());
        if (dilation < t) {
            // the older tap: x_{t−R} W^lag lands on step t, i.e. (x W^lag) shifted R steps later
            INDArray lagged = x.mmul(w.lag()).reshape('c', b, t, 2 * filters);
            pre.reshape('c', b, t, 2 * filters).get(all(), interval(dilation, t), all())
                    .addi(lagged.get(all(), interval(0, t - dilation), all()));
        }
        INDArray tanhF = Transforms.tanh(pre.get(all(), interval(0, filters)), true);
        INDArray sigmaG = Transforms.sigmoid(pre.get(all(), interval(filters, 2 * filters)), true);
        return new Pass(b, t, x, tanhF, sigmaG, tanhF.mul(sigmaG));
    }

    /**
     * Backpropagation through the added columns: given ∂L/∂a ({@code [B, T, D]}, any view), adds ∂L/∂parameters to
     * {@code grad} (views as {@link #views}) and returns the part of ∂L/∂input that flows through a, {@code [B, T, C]}
     * (the concatenation's identity path is the caller's).
     */
    INDArray backward(Weights w, Weights grad, Pass p, INDArray dAdded) {
        int b = p.batch();
        int t = p.steps();
        INDArray da = dAdded.dup('c').reshape('c', (long) b * t, filters);
        // a = tanh(f) σ(g)
        INDArray df = da.mul(p.sigmaG()).muli(p.tanhF().mul(p.tanhF()).rsubi(1.0));
        INDArray dg = da.muli(p.tanhF()).muli(p.sigmaG().mul(p.sigmaG().rsub(1.0)));
        INDArray dPre = Nd4j.hstack(df, dg);                                     // [B·T, 2D]
        grad.now().addi(p.input().transpose().mmul(dPre));
        grad.bias().addi(dPre.sum(true, 0));
        INDArray dx = dPre.mmul(w.now().transpose());
        if (dilation < t) {
            // step s's input fed step s + R's older tap
            INDArray back = Nd4j.zeros(dataType, b, t, 2 * filters);
            back.get(all(), interval(0, t - dilation), all())
                    .assign(dPre.reshape('c', b, t, 2 * filters).get(all(), interval(dilation, t), all()));
            INDArray back2 = back.reshape('c', (long) b * t, 2 * filters);
            grad.lag().addi(p.input().transpose().mmul(back2));
            dx.addi(back2.mmul(w.lag().transpose()));
        }
        return dx.reshape('c', b, t, inputWidth);
    }

    /**
     * One step of the added columns: x_t {@code [B, C]} and x_{t−R} {@code [B, C]} (null while t &lt; R) give a_t
     * {@code [B, D]}.
     */
    INDArray step(Weights w, INDArray x, INDArray lagged) {
        INDArray pre = x.mmul(w.now()).addiRowVector(w.bias());
        if (lagged != null) {
            pre.addi(lagged.mmul(w.lag()));
        }
        INDArray tanhF = Transforms.tanh(pre.get(all(), interval(0, filters)), true);
        return tanhF.muli(Transforms.sigmoid(pre.get(all(), interval(filters, 2 * filters)), true));
    }

    /** The block's gradient with respect to its parameters {@code [P]} and input {@code [B, T, C]}. */
    public record Gradients(INDArray params, INDArray input) {
    }

    /** The block's output [x, a] {@code [B, T, C + D]} for parameters {@code [P]} and input {@code [B, T, C]}. */
    public INDArray output(INDArray params, INDArray input) {
        checkInput(input);
        Pass p = forward(views(row(params), 0), input);
        return Nd4j.concat(2, input.castTo(dataType), p.added().reshape('c', p.batch(), p.steps(), filters));
    }

    /** Backpropagation through {@link #output}: given ∂L/∂output {@code [B, T, C + D]}, ∂L/∂params and ∂L/∂input. */
    public Gradients gradients(INDArray params, INDArray input, INDArray dOutput) {
        checkInput(input);
        Weights w = views(row(params), 0);
        INDArray gradRow = Nd4j.zeros(dataType, 1, numParams());
        Pass p = forward(w, input);
        INDArray dx = backward(w, views(gradRow, 0), p, dOutput.get(all(), all(), interval(inputWidth,
                outputWidth())));
        dx.addi(dOutput.get(all(), all(), interval(0, inputWidth)));
        return new Gradients(gradRow.reshape(-1), dx);
    }

    private INDArray row(INDArray params) {
        if (params.length() != numParams()) {
            throw new IllegalArgumentException("dense block parameters must have " + numParams() + " entries, got "
                    + params.length());
        }
        return params.castTo(dataType).dup('c').reshape(1, numParams());
    }

    private void checkInput(INDArray input) {
        if (input.rank() != 3 || input.size(2) != inputWidth) {
            throw new IllegalArgumentException("dense block input must be [B, T, " + inputWidth + "], got "
                    + java.util.Arrays.toString(input.shape()));
        }
    }
}

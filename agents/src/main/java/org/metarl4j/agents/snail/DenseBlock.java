package org.metarl4j.agents.snail;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * SNAIL's dense block (Mishra et al. 2018, "A Simple Neural Attentive Meta-Learner", ICLR, §3.1, its pseudocode
 * DenseBlock(R, D)): two causal convolutions over time with kernel size 2, dilation R and D filters each, a gated
 * activation, and the result concatenated to the input. Per sequence, with x_t the input {@code [C]} at step t:
 * <pre>
 *   xf_t = x_{t−R} W_f^lag + x_t W_f^now + b_f          (x_{t−R} = 0 for t &lt; R: causal zero padding)
 *   xg_t = x_{t−R} W_g^lag + x_t W_g^now + b_g
 *   a_t  = tanh(xf_t) ⊙ σ(xg_t)                        [D]
 *   out_t = [x_t, a_t]                                  [C + D]
 * </pre>
 * Parameter layout ({@link #numParams()}, row-major, from the block's offset): W^lag {@code [C, 2D]}, W^now
 * {@code [C, 2D]}, b {@code [2D]}; in each, columns 0 … D−1 belong to the filter f and D … 2D−1 to the gate g.
 * (PyTorch's {@code Conv1d(C, 2D, kernel_size=2, dilation=R)} weight {@code w[o, c, k]} is W^lag[c, o] at k = 0 and
 * W^now[c, o] at k = 1.) Initialisation as PyTorch's {@code Conv1d}: every weight and bias U[−1/√(2C), 1/√(2C)]
 * (fan-in C × kernel 2).
 */
public final class DenseBlock extends ColumnBlock<DenseBlock.Weights, DenseBlock.Pass> {
    private final int inputWidth;
    private final int dilation;
    private final int filters;

    /**
     * @param inputWidth C, the input's width
     * @param dilation   R ≥ 1, the lag of the convolution's older tap
     * @param filters    D, the number of filters (the width the block adds)
     */
    public DenseBlock(int inputWidth, int dilation, int filters, DataType dataType) {
        super("dense block", dataType);
        if (inputWidth < 1 || dilation < 1 || filters < 1) {
            throw new IllegalArgumentException("dense block sizes must be >= 1, got input " + inputWidth
                    + ", dilation " + dilation + ", filters " + filters);
        }
        this.inputWidth = inputWidth;
        this.dilation = dilation;
        this.filters = filters;
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

    /**
     * What the full-sequence pass keeps for backpropagation: B, T, the input {@code [T·B, C]} as given (rows in
     * time-major (t, b) order; a view, not copied: it must not change until the backward pass) and tanh(xf), σ(xg)
     * {@code [T·B, D]}.
     */
    record Pass(int batch, int steps, INDArray input, INDArray tanhF, INDArray sigmaG) {
    }

    /**
     * The added columns a_t of B whole sequences of T steps: input {@code [T·B, C]}, rows in time-major (t, b) order
     * (a column block of a wider matrix will do), a written to {@code added} {@code [T·B, D]} (likewise). Time-major,
     * step t − R of every sequence is R·B rows up, so the older tap is one product over a contiguous range of rows
     * (x_{0 … T−R−1} W^lag added to pre_{R … T−1}) and the causal zero padding is simply the rows it skips.
     */
    Pass forward(Weights w, int b, int t, INDArray input, INDArray added) {
        INDArray pre = Gemm.product(input, w.now(), false, false);                    // [T·B, 2D]
        pre.addiRowVector(w.bias());
        if (dilation < t) {
            long shift = (long) dilation * b;
            long n = (long) t * b;
            Gemm.into(input.get(interval(0, n - shift), all()), w.lag(), pre.get(interval(shift, n), all()), false,
                    false, true);
        }
        Step s = activate(pre);
        added.assign(s.tanhF().mul(s.sigmaG()));
        return new Pass(b, t, input, s.tanhF(), s.sigmaG());
    }

    /** tanh(xf) and σ(xg) of pre-activations {@code [N, 2D]}. */
    private Step activate(INDArray pre) {
        return new Step(Transforms.tanh(pre.get(all(), interval(0, filters)), true),
                Transforms.sigmoid(pre.get(all(), interval(filters, 2 * filters)), true));
    }

    /**
     * Backpropagation through the added columns: given ∂L/∂a ({@code [T·B, D]}, a column block will do), adds
     * ∂L/∂parameters to {@code grad} (views as {@link #views}) and the part of ∂L/∂input that flows through a to
     * {@code dInput} {@code [T·B, C]} (in place: a column block of the caller's ∂L/∂features; the concatenation's
     * identity path is the caller's).
     */
    void backward(Weights w, Weights grad, Pass p, INDArray dAdded, INDArray dInput) {
        int b = p.batch();
        int t = p.steps();
        // a = tanh(f) σ(g); element-wise work on a contiguous copy of ∂L/∂a
        INDArray da = dAdded.dup('c');
        INDArray df = da.mul(p.sigmaG()).muli(p.tanhF().mul(p.tanhF()).rsubi(1.0));
        INDArray dg = da.muli(p.tanhF()).muli(p.sigmaG().mul(p.sigmaG().rsub(1.0)));
        INDArray dPre = Gemm.sideBySide(df, dg);                                     // [T·B, 2D]
        grad.now().addi(Gemm.product(p.input(), dPre, true, false));
        grad.bias().addi(Gemm.columnSums(dPre));
        Gemm.into(dPre, w.now(), dInput, false, true, true);
        if (dilation < t) {
            // x_s fed pre_{s+R} through W^lag: rows R·B up
            long shift = (long) dilation * b;
            long n = (long) t * b;
            INDArray later = dPre.get(interval(shift, n), all());
            grad.lag().addi(Gemm.product(p.input().get(interval(0, n - shift), all()), later, true, false));
            Gemm.into(later, w.lag(), dInput.get(interval(0, n - shift), all()), false, true, true);
        }
    }

    /** One step's tanh(xf_t) and σ(xg_t), {@code [B, D]} each. */
    record Step(INDArray tanhF, INDArray sigmaG) {
    }

    /**
     * The whole-sequence pass of B sequences of T steps as {@link #step} computed them: inputs {@code [T·B, C]},
     * time-major (a view that must not change until the backward pass) and each step's values.
     */
    Pass pass(int batch, INDArray input, java.util.List<Step> steps) {
        int t = steps.size();
        INDArray[] tanhF = new INDArray[t];
        INDArray[] sigmaG = new INDArray[t];
        for (int s = 0; s < t; s++) {
            tanhF[s] = steps.get(s).tanhF();
            sigmaG[s] = steps.get(s).sigmaG();
        }
        return new Pass(batch, t, input, Nd4j.concat(0, tanhF), Nd4j.concat(0, sigmaG));
    }

    /**
     * One step: x_t {@code [B, C]} and x_{t−R} {@code [B, C]} (null while t &lt; R), either may be a column block of a
     * wider matrix. The pre-activations go to {@code pre} {@code [B, 2D]} (the caller's buffer: stepping allocates
     * nothing) and a_t to {@code added} {@code [B, D]}; the step's tanh(xf_t), σ(xg_t) are views of {@code pre}.
     */
    Step step(Weights w, INDArray x, INDArray lagged, INDArray pre, INDArray added) {
        Gemm.into(x, w.now(), pre, false, false, false);
        pre.addiRowVector(w.bias());
        if (lagged != null) {
            Gemm.into(lagged, w.lag(), pre, false, false, true);
        }
        INDArray tanhF = Transforms.tanh(pre.get(all(), interval(0, filters)), false);
        INDArray sigmaG = Transforms.sigmoid(pre.get(all(), interval(filters, 2 * filters)), false);
        Nd4j.exec(new MulOp(tanhF, sigmaG, added));
        return new Step(tanhF, sigmaG);
    }
}

package org.metarl4j.agents.snail;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What SNAIL's dense and attention blocks share (Mishra et al. 2018, §3.1): each reads its input's C columns and
 * appends its own columns to them, [x, added], so the whole-sequence output and its backpropagation are one wrapper
 * around the block's time-major {@link #forward} and {@link #backward} passes.
 *
 * @param <W> the block's parameter views
 * @param <P> what its forward pass keeps for the backward pass
 */
abstract class ColumnBlock<W, P> {
    /** The block's gradient with respect to its parameters {@code [P]} and input {@code [B, T, C]}. */
    public record Gradients(INDArray params, INDArray input) {
    }

    /** For error messages: "dense block", "attention block". */
    private final String name;
    final DataType dataType;

    ColumnBlock(String name, DataType dataType) {
        this.name = name;
        this.dataType = dataType;
    }

    /** C. */
    public abstract int inputWidth();

    /** C plus the width the block adds. */
    public abstract int outputWidth();

    public abstract int numParams();

    /** The parameter blocks as views of a row {@code [1, ≥ offset + numParams()]}. */
    abstract W views(INDArray row, int offset);

    /**
     * The pass over B sequences of T steps: {@code input} {@code [T·B, C]} time-major (a view that must not change
     * until the backward pass); the added columns are written to {@code added}.
     */
    abstract P forward(W w, int b, int t, INDArray input, INDArray added);

    /** Adds ∂L/∂parameters to {@code grad} and ∂L/∂input to {@code dInput}, given ∂L/∂added. */
    abstract void backward(W w, W grad, P pass, INDArray dAdded, INDArray dInput);

    /** The block's output [x, added] {@code [B, T, outputWidth]} for parameters {@code [P]} and input {@code [B, T, C]}. */
    public final INDArray output(INDArray params, INDArray input) {
        checkInput(input);
        int b = (int) input.size(0);
        int t = (int) input.size(1);
        INDArray out = Nd4j.zeros(dataType, (long) t * b, outputWidth());
        out.get(all(), interval(0, inputWidth())).assign(TimeMajor.rows(input, dataType));
        forward(views(row(params), 0), b, t, out.get(all(), interval(0, inputWidth())),
                out.get(all(), interval(inputWidth(), outputWidth())));
        return TimeMajor.batchMajor(out, b, t);
    }

    /** Backpropagation through {@link #output}: given ∂L/∂output {@code [B, T, outputWidth]}, ∂L/∂params and ∂L/∂input. */
    public final Gradients gradients(INDArray params, INDArray input, INDArray dOutput) {
        checkInput(input);
        int b = (int) input.size(0);
        int t = (int) input.size(1);
        W w = views(row(params), 0);
        INDArray gradRow = Nd4j.zeros(dataType, 1, numParams());
        P p = forward(w, b, t, TimeMajor.rows(input, dataType),
                Nd4j.zeros(dataType, (long) t * b, outputWidth() - inputWidth()));
        INDArray dOut = TimeMajor.rows(dOutput, dataType);
        INDArray dx = dOut.get(all(), interval(0, inputWidth())).dup('c');
        backward(w, views(gradRow, 0), p, dOut.get(all(), interval(inputWidth(), outputWidth())), dx);
        return new Gradients(gradRow.reshape(-1), TimeMajor.batchMajor(dx, b, t));
    }

    private INDArray row(INDArray params) {
        if (params.length() != numParams()) {
            throw new IllegalArgumentException(name + " parameters must have " + numParams() + " entries, got "
                    + params.length());
        }
        return params.castTo(dataType).dup('c').reshape(1, numParams());
    }

    private void checkInput(INDArray input) {
        if (input.rank() != 3 || input.size(2) != inputWidth()) {
            throw new IllegalArgumentException(name + " input must be [B, T, " + inputWidth() + "], got "
                    + java.util.Arrays.toString(input.shape()));
        }
    }
}

package org.metarl4j.agents.snail;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SNAIL's temporal-convolution block TCBlock(T, D) (Mishra et al. 2018, "A Simple Neural Attentive Meta-Learner",
 * ICLR, §3.1, its pseudocode TCBlock(T, D)): ⌈log₂ T⌉ {@link DenseBlock}s of D filters one after the other, the
 * i-th (i = 1 … ⌈log₂ T⌉) with dilation 2^i, i.e. 2, 4, …, 2^⌈log₂ T⌉. The dilations start at 2 as the paper's
 * pseudocode writes {@code DenseBlock(inputs, 2^i, D)} for i from 1 (so the convolutions alone reach only even lags;
 * the inputs of step t already carry step t − 1's action and reward in RL², and attention sees every lag). The last
 * dilation is ≥ T, so that block's older tap only ever meets the causal zero padding.
 *
 * <p>Output: the input followed by the D columns each dense block adds, {@code [C + ⌈log₂ T⌉ D]}. Parameters: the
 * dense blocks' in order.
 */
public final class TcBlock {
    private final int inputWidth;
    private final int sequenceLength;
    private final int filters;
    private final List<DenseBlock> blocks;
    private final DataType dataType;

    /**
     * @param inputWidth     C
     * @param sequenceLength T ≥ 1, the longest sequence (trial) the block serves
     * @param filters        D per dense block
     */
    public TcBlock(int inputWidth, int sequenceLength, int filters, DataType dataType) {
        if (inputWidth < 1 || sequenceLength < 1 || filters < 1) {
            throw new IllegalArgumentException("TC block sizes must be >= 1, got input " + inputWidth
                    + ", sequence length " + sequenceLength + ", filters " + filters);
        }
        this.inputWidth = inputWidth;
        this.sequenceLength = sequenceLength;
        this.filters = filters;
        this.dataType = dataType;
        List<DenseBlock> list = new ArrayList<>();
        int width = inputWidth;
        for (int dilation : dilations(sequenceLength)) {
            list.add(new DenseBlock(width, dilation, filters, dataType));
            width += filters;
        }
        this.blocks = List.copyOf(list);
    }

    /** The paper's dilations for sequences of length T: 2^i for i = 1 … ⌈log₂ T⌉ (none for T = 1). */
    public static int[] dilations(int sequenceLength) {
        if (sequenceLength < 1) {
            throw new IllegalArgumentException("sequence length must be >= 1, got " + sequenceLength);
        }
        int n = 32 - Integer.numberOfLeadingZeros(sequenceLength - 1); // ⌈log₂ T⌉
        int[] d = new int[n];
        for (int i = 1; i <= n; i++) {
            d[i - 1] = 1 << i;
        }
        return d;
    }

    /** The dense blocks, in order. */
    public List<DenseBlock> denseBlocks() {
        return blocks;
    }

    /** T. */
    public int sequenceLength() {
        return sequenceLength;
    }

    /** C + ⌈log₂ T⌉ D. */
    public int outputWidth() {
        return inputWidth + blocks.size() * filters;
    }

    public int numParams() {
        return blocks.stream().mapToInt(DenseBlock::numParams).sum();
    }

    /** Each dense block's initialisation, in order. */
    public void initialise(double[] p, int offset, SplittableRandom rng) {
        int o = offset;
        for (DenseBlock d : blocks) {
            d.initialise(p, o, rng);
            o += d.numParams();
        }
    }

    /** The block's gradient with respect to its parameters {@code [P]} and input {@code [B, T, C]}. */
    public record Gradients(INDArray params, INDArray input) {
    }

    /** The block's output {@code [B, T, outputWidth]} for parameters {@code [P]} and input {@code [B, T, C]}. */
    public INDArray output(INDArray params, INDArray input) {
        return run(params, input, null).output();
    }

    /** Backpropagation through {@link #output}: given ∂L/∂output, ∂L/∂parameters and ∂L/∂input. */
    public Gradients gradients(INDArray params, INDArray input, INDArray dOutput) {
        Run r = run(params, input, dOutput);
        return new Gradients(r.gradient().reshape(-1), r.dInput());
    }

    private record Run(INDArray output, INDArray gradient, INDArray dInput) {
    }

    private Run run(INDArray params, INDArray input, INDArray dOutput) {
        if (params.length() != numParams()) {
            throw new IllegalArgumentException("TC block parameters must have " + numParams() + " entries, got "
                    + params.length());
        }
        if (input.rank() != 3 || input.size(2) != inputWidth) {
            throw new IllegalArgumentException("TC block input must be [B, T, " + inputWidth + "], got "
                    + java.util.Arrays.toString(input.shape()));
        }
        INDArray row = params.castTo(dataType).dup('c').reshape(1, numParams());
        int b = (int) input.size(0);
        int t = (int) input.size(1);
        long n = (long) b * t;
        INDArray features = Nd4j.zeros(dataType, n, outputWidth());
        features.get(all(), interval(0, inputWidth)).assign(TimeMajor.rows(input, dataType));
        List<DenseBlock.Pass> passes = new ArrayList<>();
        int o = 0;
        for (DenseBlock d : blocks) {
            passes.add(d.forward(d.views(row, o), b, t, features.get(all(), interval(0, d.inputWidth())),
                    features.get(all(), interval(d.inputWidth(), d.outputWidth()))));
            o += d.numParams();
        }
        if (dOutput == null) {
            return new Run(TimeMajor.batchMajor(features, b, t), null, null);
        }
        INDArray grad = Nd4j.zeros(dataType, 1, numParams());
        INDArray g = TimeMajor.rows(dOutput, dataType);
        for (int i = blocks.size() - 1; i >= 0; i--) {
            DenseBlock d = blocks.get(i);
            o -= d.numParams();
            d.backward(d.views(row, o), d.views(grad, o), passes.get(i),
                    g.get(all(), interval(d.inputWidth(), d.outputWidth())), g.get(all(), interval(0,
                            d.inputWidth())));
        }
        return new Run(TimeMajor.batchMajor(features, b, t), grad,
                TimeMajor.batchMajor(g.get(all(), interval(0, inputWidth)).dup('c'), b, t));
    }
}

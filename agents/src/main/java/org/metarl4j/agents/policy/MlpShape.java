package org.metarl4j.agents.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Objects;

/**
 * The shape of a multilayer perceptron {@code inputDim → hiddenSizes[0] → … → outputDim}: hidden layers use
 * {@link #activation()}, the output layer is linear. Immutable.
 *
 * <p><b>Flat parameter layout</b> (one row of a {@code [T, P]} parameter matrix). With layer sizes
 * {@code d0 = inputDim, d1 … d(L−1) = hiddenSizes, dL = outputDim}, layer {@code l = 1 … L} contributes, in order,
 * <ol>
 *   <li>its weight matrix {@code W_l}, {@code d(l−1) × d(l)}, row-major, used as {@code z_l = h(l−1) · W_l + b_l}
 *       (i.e. the transpose of a PyTorch {@code Linear.weight}); element {@code (i, j)} sits at
 *       {@link #weightOffset(int) weightOffset(l)} {@code + i·d(l) + j};</li>
 *   <li>its bias {@code b_l}, {@code d(l)} entries, at {@link #biasOffset(int) biasOffset(l)}.</li>
 * </ol>
 * The MLP uses the first {@link #numParams()} entries; a policy head may append its own (a Gaussian policy appends
 * its log-std vector).
 */
public final class MlpShape {
    private final int inputDim;
    private final int[] hiddenSizes;
    private final int outputDim;
    private final Activation activation;
    private final int[] sizes;
    private final int[] weightOffsets;
    private final int[] biasOffsets;
    private final int numParams;

    @JsonCreator
    public MlpShape(@JsonProperty("inputDim") int inputDim, @JsonProperty("hiddenSizes") int[] hiddenSizes,
                    @JsonProperty("outputDim") int outputDim, @JsonProperty("activation") Activation activation) {
        if (inputDim < 1 || outputDim < 1) {
            throw new IllegalArgumentException("MLP input and output sizes must be >= 1, got " + inputDim + " and "
                    + outputDim);
        }
        if (hiddenSizes == null || activation == null) {
            throw new IllegalArgumentException("MLP needs hidden sizes (possibly empty) and an activation");
        }
        for (int h : hiddenSizes) {
            if (h < 1) {
                throw new IllegalArgumentException("MLP hidden sizes must be >= 1, got " + Arrays.toString(hiddenSizes));
            }
        }
        this.inputDim = inputDim;
        this.hiddenSizes = hiddenSizes.clone();
        this.outputDim = outputDim;
        this.activation = activation;
        int layers = hiddenSizes.length + 1;
        sizes = new int[layers + 1];
        sizes[0] = inputDim;
        System.arraycopy(hiddenSizes, 0, sizes, 1, hiddenSizes.length);
        sizes[layers] = outputDim;
        weightOffsets = new int[layers + 1];
        biasOffsets = new int[layers + 1];
        long offset = 0;
        for (int l = 1; l <= layers; l++) {
            weightOffsets[l] = (int) offset;
            offset += (long) sizes[l - 1] * sizes[l];
            biasOffsets[l] = (int) offset;
            offset += sizes[l];
            if (offset > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("MLP has too many parameters");
            }
        }
        numParams = (int) offset;
    }

    public static MlpShape of(int inputDim, int[] hiddenSizes, int outputDim, Activation activation) {
        return new MlpShape(inputDim, hiddenSizes, outputDim, activation);
    }

    @JsonProperty("inputDim")
    public int inputDim() {
        return inputDim;
    }

    @JsonProperty("hiddenSizes")
    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    @JsonProperty("outputDim")
    public int outputDim() {
        return outputDim;
    }

    @JsonProperty("activation")
    public Activation activation() {
        return activation;
    }

    /** L, the number of affine layers (hidden layers + 1). */
    public int numLayers() {
        return hiddenSizes.length + 1;
    }

    /** d(l) for l = 0 … L: {@code size(0)} is the input size, {@code size(L)} the output size. */
    public int size(int l) {
        return sizes[l];
    }

    /** Offset of {@code W_l} (l = 1 … L) in the flat vector. */
    public int weightOffset(int l) {
        return weightOffsets[l];
    }

    /** Offset of {@code b_l} (l = 1 … L) in the flat vector. */
    public int biasOffset(int l) {
        return biasOffsets[l];
    }

    /** Number of MLP parameters (weights and biases of all layers). */
    public int numParams() {
        return numParams;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MlpShape)) {
            return false;
        }
        MlpShape s = (MlpShape) o;
        return inputDim == s.inputDim && outputDim == s.outputDim && activation == s.activation
                && Arrays.equals(hiddenSizes, s.hiddenSizes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputDim, Arrays.hashCode(hiddenSizes), outputDim, activation);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(inputDim);
        for (int h : hiddenSizes) {
            b.append('-').append(h);
        }
        return b.append('-').append(outputDim).append(' ').append(activation).toString();
    }
}

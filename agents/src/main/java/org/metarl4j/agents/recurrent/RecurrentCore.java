package org.metarl4j.agents.recurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A recurrent cell in functional form (parameters are a flat vector, never state), batched over B sequences, with
 * exact backpropagation through time: the memory of RL²-style policies ({@link GruCore}, {@link LstmCore}).
 */
public interface RecurrentCore {

    /** "GRU", "LSTM", … */
    String name();

    int inputSize();

    /** Size of the output h fed to the heads. */
    int hiddenSize();

    int numParams();

    /** A fresh flat parameter vector (each implementation documents its initialisation). */
    double[] initialParameters(SplittableRandom rng);

    /**
     * Starts B sequences from the zero state at parameters {@code flat} ({@code [P]} or {@code [1, P]}).
     *
     * @param keepHistory keep what {@link Sequence#backward} needs (off for pure sampling)
     */
    Sequence start(INDArray flat, int batch, boolean keepHistory);

    /**
     * Runs B sequences from the zero state through every input {@code [B, inputSize]} of {@code inputs} at once, as
     * training does (the whole trial is known). By default it steps; a core whose whole sequence is far cheaper in one
     * pass (SNAIL's convolutions and attention) overrides it. Either way the outputs and the sequence's
     * {@link Sequence#backward} equal those of stepping, up to floating-point rounding.
     */
    default Unrolled unrollAll(INDArray flat, List<INDArray> inputs, boolean keepHistory) {
        Sequence sequence = start(flat, (int) inputs.get(0).size(0), keepHistory);
        List<INDArray> outputs = new ArrayList<>(inputs.size());
        for (INDArray x : inputs) {
            outputs.add(sequence.step(x));
        }
        return new Unrolled(sequence, outputs, null);
    }

    /**
     * B sequences run through a whole input sequence: each step's output h {@code [B, H]}, the sequence, and, when the
     * core made every output in one matrix, that matrix {@code rows} {@code [T·B, H]} with rows in time-major (t, b)
     * order (null otherwise): then a caller can apply its layers to all steps at once and backpropagate with
     * {@link Sequence#backwardRows}.
     */
    record Unrolled(Sequence sequence, List<INDArray> outputs, INDArray rows) {
    }

    /** B sequences being stepped. */
    interface Sequence {
        /** Advances every sequence by one input {@code [B, inputSize]}; returns the output h {@code [B, H]}. */
        INDArray step(INDArray x);

        /**
         * Backpropagation through the kept steps: given ∂L/∂h_t for each step's output ({@code [B, H]}, null for
         * none), the gradient of L with respect to the parameters, {@code [P]}, summed over the batch.
         */
        INDArray backward(List<INDArray> dh);

        /**
         * {@link #backward} given ∂L/∂h of every step as rows {@code [T·B, H]} in time-major (t, b) order (consumed:
         * the core may work in it). By default split into steps.
         */
        default INDArray backwardRows(INDArray dh, int batch, int steps) {
            List<INDArray> list = new ArrayList<>(steps);
            for (int t = 0; t < steps; t++) {
                list.add(dh.get(NDArrayIndex.interval((long) t * batch, (long) (t + 1) * batch), NDArrayIndex.all())
                        .dup('c'));
            }
            return backward(list);
        }
    }
}

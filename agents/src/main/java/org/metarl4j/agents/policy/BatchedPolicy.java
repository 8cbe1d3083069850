package org.metarl4j.agents.policy;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A stochastic policy network in functional form, batched over tasks: the parameters are an argument, never state,
 * so adapted parameters θ'ᵢ are just another row of a parameter matrix and nothing shared is mutated during
 * adaptation (MAML's inner loop; garage's and pytorch-maml-rl's {@code policy(obs, params=...)}).
 *
 * <p>Shapes: {@code T} tasks, {@code N} samples per task, {@code P = numParams()}. Parameters are a {@code [T, P]}
 * matrix (row i = the flat parameter vector used for task i; the layout is the implementation's, documented there);
 * observations {@code [T, N, observationDim()]}; actions {@code [T, N, actionDim()]} (a categorical action is one
 * number holding the index). All arrays use {@link #dataType()}.
 */
public interface BatchedPolicy {

    int observationDim();

    /** Flat action size: the Box dimension, or 1 for a categorical policy. */
    int actionDim();

    /** P, the length of one flat parameter vector. */
    int numParams();

    DataType dataType();

    /** A fresh flat parameter vector {@code [P]} drawn with {@code rng} (the implementation documents its init). */
    double[] initialParameters(SplittableRandom rng);

    /**
     * Draws one action per observation, task i using parameter row i (or row 0 for every task when
     * {@code params} has one row).
     *
     * @param params {@code [T, P]} or {@code [1, P]}
     * @param observations flat row-major {@code [T][M][observationDim]}
     * @param tasks T
     * @param perTask M, observations per task
     * @param rng the only source of randomness (so sampling is reproducible on CPU)
     * @param actionsOut flat row-major {@code [T][M][actionDim]}, written
     */
    void sample(INDArray params, double[] observations, int tasks, int perTask, SplittableRandom rng,
                double[] actionsOut);

    /**
     * Evaluates the policy at {@code params} on a batch, caching what the derivatives below need.
     *
     * @param params {@code [T, P]}
     * @param observations {@code [T, N, observationDim]}
     * @param actions {@code [T, N, actionDim]}
     */
    PolicyEvaluation evaluate(INDArray params, INDArray observations, INDArray actions);
}

package org.metarl4j.meta.maml;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One side of a meta-batch (support or query episodes) as MAML's losses consume it, for T tasks of N padded samples
 * each. Every loss is a weighted sum over samples: {@code sampleWeights} holds 1/(E·Lₑ) for the valid steps of
 * episode e (E episodes per task, Lₑ its length) and 0 for padding, so Σₙ weight·x is pytorch-maml-rl's
 * "mean over episodes of the per-episode mean over valid steps".
 *
 * @param observations {@code [T, N, observationDim]}
 * @param actions {@code [T, N, actionDim]} (the sampled, unclipped actions)
 * @param advantages {@code [T, N]}, fixed once sampled (0 on padding)
 * @param sampleWeights {@code [T, N]}
 */
public record LossBatch(INDArray observations, INDArray actions, INDArray advantages, INDArray sampleWeights) {

    public LossBatch {
        long[] obs = observations.shape();
        long[] act = actions.shape();
        if (obs.length != 3 || act.length != 3 || obs[0] != act[0] || obs[1] != act[1]
                || !Arrays.equals(advantages.shape(), new long[] {obs[0], obs[1]})
                || !Arrays.equals(sampleWeights.shape(), new long[] {obs[0], obs[1]})) {
            throw new IllegalArgumentException("inconsistent loss batch shapes: observations "
                    + Arrays.toString(obs) + ", actions " + Arrays.toString(act) + ", advantages "
                    + Arrays.toString(advantages.shape()) + ", weights " + Arrays.toString(sampleWeights.shape()));
        }
    }

    public int tasks() {
        return (int) observations.size(0);
    }

    /** Per-sample weights of the REINFORCE loss −Σ s·A·log π: w = −s·A. */
    INDArray reinforceWeights() {
        return sampleWeights.mul(advantages).negi();
    }
}

package org.metarl4j.meta.maml;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

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
 * @param episodesPerTask E: the N samples of a task are E padded episodes of N/E steps each, episode after episode
 */
public record LossBatch(INDArray observations, INDArray actions, INDArray advantages, INDArray sampleWeights,
                        int episodesPerTask) {

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
        if (episodesPerTask < 1 || obs[1] % episodesPerTask != 0) {
            throw new IllegalArgumentException(obs[1] + " samples per task are not " + episodesPerTask
                    + " equal-length padded episodes");
        }
    }

    /** A batch of one padded episode per task. */
    public LossBatch(INDArray observations, INDArray actions, INDArray advantages, INDArray sampleWeights) {
        this(observations, actions, advantages, sampleWeights, 1);
    }

    /**
     * The first {@code episodes} episodes of every task (a random subsample: a task's episodes are i.i.d.), copied,
     * with the sample weights scaled by E / episodes so that its losses still estimate the whole batch's.
     */
    public LossBatch firstEpisodes(int episodes) {
        if (episodes < 1 || episodes > episodesPerTask) {
            throw new IllegalArgumentException("cannot take " + episodes + " of " + episodesPerTask + " episodes");
        }
        if (episodes == episodesPerTask) {
            return this;
        }
        long samples = observations.size(1) / episodesPerTask * episodes;
        return new LossBatch(prefix(observations, samples), prefix(actions, samples), prefix(advantages, samples),
                prefix(sampleWeights, samples).muli((double) episodesPerTask / episodes), episodes);
    }

    private static INDArray prefix(INDArray a, long samples) {
        return (a.rank() == 3 ? a.get(all(), interval(0, samples), all()) : a.get(all(), interval(0, samples)))
                .dup('c');
    }

    public int tasks() {
        return (int) observations.size(0);
    }

    /** Per-sample weights of the REINFORCE loss −Σ s·A·log π: w = −s·A. */
    INDArray reinforceWeights() {
        return sampleWeights.mul(advantages).negi();
    }
}

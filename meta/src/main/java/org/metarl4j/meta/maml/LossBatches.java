package org.metarl4j.meta.maml;

import org.metarl4j.agents.sampling.AdvantageEstimator;
import org.metarl4j.agents.sampling.EpisodeBatch;
import org.nd4j.linalg.api.buffer.DataType;

/** Turns sampled episodes into the arrays MAML's losses consume. */
public final class LossBatches {
    private LossBatches() {
    }

    /**
     * Observations, unclipped actions, advantages (baseline fit per task, GAE, normalised per task — fixed from here
     * on) and the sample weights 1/(E·Lₑ) of pytorch-maml-rl's per-episode time average.
     */
    public static LossBatch from(EpisodeBatch batch, AdvantageEstimator estimator, DataType dataType) {
        int tasks = batch.numTasks();
        int episodes = batch.episodesPerTask();
        int horizon = batch.horizon();
        double[] weights = new double[tasks * episodes * horizon];
        for (int i = 0; i < tasks; i++) {
            for (int e = 0; e < episodes; e++) {
                int length = batch.length(i, e);
                int base = batch.stepIndex(i, e, 0);
                for (int t = 0; t < length; t++) {
                    weights[base + t] = 1.0 / ((double) episodes * length);
                }
            }
        }
        return new LossBatch(batch.observations(dataType), batch.actions(dataType),
                estimator.advantages(batch, dataType), batch.perStep(weights, dataType), episodes);
    }
}

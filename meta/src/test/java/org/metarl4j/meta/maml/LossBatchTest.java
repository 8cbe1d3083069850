package org.metarl4j.meta.maml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LossBatchTest {
    private static final int TASKS = 2;
    private static final int EPISODES = 4;
    private static final int HORIZON = 3;

    private static LossBatch batch() {
        int n = EPISODES * HORIZON;
        INDArray obs = Nd4j.arange(TASKS * n * 2).castTo(DataType.DOUBLE).reshape('c', TASKS, n, 2);
        INDArray act = obs.mul(-1);
        INDArray adv = Nd4j.arange(TASKS * n).castTo(DataType.DOUBLE).reshape('c', TASKS, n);
        INDArray weights = Nd4j.valueArrayOf(new long[] {TASKS, n}, 1.0 / n, DataType.DOUBLE);
        return new LossBatch(obs, act, adv, weights, EPISODES);
    }

    @Test
    void firstEpisodesAreThePrefixOfEachTaskWithRescaledWeights() {
        LossBatch whole = batch();
        LossBatch half = whole.firstEpisodes(2);
        assertEquals(2, half.episodesPerTask());
        assertArrayEquals(new long[] {TASKS, 2 * HORIZON, 2}, half.observations().shape());
        for (int t = 0; t < TASKS; t++) {
            for (int s = 0; s < 2 * HORIZON; s++) {
                assertEquals(whole.observations().getDouble(t, s, 1), half.observations().getDouble(t, s, 1));
                assertEquals(whole.actions().getDouble(t, s, 0), half.actions().getDouble(t, s, 0));
                assertEquals(whole.advantages().getDouble(t, s), half.advantages().getDouble(t, s));
                assertEquals(2 * whole.sampleWeights().getDouble(t, s), half.sampleWeights().getDouble(t, s), 1e-15);
            }
            // the weights of each task still sum to one: the subsample estimates the same per-task mean
            assertEquals(1.0, half.sampleWeights().getRow(t).sumNumber().doubleValue(), 1e-12);
        }
        assertSame(whole, whole.firstEpisodes(EPISODES));
    }

    @Test
    void badEpisodeCountsAreRejected() {
        LossBatch whole = batch();
        assertThrows(IllegalArgumentException.class, () -> whole.firstEpisodes(0));
        assertThrows(IllegalArgumentException.class, () -> whole.firstEpisodes(EPISODES + 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LossBatch(
                whole.observations(), whole.actions(), whole.advantages(), whole.sampleWeights(), 5));
        assertTrue(e.getMessage().contains("12 samples per task are not 5"), e.getMessage());
    }
}

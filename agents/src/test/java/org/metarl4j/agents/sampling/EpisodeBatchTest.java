package org.metarl4j.agents.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.navigation.NavigationTask;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class EpisodeBatchTest {
    private static final List<NavigationTask> TASKS = List.of(new NavigationTask(0.1, 0.2),
            new NavigationTask(-0.3, 0.4));

    /** T = 2, E = 2, H = 3, obsDim 2, actDim 1; lengths {{3, 1}, {2, 3}}. */
    static EpisodeBatch small() {
        double[][][][] obs = new double[2][2][3][2];
        double[][][][] act = new double[2][2][3][1];
        double[][][] rew = new double[2][2][3];
        int[][] len = {{3, 1}, {2, 3}};
        for (int i = 0; i < 2; i++) {
            for (int e = 0; e < 2; e++) {
                for (int t = 0; t < len[i][e]; t++) {
                    obs[i][e][t] = new double[] {100 * i + 10 * e + t, -(100 * i + 10 * e + t)};
                    act[i][e][t] = new double[] {0.5 + t};
                    rew[i][e][t] = -(1 + i + e + t);
                }
            }
        }
        return EpisodeBatch.fromNested(TASKS, obs, act, rew, len);
    }

    @Test
    void layoutIsEpisodeMajorWithinATask() {
        EpisodeBatch b = small();
        assertEquals(2, b.numTasks());
        assertEquals(2, b.episodesPerTask());
        assertEquals(3, b.horizon());
        assertEquals(6, b.samplesPerTask());
        assertEquals(9, b.totalSteps());
        assertEquals(TASKS, b.tasks());
        // task 1, episode 1, step 2 -> flat step (1*2+1)*3+2 = 11
        assertEquals(11, b.stepIndex(1, 1, 2));
        assertEquals(112.0, b.observationsFlat()[11 * 2]);
        assertEquals(112.0, b.observation(1, 1, 2, 0));
        assertEquals(-112.0, b.observation(1, 1, 2, 1));
        assertEquals(2.5, b.action(1, 1, 2, 0));
        assertEquals(-5.0, b.reward(1, 1, 2));
        INDArray o = b.observations(DataType.FLOAT);
        assertArrayEquals(new long[] {2, 6, 2}, o.shape());
        assertEquals(DataType.FLOAT, o.dataType());
        assertEquals(112.0, o.getDouble(1, 1 * 3 + 2, 0), 0.0);
        assertArrayEquals(new long[] {2, 6, 1}, b.actions(DataType.DOUBLE).shape());
        assertArrayEquals(new long[] {2, 6}, b.rewards(DataType.DOUBLE).shape());
        INDArray m = b.mask(DataType.DOUBLE);
        assertArrayEquals(new double[] {1, 1, 1, 1, 0, 0}, m.getRow(0).toDoubleVector(), 0.0);
        assertArrayEquals(new double[] {1, 1, 0, 1, 1, 1}, m.getRow(1).toDoubleVector(), 0.0);
    }

    @Test
    void summaries() {
        EpisodeBatch b = small();
        assertArrayEquals(new int[][] {{3, 1}, {2, 3}}, b.lengths());
        assertArrayEquals(new double[] {1, 1, 0}, b.mask()[1][0], 0.0);
        double[][] r = b.episodeReturns();
        assertArrayEquals(new double[] {-(1 + 2 + 3), -2}, r[0], 0.0);
        assertArrayEquals(new double[] {-(2 + 3), -(3 + 4 + 5)}, r[1], 0.0);
        assertArrayEquals(new double[] {-4, -8.5}, b.meanEpisodeReturnPerTask(), 1e-12);
        assertEquals(-8.5, b.meanEpisodeReturn(1), 1e-12);
        assertEquals(-6.25, b.meanEpisodeReturn(), 1e-12);
        assertArrayEquals(new double[] {-2, -3, 0, -3, -4, -5}, b.rewards(1), 0.0);
    }

    @Test
    void accessorsReturnCopies() {
        EpisodeBatch b = small();
        b.observationsFlat()[0] = 42;
        b.rewards(0)[0] = 42;
        b.lengthsFlat()[0] = 42;
        assertEquals(0.0, b.observation(0, 0, 0, 0));
        assertEquals(-1.0, b.reward(0, 0, 0));
        assertEquals(3, b.length(0, 0));
    }

    @Test
    void constructorValidates() {
        EpisodeBatch b = small();
        double[] o = b.observationsFlat();
        double[] a = b.actionsFlat();
        double[] r = b.rewardsFlat();
        int[] l = b.lengthsFlat();
        new EpisodeBatch(TASKS, 2, 3, 2, 1, o, a, r, l);  // fine
        assertThrows(IllegalArgumentException.class, () -> new EpisodeBatch(TASKS, 2, 3, 2, 1, o, a, r,
                new int[] {3, 0, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> new EpisodeBatch(TASKS, 2, 3, 2, 1, o, a, r,
                new int[] {3, 4, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> new EpisodeBatch(TASKS.subList(0, 1), 2, 3, 2, 1, o, a,
                r, l));
        double[] badReward = r.clone();
        badReward[b.stepIndex(0, 1, 2)] = 1e-9;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EpisodeBatch(TASKS, 2, 3, 2, 1, o, a, badReward, l));
        assertTrue(e.getMessage().contains("padding"), e.getMessage());
        double[] badObs = o.clone();
        badObs[b.stepIndex(1, 0, 2) * 2 + 1] = 1;
        assertThrows(IllegalArgumentException.class, () -> new EpisodeBatch(TASKS, 2, 3, 2, 1, badObs, a, r, l));
    }
}

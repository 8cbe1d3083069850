package org.metarl4j.agents.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Step;
import org.metarl4j.envs.navigation.Navigation2DEnv;
import org.metarl4j.envs.navigation.NavigationTask;
import org.metarl4j.envs.navigation.NavigationTaskDistribution;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BatchSamplerTest {
    private static final LinearGaussianTestPolicy POLICY = new LinearGaussianTestPolicy(2, 2);

    @SuppressWarnings("unchecked")
    private static BatchSampler<NavigationTask> navigationSampler() {
        return BatchSampler.of((EnvFamily<NavigationTask>) EnvFamilies.byName("navigation2d"));
    }

    private static INDArray rows(double[]... rows) {
        return Nd4j.create(rows);
    }

    @Test
    void deterministicGoalSeekingEpisodesEndEarlyAndArePadded() {
        List<NavigationTask> tasks = List.of(new NavigationTask(0.25, 0.0), new NavigationTask(0.0, -0.42),
                new NavigationTask(0.5, 0.5));
        INDArray params = rows(
                LinearGaussianTestPolicy.toward(0.25, 0.0, 1.0, 0.0),
                LinearGaussianTestPolicy.toward(0.0, -0.42, 1.0, 0.0),
                LinearGaussianTestPolicy.toward(0.5, 0.5, 0.0, 0.0));  // gain 0: never moves, truncated
        try (BatchSampler<NavigationTask> sampler = navigationSampler()) {
            EpisodeBatch b = sampler.sample(POLICY, params, tasks, 2, new SplittableRandom(1));
            assertEquals(100, b.horizon());
            assertArrayEquals(new int[][] {{3, 3}, {5, 5}, {100, 100}}, b.lengths());
            assertEquals(2 * (3 + 5 + 100), b.totalSteps());
            assertEquals(b.totalSteps(), sampler.lastEnvSteps());
            // task 0: x = 0 -> 0.1 -> 0.2 -> 0.25; actions unclipped (0.25, 0.15, 0.05)
            assertArrayEquals(new double[] {0.25, 0.15, 0.05}, new double[] {b.action(0, 1, 0, 0),
                b.action(0, 1, 1, 0), b.action(0, 1, 2, 0)}, 1e-12);
            assertArrayEquals(new double[] {0.0, 0.1, 0.2}, new double[] {b.observation(0, 1, 0, 0),
                b.observation(0, 1, 1, 0), b.observation(0, 1, 2, 0)}, 1e-12);
            assertEquals(-0.15, b.reward(0, 0, 0), 1e-12);
            assertEquals(-0.05, b.reward(0, 0, 1), 1e-12);
            assertEquals(0.0, b.reward(0, 0, 2), 1e-12);  // the goal-reaching step keeps its reward (0 here)
            // padding is zero after the end
            for (int t = 3; t < 100; t++) {
                assertEquals(0.0, b.reward(0, 0, t));
                assertEquals(0.0, b.observation(0, 0, t, 0));
                assertEquals(0.0, b.action(0, 0, t, 0));
            }
            assertEquals(-100 * Math.sqrt(0.5), b.episodeReturns()[2][0], 1e-9);
            INDArray obs = b.observations(DataType.FLOAT);
            assertArrayEquals(new long[] {3, 200, 2}, obs.shape());
            assertArrayEquals(new long[] {3, 200, 2}, b.actions(DataType.DOUBLE).shape());
            assertArrayEquals(new long[] {3, 200}, b.mask(DataType.DOUBLE).shape());
            assertEquals(3 * 200 * 2, obs.length());
        }
    }

    @Test
    void rewardsAndObservationsMatchADirectReplayThroughOneEnv() {
        List<NavigationTask> tasks = NavigationTaskDistribution.standard().sample(4, new SplittableRandom(11));
        double[][] p = new double[4][];
        for (int i = 0; i < 4; i++) {
            p[i] = LinearGaussianTestPolicy.toward(tasks.get(i).goalX(), tasks.get(i).goalY(), 0.8, 0.05);
        }
        EpisodeBatch b;
        try (BatchSampler<NavigationTask> sampler = navigationSampler()) {
            b = sampler.sample(POLICY, rows(p), tasks, 6, new SplittableRandom(12));
        }
        int shorter = 0;
        for (int i = 0; i < 4; i++) {
            for (int e = 0; e < 6; e++) {
                int len = b.length(i, e);
                shorter += len < 100 ? 1 : 0;
                Navigation2DEnv env = new Navigation2DEnv(tasks.get(i), 100);
                double[] o = env.reset(new SplittableRandom(0));
                for (int t = 0; t < len; t++) {
                    assertArrayEquals(o, new double[] {b.observation(i, e, t, 0), b.observation(i, e, t, 1)}, 0.0);
                    Step s = env.step(new double[] {b.action(i, e, t, 0), b.action(i, e, t, 1)});
                    assertEquals(s.reward(), b.reward(i, e, t), 0.0);
                    boolean last = t == len - 1;
                    assertEquals(last, s.terminated() || s.truncated(), "episode end at step " + t);
                    o = s.observation();
                }
                assertEquals(len < 100, env.terminated());
            }
        }
        assertTrue(shorter > 0, "some episodes should reach their goal before the time limit");
    }

    @Test
    void sameSeedGivesAnIdenticalBatchAndReuseDoesNotChangeResults() {
        List<NavigationTask> tasks = NavigationTaskDistribution.standard().sample(3, new SplittableRandom(2));
        INDArray shared = rows(new double[] {-0.3, 0.1, 0.0, -0.3, 0.05, 0.02, 0.5});
        try (BatchSampler<NavigationTask> s1 = navigationSampler();
             BatchSampler<NavigationTask> s2 = navigationSampler()) {
            EpisodeBatch a = s1.sample(POLICY, shared, tasks, 4, new SplittableRandom(77));
            EpisodeBatch middle = s1.sample(POLICY, shared,
                    NavigationTaskDistribution.standard().sample(3, new SplittableRandom(3)), 4,
                    new SplittableRandom(5));  // reuses s1's vector env with other tasks
            EpisodeBatch again = s1.sample(POLICY, shared, tasks, 4, new SplittableRandom(77));
            EpisodeBatch fresh = s2.sample(POLICY, shared, tasks, 4, new SplittableRandom(77));
            EpisodeBatch other = s2.sample(POLICY, shared, tasks, 4, new SplittableRandom(78));
            for (EpisodeBatch x : List.of(again, fresh)) {
                assertArrayEquals(a.observationsFlat(), x.observationsFlat(), 0.0);
                assertArrayEquals(a.actionsFlat(), x.actionsFlat(), 0.0);
                assertArrayEquals(a.rewardsFlat(), x.rewardsFlat(), 0.0);
                assertArrayEquals(a.lengthsFlat(), x.lengthsFlat());
            }
            assertFalse(Arrays.equals(a.actionsFlat(), other.actionsFlat()));
            assertEquals(a.totalSteps() + middle.totalSteps() + again.totalSteps(), s1.totalEnvSteps());
            assertEquals(fresh.totalSteps() + other.totalSteps(), s2.totalEnvSteps());
        }
    }

    @Test
    void parameterRowsAreRoutedToTheirTasks() {
        List<NavigationTask> tasks = NavigationTaskDistribution.standard().sample(3, new SplittableRandom(4));
        double[][] p = {
            LinearGaussianTestPolicy.toward(0.03, 0.0, 1.0, 0.0),
            LinearGaussianTestPolicy.toward(0.0, 0.07, 1.0, 0.0),
            LinearGaussianTestPolicy.toward(-0.05, -0.02, 1.0, 0.0)};
        try (BatchSampler<NavigationTask> sampler = navigationSampler()) {
            EpisodeBatch perTask = sampler.sample(POLICY, rows(p), tasks, 2, new SplittableRandom(1));
            for (int i = 0; i < 3; i++) {
                for (int e = 0; e < 2; e++) {
                    // first observation (0, 0): the action is the bias b = k·g of row i
                    assertEquals(p[i][4], perTask.action(i, e, 0, 0), 0.0);
                    assertEquals(p[i][5], perTask.action(i, e, 0, 1), 0.0);
                }
            }
            EpisodeBatch shared = sampler.sample(POLICY, rows(p[2]), tasks, 2, new SplittableRandom(1));
            EpisodeBatch vector = sampler.sample(POLICY, Nd4j.createFromArray(p[2]), tasks, 2,
                    new SplittableRandom(1));
            for (int i = 0; i < 3; i++) {
                assertEquals(p[2][4], shared.action(i, 1, 0, 0), 0.0);
                assertEquals(p[2][5], shared.action(i, 1, 0, 1), 0.0);
            }
            assertArrayEquals(shared.actionsFlat(), vector.actionsFlat(), 0.0);
            assertThrows(IllegalArgumentException.class, () -> sampler.sample(POLICY,
                    rows(p[0], p[1]), tasks, 2, new SplittableRandom(1)));
            assertThrows(IllegalArgumentException.class, () -> sampler.sample(new LinearGaussianTestPolicy(3, 2),
                    Nd4j.zeros(DataType.DOUBLE, 1, 9), tasks, 2, new SplittableRandom(1)));
        }
    }

}

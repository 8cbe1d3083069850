package org.metarl4j.envs.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.envs.Step;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.Tasks;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;
import org.junit.jupiter.api.Test;

class TabularMdpEnvTest {

    /** A well-mixing 3-state, 2-action MDP with a zero-probability transition. */
    private static TabularMdpTask mixing() {
        double[][][] p = {
            {{0.2, 0.5, 0.3}, {0.0, 0.6, 0.4}},
            {{0.5, 0.25, 0.25}, {0.3, 0.3, 0.4}},
            {{0.1, 0.8, 0.1}, {0.6, 0.0, 0.4}},
        };
        double[][] mu = {{1.0, -0.5}, {2.0, 0.0}, {-1.0, 3.0}};
        return new TabularMdpTask(p, mu);
    }

    @Test
    void empiricalTransitionsAndRewardMeansMatchTheTask() {
        TabularMdpTask task = mixing();
        int steps = 300_000;
        TabularMdpEnv env = new TabularMdpEnv(3, 2, task, steps);
        SplittableRandom policy = new SplittableRandom(99);
        int[][][] counts = new int[3][2][3];
        double[][] rewardSum = new double[3][2];
        env.reset(new SplittableRandom(4));
        for (int i = 0; i < steps; i++) {
            int s = env.stateIndex();
            int a = policy.nextInt(2);
            Step step = env.step(new double[] {a});
            counts[s][a][env.stateIndex()]++;
            rewardSum[s][a] += step.reward();
            assertEquals(i == steps - 1, step.truncated());
        }
        for (int s = 0; s < 3; s++) {
            for (int a = 0; a < 2; a++) {
                int n = 0;
                for (int c : counts[s][a]) {
                    n += c;
                }
                assertTrue(n > 10_000, "too few visits of (" + s + ", " + a + "): " + n);
                for (int s2 = 0; s2 < 3; s2++) {
                    double p = task.transition(s, a, s2);
                    double sigma = Math.sqrt(p * (1 - p) / n);
                    assertEquals(p, counts[s][a][s2] / (double) n, 5 * sigma + 1e-12,
                            "P(" + s2 + " | " + s + ", " + a + ")");
                }
                assertEquals(task.rewardMean(s, a), rewardSum[s][a] / n, 5 / Math.sqrt(n),
                        "mean reward of (" + s + ", " + a + ")");
            }
        }
    }

    @Test
    void observationIsOneHotOfTheCurrentStateAndRewardUsesTheStateBeforeTheMove() {
        // Deterministic cycle: action a moves s to (s + a + 1) mod 4; mean reward 100 s + 10 a.
        int states = 4;
        double[][][] p = new double[states][2][states];
        double[][] mu = new double[states][2];
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < 2; a++) {
                p[s][a][(s + a + 1) % states] = 1.0;
                mu[s][a] = 100 * s + 10 * a;
            }
        }
        TabularMdpEnv env = new TabularMdpEnv(states, 2, new TabularMdpTask(p, mu), 50);
        assertEquals(Box.uniform(states, 0.0, 1.0), env.observationSpace());
        assertEquals(new Discrete(2), env.actionSpace());
        double[] obs = env.reset(new SplittableRandom(8));
        assertArrayEquals(new double[] {1, 0, 0, 0}, obs);
        assertEquals(0, env.stateIndex());
        SplittableRandom policy = new SplittableRandom(5);
        int s = 0;
        for (int t = 0; t < 50; t++) {
            int a = policy.nextInt(2);
            Step step = env.step(new double[] {a});
            assertEquals(100 * s + 10 * a, step.reward(), 6.0, "reward of (" + s + ", " + a + ")");
            s = (s + a + 1) % states;
            double[] expected = new double[states];
            expected[s] = 1.0;
            assertArrayEquals(expected, step.observation());
            assertEquals(s, env.stateIndex());
            assertFalse(step.terminated());
        }
    }

    @Test
    void episodesAreTruncatedAtTheTimeLimit() {
        TabularMdpTask task = TabularMdpTaskDistribution.standard().sample(new SplittableRandom(1));
        TabularMdpEnv env = new TabularMdpEnv(10, 5, task);
        assertEquals("TabularMDP-v0", env.id());
        assertEquals(10, env.maxEpisodeSteps());
        SplittableRandom rng = new SplittableRandom(2);
        for (int episode = 0; episode < 3; episode++) {
            double[] obs = env.reset(rng);
            assertEquals(1.0, obs[0]);
            for (int t = 1; t <= 10; t++) {
                Step step = env.step(new double[] {t % 5});
                assertFalse(step.terminated());
                assertEquals(t == 10, step.truncated(), "step " + t);
            }
            assertThrows(IllegalStateException.class, () -> env.step(new double[] {0}));
        }
        TabularMdpEnv shortEnv = new TabularMdpEnv(10, 5, task, 3);
        shortEnv.reset(rng);
        shortEnv.step(new double[] {0});
        shortEnv.step(new double[] {0});
        assertTrue(shortEnv.step(new double[] {0}).truncated());
    }

    @Test
    void sameSeedGivesSameTrajectory() {
        TabularMdpTask task = TabularMdpTaskDistribution.standard().sample(new SplittableRandom(3));
        assertArrayEquals(run(task, 21L), run(task, 21L));
    }

    private static double[] run(TabularMdpTask task, long seed) {
        TabularMdpEnv env = new TabularMdpEnv(10, 5, task);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = new double[100];
        int i = 0;
        for (int episode = 0; episode < 5; episode++) {
            env.reset(rng);
            for (int t = 0; t < 10; t++) {
                out[i++] = env.step(new double[] {(t * 3) % 5}).reward() + 1000 * env.stateIndex();
            }
        }
        return out;
    }

    @Test
    void distributionMatchesRl2() {
        int states = 10;
        int actions = 5;
        List<TabularMdpTask> tasks = new TabularMdpTaskDistribution(states, actions).sample(200,
                new SplittableRandom(17));
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        double[] marginal = new double[states];
        int rows = 0;
        for (TabularMdpTask task : tasks) {
            task.validate();
            assertEquals(states, task.numStates());
            assertEquals(actions, task.numActions());
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    double rowSum = 0;
                    for (int s2 = 0; s2 < states; s2++) {
                        double p = task.transition(s, a, s2);
                        assertTrue(p >= 0 && p <= 1);
                        rowSum += p;
                        marginal[s2] += p;
                    }
                    rows++;
                    assertEquals(1.0, rowSum, 1e-12);
                    double mu = task.rewardMean(s, a);
                    sum += mu;
                    sumSq += mu * mu;
                    n++;
                }
            }
        }
        double mean = sum / n;
        double var = sumSq / n - mean * mean;
        assertEquals(1.0, mean, 5 / Math.sqrt(n));
        assertEquals(1.0, var, 5 * Math.sqrt(2.0 / n));
        // Dirichlet(1_S) marginal: mean 1/S, variance (S-1)/(S²(S+1)).
        double sd = Math.sqrt((states - 1.0) / (states * states * (states + 1.0)) / rows);
        for (int s2 = 0; s2 < states; s2++) {
            assertEquals(1.0 / states, marginal[s2] / rows, 5 * sd, "marginal of state " + s2);
        }
        assertEquals(tasks, new TabularMdpTaskDistribution(states, actions).sample(200, new SplittableRandom(17)));
        assertThrows(IllegalArgumentException.class, () -> new TabularMdpTaskDistribution(0, 5));
        assertThrows(IllegalArgumentException.class, () -> new TabularMdpTaskDistribution(10, 0));
    }

    @Test
    void taskJsonRoundTrip() {
        TabularMdpTask task = TabularMdpTaskDistribution.standard().sample(new SplittableRandom(23));
        Task back = Tasks.fromJson(Tasks.toJson(task));
        assertEquals(task, back);
        assertEquals(List.of(task, mixing()), Tasks.listFromJson(Tasks.toJson(List.of(task, mixing()))));
    }

    @Test
    void taskOfAnotherShapeIsRejected() {
        TabularMdpTask task = TabularMdpTaskDistribution.standard().sample(new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TabularMdpEnv(3, 2, task));
        assertTrue(e.getMessage().contains("S = 3") && e.getMessage().contains("10 states"), e.getMessage());
        TabularMdpEnv env = new TabularMdpEnv(3, 2);
        assertThrows(IllegalArgumentException.class, () -> env.setTask(task));
        env.setTask(mixing());
        assertThrows(IllegalArgumentException.class, () -> new TabularMdpEnv(0, 2));
    }

    @Test
    void badActionsAndTaskParametersAreRejected() {
        TabularMdpEnv env = new TabularMdpEnv(3, 2, mixing());
        env.reset(new SplittableRandom(1));
        for (double a : new double[] {Double.NaN, 2, -1, 0.5}) {
            assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {a}));
        }
        double[][][] p = mixing().transitions();
        double[][] mu = mixing().rewardMeans();
        mu[1][0] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env.setTask(new TabularMdpTask(p, mu)));
        assertTrue(e.getMessage().contains("rewardMeans[1][0]") && e.getMessage().contains("NaN"), e.getMessage());
        double[][] mu2 = mixing().rewardMeans();
        p[2][1] = new double[] {0.6, 0.5, -0.1};
        e = assertThrows(IllegalArgumentException.class, () -> env.setTask(new TabularMdpTask(p, mu2)));
        assertTrue(e.getMessage().contains("transitions[2][1][2]") && e.getMessage().contains("-0.1")
                && e.getMessage().contains("[0.0, 1.0]"), e.getMessage());
        p[2][1] = new double[] {0.6, 0.5, 0.1};
        e = assertThrows(IllegalArgumentException.class, () -> env.setTask(new TabularMdpTask(p, mu2)));
        assertTrue(e.getMessage().contains("sums to"), e.getMessage());
    }
}

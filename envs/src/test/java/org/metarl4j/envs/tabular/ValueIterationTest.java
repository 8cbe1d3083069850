package org.metarl4j.envs.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ValueIterationTest {

    /**
     * State 0: action 0 stays and pays 1; action 1 pays 0 and moves to state 1 with probability 1/2 (else stays).
     * State 1: action 0 stays and pays 4; action 1 pays 0 and returns to state 0.
     */
    private static TabularMdpTask handSolvable() {
        double[][][] p = {{{1, 0}, {0.5, 0.5}}, {{0, 1}, {1, 0}}};
        double[][] mu = {{1, 0}, {4, 0}};
        return new TabularMdpTask(p, mu);
    }

    @Test
    void matchesHandSolution() {
        TabularMdpTask task = handSolvable();
        assertEquals(0.0, ValueIteration.optimalValue(task, 0));
        // T = 1: V(0) = max(1, 0) = 1, V(1) = 4.
        assertArrayEquals(new double[] {1, 4}, ValueIteration.optimalValues(task, 1), 1e-12);
        // T = 2: V1 = (1, 4); V(0) = max(1 + 1, 0 + 0.5 * 1 + 0.5 * 4) = 2.5; V(1) = max(4 + 4, 0 + 1) = 8.
        assertArrayEquals(new double[] {2.5, 8}, ValueIteration.optimalValues(task, 2), 1e-12);
        // T = 3: V1 = (2.5, 8); V(0) = max(1 + 2.5, 0.5 * 2.5 + 0.5 * 8) = 5.25; V(1) = max(4 + 8, 2.5) = 12.
        assertArrayEquals(new double[] {5.25, 12}, ValueIteration.optimalValues(task, 3), 1e-12);
        int[][] policy = ValueIteration.optimalPolicy(task, 3);
        assertEquals(1, policy[0][0]);
        assertEquals(1, policy[1][0]);
        assertEquals(0, policy[2][0]);
        assertEquals(0, policy[2][1]);
        // Long horizon: try to move (expected 2 steps) then collect 4 per step; V ~ 4T - const.
        double v10 = ValueIteration.optimalValue(task, 10);
        double v11 = ValueIteration.optimalValue(task, 11);
        assertEquals(4.0, v11 - v10, 1e-2);
        assertThrows(IllegalArgumentException.class, () -> ValueIteration.optimalValue(task, -1));
    }

    @Test
    void optimalPolicyInTheEnvScoresTheOracleValue() {
        TabularMdpTask task = TabularMdpTaskDistribution.standard().sample(new SplittableRandom(31));
        int horizon = TabularMdpEnv.DEFAULT_HORIZON;
        double value = ValueIteration.optimalValue(task, horizon);
        int[][] policy = ValueIteration.optimalPolicy(task, horizon);
        TabularMdpEnv env = new TabularMdpEnv(10, 5, task);
        SplittableRandom rng = new SplittableRandom(32);
        int episodes = 20_000;
        double sum = 0;
        double sumSq = 0;
        for (int e = 0; e < episodes; e++) {
            env.reset(rng);
            double ret = 0;
            for (int t = 0; t < horizon; t++) {
                ret += env.step(new double[] {policy[t][env.stateIndex()]}).reward();
            }
            sum += ret;
            sumSq += ret * ret;
        }
        double mean = sum / episodes;
        double sd = Math.sqrt((sumSq / episodes - mean * mean) / episodes);
        assertEquals(value, mean, 5 * sd);
        // The oracle beats uniformly random play (whose expected return is about T * 1 = 10 per RL² Table 2).
        double random = randomPolicyValue(task, horizon);
        assertEquals(true, value > random);
    }

    /** Exact expected return of the uniform random policy by backward recursion. */
    private static double randomPolicyValue(TabularMdpTask task, int horizon) {
        int n = task.numStates();
        int m = task.numActions();
        double[] v = new double[n];
        for (int t = 0; t < horizon; t++) {
            double[] w = new double[n];
            for (int s = 0; s < n; s++) {
                for (int a = 0; a < m; a++) {
                    double q = task.rewardMean(s, a);
                    for (int s2 = 0; s2 < n; s2++) {
                        q += task.transition(s, a, s2) * v[s2];
                    }
                    w[s] += q / m;
                }
            }
            v = w;
        }
        return v[0];
    }
}

package org.metarl4j.agents.trial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.bandit.BanditTask;
import org.metarl4j.envs.bandit.BanditTaskDistribution;
import org.metarl4j.envs.bandit.BernoulliBanditEnv;
import org.metarl4j.envs.tabular.TabularMdpEnv;
import org.metarl4j.envs.tabular.TabularMdpTask;
import org.metarl4j.envs.tabular.TabularMdpTaskDistribution;
import org.metarl4j.envs.tabular.ValueIteration;

class TrialBaselinesTest {

    @Test
    void ucb1AndThompsonFindTheGoodArmWithinATrial() {
        TrialRunner<BanditTask> runner = new TrialRunner<>(() -> new BernoulliBanditEnv(2));
        List<BanditTask> tasks = java.util.Collections.nCopies(200, new BanditTask(new double[] {0.1, 0.9}));
        double ucb = mean(runner.run(BanditBaselines.ucb1(2, Math.sqrt(2)), tasks, 100, new SplittableRandom(1)));
        double ts = mean(runner.run(BanditBaselines.thompson(2), tasks, 100, new SplittableRandom(2)));
        double random = mean(runner.run(BanditBaselines.random(2), tasks, 100, new SplittableRandom(3)));
        assertEquals(50.0, random, 1.5);
        assertTrue(ucb > 80 && ts > 85, "UCB1 " + ucb + ", Thompson " + ts + " (best arm alone: 90)");
    }

    @Test
    void aTrialIsExactlyNEpisodesAndReproducible() {
        TrialRunner<BanditTask> runner = new TrialRunner<>(() -> new BernoulliBanditEnv(3));
        List<BanditTask> tasks = List.of(new BanditTask(new double[] {1, 1, 1}), new BanditTask(new double[] {0, 0, 0}));
        assertArrayEquals(new double[] {7, 0}, runner.run(BanditBaselines.random(3), tasks, 7,
                new SplittableRandom(4)));
        List<BanditTask> random = new BanditTaskDistribution(3).sample(30, new SplittableRandom(5));
        assertArrayEquals(runner.run(BanditBaselines.thompson(3), random, 10, new SplittableRandom(6)),
                runner.run(BanditBaselines.thompson(3), random, 10, new SplittableRandom(6)));
        assertThrows(IllegalArgumentException.class, () -> runner.run(BanditBaselines.random(3), tasks, 0,
                new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> runner.run(BanditBaselines.ucb1(5, 1.0), tasks, 3,
                new SplittableRandom(1)));
    }

    @Test
    void betaDrawsHaveTheBetaMean() {
        SplittableRandom rng = new SplittableRandom(7);
        double sum = 0;
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            sum += BanditBaselines.beta(3, 5, rng);
        }
        assertEquals(3.0 / 8.0, sum / n, 0.005);
    }

    @Test
    void theValueIterationOracleEarnsTheOptimalValueInExpectation() {
        TabularMdpTaskDistribution distribution = new TabularMdpTaskDistribution(10, 5);
        List<TabularMdpTask> tasks = distribution.sample(400, new SplittableRandom(8));
        TrialRunner<TabularMdpTask> runner = new TrialRunner<>(() -> new TabularMdpEnv(10, 5));
        int episodes = 5;
        double[][] returns = runner.episodeReturns(TabularBaselines.valueIterationOracle(10), tasks, episodes,
                new SplittableRandom(9));
        double expected = tasks.stream().mapToDouble(t -> episodes * ValueIteration.optimalValue(t, 10)).average()
                .orElseThrow();
        TrialScore score = TrialScore.of("vi", returns);
        assertEquals(expected, score.mean(), 1.5 * score.ci95(), "±" + score.ci95()); // ≈ 3 standard errors
        // the oracle knows the MDP from the start: every episode earns the optimal value in expectation
        for (double episodeMean : score.episodeMeans()) {
            assertEquals(expected / episodes, episodeMean, 3.0, java.util.Arrays.toString(score.episodeMeans()));
        }
        double random = mean(runner.run(TabularBaselines.random(5), tasks, episodes, new SplittableRandom(10)));
        assertTrue(random < score.mean() - 40, "random " + random + " vs oracle " + score.mean());
    }

    private static double mean(double[] x) {
        return java.util.Arrays.stream(x).average().orElseThrow();
    }
}

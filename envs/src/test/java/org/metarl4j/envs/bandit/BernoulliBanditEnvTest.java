package org.metarl4j.envs.bandit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Step;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.Tasks;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;
import org.junit.jupiter.api.Test;

class BernoulliBanditEnvTest {

    private static final double[] P = {0.0, 0.1, 0.5, 0.9, 1.0};

    @Test
    void empiricalMeanRewardOfEachArmMatchesItsProbability() {
        BernoulliBanditEnv env = new BernoulliBanditEnv(5, new BanditTask(P));
        SplittableRandom rng = new SplittableRandom(7);
        int pulls = 20_000;
        for (int arm = 0; arm < P.length; arm++) {
            double sum = 0;
            for (int i = 0; i < pulls; i++) {
                env.reset(rng);
                double r = env.step(new double[] {arm}).reward();
                assertTrue(r == 0.0 || r == 1.0, "reward must be 0 or 1, got " + r);
                sum += r;
            }
            double mean = sum / pulls;
            double sigma = Math.sqrt(P[arm] * (1 - P[arm]) / pulls);
            assertEquals(P[arm], mean, 5 * sigma + 1e-12, "arm " + arm);
        }
    }

    @Test
    void episodeIsOnePull() {
        BernoulliBanditEnv env = new BernoulliBanditEnv(3, new BanditTask(new double[] {0.2, 0.4, 0.6}));
        assertEquals("BernoulliBandit-v0", env.id());
        assertEquals(1, env.maxEpisodeSteps());
        assertEquals(new Discrete(3), env.actionSpace());
        assertEquals(Box.uniform(1, 0.0, 0.0), env.observationSpace());
        double[] obs = env.reset(new SplittableRandom(1));
        assertArrayEquals(new double[] {0.0}, obs);
        Step step = env.step(new double[] {1});
        assertTrue(step.terminated());
        assertFalse(step.truncated());
        assertArrayEquals(new double[] {0.0}, step.observation());
        assertEquals(1, env.elapsedSteps());
        assertThrows(IllegalStateException.class, () -> env.step(new double[] {1}));
    }

    @Test
    void taskWithAnotherNumberOfArmsIsRejected() {
        BanditTask three = new BanditTask(new double[] {0.1, 0.2, 0.3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BernoulliBanditEnv(5, three));
        assertTrue(e.getMessage().contains("k = 5") && e.getMessage().contains("3 arm"), e.getMessage());
        BernoulliBanditEnv env = new BernoulliBanditEnv(5);
        e = assertThrows(IllegalArgumentException.class, () -> env.setTask(three));
        assertTrue(e.getMessage().contains("k = 5") && e.getMessage().contains("3 arm"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BernoulliBanditEnv(0));
    }

    @Test
    void invalidActionsAreRejected() {
        BernoulliBanditEnv env = new BernoulliBanditEnv(5);
        for (double a : new double[] {5, -1, 2.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            env.reset(new SplittableRandom(3));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> env.step(new double[] {a}));
            assertTrue(e.getMessage().contains("Discrete(5)"), e.getMessage());
        }
    }

    @Test
    void sameSeedGivesSameRewards() {
        BanditTask task = new BanditTaskDistribution(10).sample(new SplittableRandom(5));
        double[] first = trial(task, 11L);
        assertArrayEquals(first, trial(task, 11L));
        assertNotEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(trial(task, 12L)));
    }

    /** An RL² trial: 200 pulls (episodes) cycling over the arms, one generator for the trial. */
    private static double[] trial(BanditTask task, long seed) {
        BernoulliBanditEnv env = new BernoulliBanditEnv(task.arms(), task);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] rewards = new double[200];
        for (int i = 0; i < rewards.length; i++) {
            env.reset(rng);
            rewards[i] = env.step(new double[] {i % task.arms()}).reward();
        }
        return rewards;
    }

    @Test
    void distributionDrawsUniformProbabilities() {
        BanditTaskDistribution dist = new BanditTaskDistribution(5);
        List<BanditTask> tasks = dist.sample(2000, new SplittableRandom(9));
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (BanditTask t : tasks) {
            t.validate();
            assertEquals(5, t.arms());
            for (double p : t.armProbabilities()) {
                sum += p;
                sumSq += p * p;
                n++;
            }
        }
        double mean = sum / n;
        double var = sumSq / n - mean * mean;
        assertEquals(0.5, mean, 5 * Math.sqrt(1.0 / 12 / n));
        assertEquals(1.0 / 12, var, 0.005);
        assertEquals(tasks, dist.sample(2000, new SplittableRandom(9)));
        assertThrows(IllegalArgumentException.class, () -> new BanditTaskDistribution(0));
    }

    @Test
    void outOfRangeProbabilityNamesParameterValueAndRange() {
        BanditTask bad = new BanditTask(new double[] {0.5, 1.5});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BernoulliBanditEnv(2, bad));
        String m = e.getMessage();
        assertTrue(m.contains("armProbabilities[1]") && m.contains("1.5") && m.contains("[0.0, 1.0]"), m);
        assertThrows(IllegalArgumentException.class,
                () -> new BanditTask(new double[] {Double.NaN}).validate());
    }

    @Test
    void taskJsonRoundTrip() {
        BanditTask task = new BanditTaskDistribution(4).sample(new SplittableRandom(2));
        Task back = Tasks.fromJson(Tasks.toJson(task));
        assertEquals(task, back);
    }

    @Test
    void theFamilyCanBeBuiltForAnyNumberOfArms() {
        EnvFamily<BanditTask> family = EnvFamilies.bernoulliBandit(10);
        assertEquals("bernoulli-bandit", family.name());
        assertEquals(10, family.tasks().sample(new SplittableRandom(1)).armProbabilities().length);
        assertEquals(new Discrete(10), family.envFactory().get().actionSpace());
        assertEquals(new Discrete(EnvFamilies.DEFAULT_ARMS),
                EnvFamilies.byName("bernoulli-bandit").envFactory().get().actionSpace());
        assertThrows(IllegalArgumentException.class, () -> EnvFamilies.bernoulliBandit(0));
    }
}

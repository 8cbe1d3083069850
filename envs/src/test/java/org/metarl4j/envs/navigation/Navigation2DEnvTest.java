package org.metarl4j.envs.navigation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.envs.Step;
import org.junit.jupiter.api.Test;

class Navigation2DEnvTest {

    @Test
    void stepClipsTheActionAndPaysNegativeDistance() {
        Navigation2DEnv env = new Navigation2DEnv(new NavigationTask(0.3, -0.2), 100);
        assertArrayEquals(new double[] {0, 0}, env.reset(new SplittableRandom(1)));
        Step step = env.step(new double[] {0.5, -0.05});
        assertArrayEquals(new double[] {0.1, -0.05}, step.observation(), 0.0);
        assertEquals(-Math.sqrt(0.2 * 0.2 + 0.15 * 0.15), step.reward(), 1e-15);
        assertFalse(step.done());
    }

    @Test
    void reachingTheGoalTerminatesAndKeepsThatStepsReward() {
        Navigation2DEnv env = new Navigation2DEnv(new NavigationTask(0.1, 0.005), 100);
        env.reset(new SplittableRandom(1));
        Step step = env.step(new double[] {0.1, 0.0});
        assertTrue(step.terminated());
        assertFalse(step.truncated());
        assertEquals(-0.005, step.reward(), 1e-15);
        assertThrows(IllegalStateException.class, () -> env.step(new double[] {0, 0}));
    }

    @Test
    void episodeIsTruncatedAtTheTimeLimit() {
        Navigation2DEnv env = new Navigation2DEnv(new NavigationTask(0.4, 0.4), 100);
        env.reset(new SplittableRandom(1));
        for (int t = 0; t < 99; t++) {
            assertFalse(env.step(new double[] {0, 0}).done());
        }
        Step last = env.step(new double[] {0, 0});
        assertTrue(last.truncated());
        assertFalse(last.terminated());
    }

    /** The reference's computed bounds: stay-put scores -100·E||g|| = -38.26; a greedy oracle about -0.51. */
    @Test
    void referenceBoundsOfStayPutAndGreedyPolicies() {
        List<NavigationTask> tasks = NavigationTaskDistribution.standard().sample(20_000, new SplittableRandom(7));
        double stayPut = 0;
        double greedy = 0;
        Navigation2DEnv env = new Navigation2DEnv();
        for (NavigationTask task : tasks) {
            env.setTask(task);
            stayPut += episodeReturn(env, false);
            greedy += episodeReturn(env, true);
        }
        stayPut /= tasks.size();
        greedy /= tasks.size();
        // -100·E||g|| for g ~ U[-0.5,0.5]²: E||g|| = (√2 + ln(1+√2))/6; the MC error of 20k tasks is ≈ 0.1.
        double exact = -100 * (Math.sqrt(2) + Math.log(1 + Math.sqrt(2))) / 6;
        assertEquals(-38.26, exact, 0.005);
        assertEquals(exact, stayPut, 0.5);
        assertEquals(-0.51, greedy, 0.03);
    }

    private static double episodeReturn(Navigation2DEnv env, boolean greedy) {
        double[] obs = env.reset(new SplittableRandom(0));
        double total = 0;
        while (true) {
            double[] action = greedy
                    ? new double[] {env.task().goalX() - obs[0], env.task().goalY() - obs[1]}
                    : new double[] {0, 0};
            Step step = env.step(action);
            total += step.reward();
            obs = step.observation();
            if (step.done()) {
                return total;
            }
        }
    }

    @Test
    void resetToStartsFromAGivenPosition() {
        Navigation2DEnv env = new Navigation2DEnv(new NavigationTask(0.3, 0.3), 100);
        assertArrayEquals(new double[] {0.25, 0.3}, env.resetTo(new double[] {0.25, 0.3}), 0.0);
        Step step = env.step(new double[] {0.05, 0.0});
        assertTrue(step.terminated());
        assertArrayEquals(new double[] {0.3, 0.3}, env.state(), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env.resetTo(new double[] {0.0, Double.POSITIVE_INFINITY}));
        assertEquals("Navigation2D-v0: state variable y is Infinity; states must be finite", e.getMessage());
        assertThrows(UnsupportedOperationException.class,
                () -> new org.metarl4j.envs.bandit.BernoulliBanditEnv(3).resetTo(new double[0]));
    }

    @Test
    void badActionsAndTasksGetClearErrors() {
        Navigation2DEnv env = new Navigation2DEnv();
        env.reset(new SplittableRandom(1));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> env.step(new double[] {Double.NaN, 0}));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> env.step(new double[] {0.1}));
        assertTrue(length.getMessage().contains("length 2"), length.getMessage());
        IllegalArgumentException task = assertThrows(IllegalArgumentException.class,
                () -> env.setTask(new NavigationTask(0.2, 11.0)));
        assertEquals("navigation2d parameter goalY = 11.0 is out of range: allowed [-10.0, 10.0]", task.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NavigationTaskDistribution(-20, 0.5));
    }

    @Test
    void distributionIsSeededAndUniformOnTheSquare() {
        NavigationTaskDistribution dist = NavigationTaskDistribution.standard();
        List<NavigationTask> a = dist.sample(1000, new SplittableRandom(42));
        assertEquals(a, dist.sample(1000, new SplittableRandom(42)));
        double meanX = 0;
        for (NavigationTask t : a) {
            assertTrue(t.goalX() >= -0.5 && t.goalX() < 0.5 && t.goalY() >= -0.5 && t.goalY() < 0.5);
            meanX += t.goalX() / a.size();
        }
        assertEquals(0.0, meanX, 0.05);
    }
}

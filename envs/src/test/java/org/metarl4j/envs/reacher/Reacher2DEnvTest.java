package org.metarl4j.envs.reacher;

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
import org.junit.jupiter.api.Test;

class Reacher2DEnvTest {
    private static final double HALF_PI = Math.PI / 2;
    private static final double[] ZERO = {0.0, 0.0};

    @Test
    void fingertipForwardKinematics() {
        ReacherTask task = new ReacherTask(0.1, 0.1, 0.1, 0.08);
        assertArrayEquals(new double[] {0.18, 0.0}, Reacher2DEnv.fingertip(task, 0, 0), 1e-12);
        assertArrayEquals(new double[] {0.0, 0.18}, Reacher2DEnv.fingertip(task, HALF_PI, 0), 1e-12);
        assertArrayEquals(new double[] {0.1, 0.08}, Reacher2DEnv.fingertip(task, 0, HALF_PI), 1e-12);
        assertArrayEquals(new double[] {0.08, 0.1}, Reacher2DEnv.fingertip(task, HALF_PI, -HALF_PI), 1e-12);
        assertArrayEquals(new double[] {0.02, 0.0}, Reacher2DEnv.fingertip(task, 0, Math.PI), 1e-12);
        assertArrayEquals(new double[] {-0.18, 0.0}, Reacher2DEnv.fingertip(task, Math.PI, 0), 1e-12);

        Reacher2DEnv env = new Reacher2DEnv(task);
        env.reset(new SplittableRandom(1));
        env.resetTo(new double[] {0.3, -1.1, 0, 0});
        double[] obs = env.step(ZERO).observation();
        assertArrayEquals(Reacher2DEnv.fingertip(task, 0.3, -1.1), env.fingertip(), 1e-15);
        assertArrayEquals(new double[] {Math.cos(0.3), Math.cos(-1.1), Math.sin(0.3), Math.sin(-1.1), 0, 0,
                env.fingertip()[0], env.fingertip()[1]}, obs, 1e-12);
    }

    @Test
    void spacesResetAndObservationLayout() {
        ReacherTask task = new ReacherTask(-0.05, 0.12, 0.1, 0.1);
        Reacher2DEnv hidden = new Reacher2DEnv(task);
        assertEquals("Reacher2D-v0", hidden.id());
        assertEquals(50, hidden.maxEpisodeSteps());
        assertEquals(8, hidden.observationSpace().flatDim());
        assertEquals(2, hidden.actionSpace().flatDim());
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 200; i++) {
            double[] obs = hidden.reset(rng);
            double[] s = hidden.state();
            assertTrue(Math.abs(s[0]) <= 0.1 && Math.abs(s[1]) <= 0.1, "q " + s[0] + ", " + s[1]);
            assertTrue(Math.abs(s[2]) <= 0.005 && Math.abs(s[3]) <= 0.005, "dq " + s[2] + ", " + s[3]);
            assertTrue(hidden.observationSpace().contains(obs));
        }
        Reacher2DEnv shown = new Reacher2DEnv(task, true, 20);
        assertEquals(10, shown.observationSpace().flatDim());
        double[] obs = shown.reset(new SplittableRandom(3));
        assertEquals(-0.05, obs[8]);
        assertEquals(0.12, obs[9]);
        for (int t = 1; t <= 20; t++) {
            Step step = shown.step(ZERO);
            assertFalse(step.terminated());
            assertEquals(t == 20, step.truncated());
        }
    }

    @Test
    void zeroTorqueAtRestStaysPut() {
        ReacherTask task = new ReacherTask(0.1, 0.05, 0.1, 0.1);
        Reacher2DEnv env = new Reacher2DEnv(task);
        env.reset(new SplittableRandom(4));
        env.resetTo(new double[] {0.3, -0.5, 0, 0});
        double[] tip = Reacher2DEnv.fingertip(task, 0.3, -0.5);
        double distance = Math.hypot(tip[0] - 0.1, tip[1] - 0.05);
        for (int t = 0; t < 50; t++) {
            Step step = env.step(ZERO);
            assertEquals(-distance, step.reward(), 1e-15);
        }
        assertArrayEquals(new double[] {0.3, -0.5, 0, 0}, env.state(), 0.0);
    }

    @Test
    void energyDoesNotGrowWithoutTorque() {
        Reacher2DEnv env = new Reacher2DEnv(new ReacherTask(0.0, 0.15, 0.12, 0.09));
        env.reset(new SplittableRandom(5));
        env.resetTo(new double[] {0.2, 1.0, 4.0, -6.0});
        double e0 = env.kineticEnergy();
        assertTrue(e0 > 0);
        double previous = e0;
        for (int t = 0; t < 50; t++) {
            env.step(ZERO);
            double e = env.kineticEnergy();
            assertTrue(e <= previous * (1 + 1e-9), "energy grew at step " + t + ": " + previous + " -> " + e);
            previous = e;
        }
        assertTrue(previous < 0.1 * e0, "damping should dissipate most energy in 1 s: " + e0 + " -> " + previous);
    }

    @Test
    void actionsAreClippedAndCostTheirSquare() {
        ReacherTask task = new ReacherTask(0.1, 0.1, 0.1, 0.1);
        Reacher2DEnv a = new Reacher2DEnv(task);
        Reacher2DEnv b = new Reacher2DEnv(task);
        a.reset(new SplittableRandom(6));
        b.reset(new SplittableRandom(6));
        Step big = a.step(new double[] {5, -7});
        Step unit = b.step(new double[] {1, -1});
        assertArrayEquals(unit.observation(), big.observation(), 0.0);
        assertEquals(unit.reward(), big.reward(), 0.0);
        double[] tip = b.fingertip();
        assertEquals(-Math.hypot(tip[0] - 0.1, tip[1] - 0.1) - 2.0, unit.reward(), 1e-12);
    }

    @Test
    void pdControllerReachesSampledGoalsWithin50Steps() {
        SplittableRandom rng = new SplittableRandom(7);
        for (ReacherTask task : ReacherTaskDistribution.standard().sample(30, rng)) {
            Reacher2DEnv env = new Reacher2DEnv(task);
            env.reset(rng);
            double[] target = inverseKinematics(task, env.state());
            double distance = Double.NaN;
            for (int t = 0; t < env.maxEpisodeSteps(); t++) {
                double[] s = env.state();
                double tau1 = 3.0 * wrap(target[0] - s[0]) - 0.4 * s[2];
                double tau2 = 1.0 * (target[1] - s[1]) - 0.08 * s[3];
                Step step = env.step(new double[] {tau1, tau2});
                double[] tip = env.fingertip();
                distance = Math.hypot(tip[0] - task.goalX(), tip[1] - task.goalY());
                if (t == env.maxEpisodeSteps() - 1) {
                    assertTrue(step.truncated());
                }
            }
            assertTrue(distance < 0.02, "final distance " + distance + " for " + task);
        }
    }

    /** Analytic 2-link inverse kinematics; of the two elbow solutions, the one nearer the current joint angles. */
    private static double[] inverseKinematics(ReacherTask task, double[] state) {
        double l1 = task.linkLength1();
        double l2 = task.linkLength2();
        double gx = task.goalX();
        double gy = task.goalY();
        double c = (gx * gx + gy * gy - l1 * l1 - l2 * l2) / (2 * l1 * l2);
        c = Math.max(-1, Math.min(1, c));
        double[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int sign = -1; sign <= 1; sign += 2) {
            double q2 = sign * Math.acos(c);
            double q1 = Math.atan2(gy, gx) - Math.atan2(l2 * Math.sin(q2), l1 + l2 * Math.cos(q2));
            double cost = Math.abs(wrap(q1 - state[0])) + Math.abs(q2 - state[1]);
            if (cost < bestCost) {
                bestCost = cost;
                best = new double[] {q1, q2};
            }
        }
        assertArrayEquals(new double[] {gx, gy}, Reacher2DEnv.fingertip(task, best[0], best[1]), 1e-9);
        return best;
    }

    private static double wrap(double angle) {
        return Math.atan2(Math.sin(angle), Math.cos(angle));
    }

    @Test
    void unreachableGoalsAreRejected() {
        Reacher2DEnv env = new Reacher2DEnv();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env.setTask(new ReacherTask(0.5, 0.0, 0.1, 0.1)));
        String m = e.getMessage();
        assertTrue(m.contains("goal distance") && m.contains("0.5") && m.contains("[0.0, 0.2]"), m);
        e = assertThrows(IllegalArgumentException.class, () -> env.setTask(new ReacherTask(0.01, 0.0, 0.1, 0.05)));
        assertTrue(e.getMessage().contains("goal distance") && e.getMessage().contains("0.01"), e.getMessage());
    }

    @Test
    void badActionsAndParametersAreRejected() {
        Reacher2DEnv env = new Reacher2DEnv();
        env.reset(new SplittableRandom(8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env.step(new double[] {Double.NaN, 0}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {0, Double.NEGATIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {0}));
        e = assertThrows(IllegalArgumentException.class, () -> env.setTask(new ReacherTask(0.1, 0.1, 5.0, 0.1)));
        String m = e.getMessage();
        assertTrue(m.contains("linkLength1") && m.contains("5.0") && m.contains("[0.02, 1.0]"), m);
        e = assertThrows(IllegalArgumentException.class,
                () -> env.setTask(new ReacherTask(0.1, Double.NaN, 0.1, 0.1)));
        assertTrue(e.getMessage().contains("goalY") && e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.resetTo(new double[] {Double.NaN, 0, 0, 0}));
        e = assertThrows(IllegalArgumentException.class, () -> new ReacherTaskDistribution(0.01, 0.1));
        assertTrue(e.getMessage().contains("linkLength1") && e.getMessage().contains("[0.02, 1.0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReacherTaskDistribution(0.2, 0.1));
    }

    @Test
    void sampledTasksAreAllValidAndCoverTheAnnulus() {
        for (ReacherTaskDistribution dist : List.of(ReacherTaskDistribution.standard(),
                new ReacherTaskDistribution(0.02, 1.0), new ReacherTaskDistribution(0.1, 0.1))) {
            SplittableRandom rng = new SplittableRandom(9);
            double maxRatio = 0;
            double minRatio = 1;
            int inner = 0;
            int n = 20_000;
            for (int i = 0; i < n; i++) {
                ReacherTask task = dist.sample(rng);
                task.validate();
                assertTrue(task.linkLength1() >= dist.minLinkLength() && task.linkLength1() <= dist.maxLinkLength());
                assertTrue(task.linkLength2() >= dist.minLinkLength() && task.linkLength2() <= dist.maxLinkLength());
                double l1 = task.linkLength1();
                double l2 = task.linkLength2();
                double margin = ReacherTaskDistribution.MARGIN_FRACTION * Math.min(l1, l2);
                double rMin = Math.abs(l1 - l2) + margin;
                double rMax = l1 + l2 - margin;
                double r = Math.hypot(task.goalX(), task.goalY());
                double u = (r * r - rMin * rMin) / (rMax * rMax - rMin * rMin);
                assertTrue(u > -1e-9 && u < 1 + 1e-9, "goal radius " + r + " outside [" + rMin + ", " + rMax + "]");
                maxRatio = Math.max(maxRatio, u);
                minRatio = Math.min(minRatio, u);
                if (u < 0.5) {
                    inner++;
                }
            }
            assertTrue(maxRatio > 0.999 && minRatio < 0.001);
            // Area-uniform: half the goals lie inside the median radius.
            assertEquals(0.5, inner / (double) n, 5 * Math.sqrt(0.25 / n));
        }
    }

    @Test
    void taskJsonRoundTripAndSeeding() {
        ReacherTaskDistribution dist = ReacherTaskDistribution.standard();
        ReacherTask task = dist.sample(new SplittableRandom(10));
        Task back = Tasks.fromJson(Tasks.toJson(task));
        assertEquals(task, back);
        assertEquals(dist.sample(5, new SplittableRandom(11)), dist.sample(5, new SplittableRandom(11)));
    }
}

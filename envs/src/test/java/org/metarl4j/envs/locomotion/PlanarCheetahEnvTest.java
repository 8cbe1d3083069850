package org.metarl4j.envs.locomotion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.Step;

class PlanarCheetahEnvTest {
    private static final double[] ZERO = new double[6];

    /** The scripted gait of the survey: back leg and front leg in antiphase, 1 Hz. */
    static double[] gait(int t) {
        double time = t * PlanarCheetahEnv.CONTROL_DT;
        double[] a = new double[6];
        for (int i = 0; i < 3; i++) {
            a[i] = Math.sin(2 * Math.PI * time - 0.5 * i);
            a[3 + i] = Math.sin(2 * Math.PI * time + Math.PI - 0.5 * i);
        }
        return a;
    }

    private static PlanarCheetahEnv<CheetahVelTask> standing(double goal) {
        PlanarCheetahEnv<CheetahVelTask> env = PlanarCheetahEnv.velocity();
        env.setTask(new CheetahVelTask(goal));
        env.reset(new SplittableRandom(1));
        env.startFrom(new double[9], new double[9]);
        return env;
    }

    @Test
    void spacesLimitsAndObservationLayout() {
        PlanarCheetahEnv<CheetahVelTask> env = PlanarCheetahEnv.velocity();
        assertEquals("PlanarCheetahVel-v0", env.id());
        assertEquals("PlanarCheetahDir-v0", PlanarCheetahEnv.direction().id());
        assertEquals(200, env.maxEpisodeSteps());
        assertEquals(17, env.observationSpace().flatDim());
        assertEquals(6, env.actionSpace().flatDim());
        env.reset(new SplittableRandom(2));
        double[] qpos = {0.0, 0.05, -0.08, 0.1, -0.05, 0.02, -0.09, 0.07, 0.03};
        double[] qvel = {0.3, -0.1, 0.2, 0.05, -0.04, 0.1, -0.2, 0.15, -0.05};
        env.startFrom(qpos, qvel);
        double[] obs = new double[17];
        // observe through a zero-length episode: the first observation of startFrom is what forward kinematics gave
        CheetahBody body = env.body();
        assertEquals(0.05, body.height() - CheetahModel.INITIAL_HEIGHT, 1e-12);
        assertEquals(-0.08, body.pitch(), 1e-12);
        for (int j = 0; j < 6; j++) {
            assertEquals(qpos[3 + j], body.jointAngle(j), 1e-12, "joint " + j);
            assertEquals(qvel[3 + j], body.jointVelocity(j), 1e-12, "joint rate " + j);
        }
        body.rootVelocity(obs, 0);
        assertArrayEquals(new double[] {0.3, -0.1}, new double[] {obs[0], obs[1]}, 1e-12);
        assertEquals(0.2, body.pitchRate(), 1e-12);
        assertTrue(body.maxJointGap() < 1e-12);
        for (int t = 1; t <= 200; t++) {
            Step s = env.step(ZERO);
            assertFalse(s.terminated());
            assertEquals(t == 200, s.truncated());
        }
    }

    @Test
    void bodyAtRestStaysAtRestWithoutDrift() {
        PlanarCheetahEnv<CheetahVelTask> env = standing(0.0);
        double energy0 = env.body().mechanicalEnergy();
        for (int t = 0; t < 100; t++) {
            env.step(ZERO);
        }
        double settledX = env.body().rootX();
        double[] settled = env.step(ZERO).observation();
        double maxEnergy = env.body().mechanicalEnergy();
        for (int t = 0; t < 98; t++) {
            Step s = env.step(ZERO);
            assertEquals(0.0, env.lastForwardVelocity(), 2e-3);
            maxEnergy = Math.max(maxEnergy, env.body().mechanicalEnergy());
            if (t == 97) {
                assertArrayEquals(settled, s.observation(), 2e-3);
            }
        }
        assertEquals(settledX, env.body().rootX(), 1e-3, "no creeping along the ground");
        assertTrue(maxEnergy < energy0, "a passive body loses energy: " + maxEnergy + " vs " + energy0);
        assertTrue(env.body().height() > 0.5 && env.body().height() < 0.7, "stands on its legs: " + env.body().height());
        assertTrue(env.body().maxJointGap() < 1e-6, "joints hold: " + env.body().maxJointGap());
    }

    @Test
    void scriptedGaitRunsForwardAndRewardFollows() {
        PlanarCheetahEnv<CheetahVelTask> env = standing(1.0);
        double x0 = env.body().rootX();
        double total = 0;
        for (int t = 0; t < 200; t++) {
            total += env.step(gait(t)).reward();
        }
        double meanVelocity = (env.body().rootX() - x0) / 10.0;
        assertTrue(meanVelocity > 0.5, "the gait moves the body forward: " + meanVelocity + " m/s");
        assertTrue(Math.abs(env.body().pitch()) < 1.0, "without flipping over: " + env.body().pitch());
        PlanarCheetahEnv<CheetahVelTask> still = standing(1.0);
        double stillTotal = 0;
        for (int t = 0; t < 200; t++) {
            stillTotal += still.step(ZERO).reward();
        }
        assertTrue(total > stillTotal + 20, "running near 1 m/s beats standing for goal 1 m/s: " + total + " vs "
                + stillTotal);
    }

    @Test
    void randomAndExtremeActionsKeepTheSimulationFiniteAndJointsTogether() {
        PlanarCheetahEnv<CheetahVelTask> env = PlanarCheetahEnv.velocity();
        SplittableRandom rng = new SplittableRandom(5);
        env.reset(rng);
        double[] a = new double[6];
        double maxGap = 0;
        for (int t = 0; t < 1000; t++) {
            for (int i = 0; i < 6; i++) {
                a[i] = t < 500 ? 4 * rng.nextDouble() - 2 : (rng.nextBoolean() ? 1 : -1);
            }
            Step s = env.step(a);
            for (double o : s.observation()) {
                assertTrue(Double.isFinite(o));
            }
            assertTrue(Double.isFinite(s.reward()));
            assertTrue(Double.isFinite(env.body().mechanicalEnergy()));
            assertTrue(env.body().height() > -0.1 && env.body().height() < 3.0, "height " + env.body().height());
            maxGap = Math.max(maxGap, env.body().maxJointGap());
            if (s.truncated()) {
                env.reset(rng);
            }
        }
        assertTrue(maxGap < 0.01, "joint anchors stay within 1 cm: " + maxGap);
    }

    @Test
    void rewardsMatchHandComputation() {
        double[] action = {2.0, -3.0, 0.5, -0.25, 1.0, 0.0};
        double cost = 0.05 * (1 + 1 + 0.25 + 0.0625 + 1 + 0);
        for (double goal : new double[] {0.0, 1.3}) {
            PlanarCheetahEnv<CheetahVelTask> env = standing(goal);
            for (int t = 0; t < 30; t++) {
                double before = env.body().rootX();
                double reward = env.step(t % 2 == 0 ? action : gait(t)).reward();
                double v = (env.body().rootX() - before) / 0.05;
                assertEquals(v, env.lastForwardVelocity(), 1e-12);
                double expectedCost = t % 2 == 0 ? cost : 0.05 * sumSq(gait(t));
                assertEquals(-Math.abs(v - goal) - expectedCost, reward, 1e-12);
            }
        }
        for (int direction : new int[] {1, -1}) {
            PlanarCheetahEnv<CheetahDirTask> env = PlanarCheetahEnv.direction();
            env.setTask(new CheetahDirTask(direction));
            env.reset(new SplittableRandom(1));
            for (int t = 0; t < 30; t++) {
                double before = env.body().rootX();
                double reward = env.step(action).reward();
                double v = (env.body().rootX() - before) / 0.05;
                assertEquals(direction * v - cost, reward, 1e-12);
            }
        }
        assertEquals(-0.5, new CheetahVelTask(1.5).forwardReward(1.0));
        assertEquals(-2.0, new CheetahDirTask(-1).forwardReward(2.0));
    }

    private static double sumSq(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x * x;
        }
        return s;
    }

    @Test
    void sameTaskAndSeedGiveIdenticalTrajectoriesAlsoWithOtherWorldsSteppedInBetween() {
        double[] alone = trajectory(null);
        assertArrayEquals(alone, trajectory(null));
        PlanarCheetahEnv<CheetahDirTask> other = PlanarCheetahEnv.direction();
        other.setTask(new CheetahDirTask(-1));
        other.reset(new SplittableRandom(77));
        assertArrayEquals(alone, trajectory(other), "interleaving another world changes nothing");
    }

    /** 250 steps (an episode and a reset) with seeded random actions; {@code other} is stepped between steps. */
    private static double[] trajectory(PlanarCheetahEnv<?> other) {
        PlanarCheetahEnv<CheetahVelTask> env = PlanarCheetahEnv.velocity();
        env.setTask(new CheetahVelTask(0.7));
        SplittableRandom rng = new SplittableRandom(11);
        SplittableRandom otherRng = new SplittableRandom(12);
        env.reset(rng);
        double[] trace = new double[250 * 18];
        double[] a = new double[6];
        for (int t = 0; t < 250; t++) {
            for (int i = 0; i < 6; i++) {
                a[i] = 2 * rng.nextDouble() - 1;
            }
            Step s = env.step(a);
            System.arraycopy(s.observation(), 0, trace, 18 * t, 17);
            trace[18 * t + 17] = s.reward();
            if (s.truncated()) {
                env.reset(rng);
            }
            if (other != null) {
                for (int k = 0; k < 3; k++) {
                    double[] b = new double[6];
                    for (int i = 0; i < 6; i++) {
                        b[i] = 2 * otherRng.nextDouble() - 1;
                    }
                    if (other.step(b).truncated()) {
                        other.reset(otherRng);
                    }
                }
            }
        }
        return trace;
    }

    @Test
    void resetToANewTaskLeavesNoStateBehind() {
        PlanarCheetahEnv<CheetahVelTask> used = PlanarCheetahEnv.velocity();
        used.setTask(new CheetahVelTask(1.9));
        SplittableRandom rng = new SplittableRandom(3);
        used.reset(rng);
        for (int t = 0; t < 120; t++) {
            used.step(gait(t));
        }
        used.setTask(new CheetahVelTask(0.4));
        double[] first = used.reset(new SplittableRandom(9));
        PlanarCheetahEnv<CheetahVelTask> fresh = PlanarCheetahEnv.velocity();
        fresh.setTask(new CheetahVelTask(0.4));
        assertArrayEquals(fresh.reset(new SplittableRandom(9)), first);
        for (int t = 0; t < 100; t++) {
            Step a = used.step(gait(t));
            Step b = fresh.step(gait(t));
            assertArrayEquals(b.observation(), a.observation(), "step " + t);
            assertEquals(b.reward(), a.reward(), "step " + t);
        }
    }

    @Test
    void resetNoiseMatchesGymsHalfCheetah() {
        PlanarCheetahEnv<CheetahVelTask> env = PlanarCheetahEnv.velocity();
        SplittableRandom rng = new SplittableRandom(4);
        double sumSq = 0;
        int n = 0;
        for (int e = 0; e < 300; e++) {
            double[] obs = env.reset(rng);
            for (int i = 0; i < 8; i++) {
                assertTrue(Math.abs(obs[i]) <= 0.1 + 1e-12, "position " + i + " = " + obs[i]);
            }
            for (int i = 11; i < 17; i++) {
                sumSq += obs[i] * obs[i];
                n++;
            }
        }
        assertEquals(0.1, Math.sqrt(sumSq / n), 0.01, "joint rates ~ 0.1 N(0, 1)");
    }

    @Test
    void tasksValidate() {
        assertThrows(IllegalArgumentException.class, () -> new CheetahVelTask(Double.NaN).validate());
        assertThrows(IllegalArgumentException.class, () -> new CheetahVelTask(11).validate());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlanarCheetahEnv.direction().setTask(new CheetahDirTask(0)));
        assertTrue(e.getMessage().contains("direction = 0"), e.getMessage());
    }
}

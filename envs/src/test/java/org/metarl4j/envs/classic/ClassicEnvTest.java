package org.metarl4j.envs.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.Step;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.space.Box;

class ClassicEnvTest {

    private static List<Supplier<Env<?>>> allEnvs() {
        return List.of(CartPoleEnv::new, PendulumEnv::new, MountainCarContinuousEnv::new, AcrobotEnv::new);
    }

    // ---- ids, spaces, limits ----

    @Test
    void gymIdsSpacesAndTimeLimits() {
        CartPoleEnv cp = new CartPoleEnv();
        assertEquals("CartPole-v1", cp.id());
        assertEquals(500, cp.maxEpisodeSteps());
        assertEquals(4, cp.observationSpace().flatDim());
        PendulumEnv p = new PendulumEnv();
        assertEquals("Pendulum-v1", p.id());
        assertEquals(200, p.maxEpisodeSteps());
        assertEquals(Box.uniform(1, -2.0, 2.0), p.actionSpace());
        MountainCarContinuousEnv mc = new MountainCarContinuousEnv();
        assertEquals("MountainCarContinuous-v0", mc.id());
        assertEquals(999, mc.maxEpisodeSteps());
        AcrobotEnv a = new AcrobotEnv();
        assertEquals("Acrobot-v1", a.id());
        assertEquals(500, a.maxEpisodeSteps());
        assertEquals(6, a.observationSpace().flatDim());
    }

    @Test
    void pendulumActionSpaceFollowsTheTask() {
        PendulumEnv env = new PendulumEnv();
        env.setTask(new PendulumTask(1.0, 1.0, 10.0, 0.5));
        assertEquals(Box.uniform(1, -0.5, 0.5), env.actionSpace());
        // A torque of 2 is clipped to the current task's 0.5: same as applying 0.5.
        env.resetTo(new double[] {1.0, 0.0});
        Step big = env.step(new double[] {2.0});
        env.resetTo(new double[] {1.0, 0.0});
        Step clipped = env.step(new double[] {0.5});
        assertArrayEquals(clipped.observation(), big.observation());
        assertEquals(clipped.reward(), big.reward());
    }

    // ---- non-default parameters change the dynamics as the formulas predict ----

    @Test
    void heavierCartPolePoleChangesThetaAccAsTheFormulaPredicts() {
        double[] start = {0.0, 0.0, 0.1, 0.5};
        CartPoleEnv env = new CartPoleEnv(new CartPoleTask(9.8, 1.0, 0.5, 0.5, 10.0), 500);
        env.resetTo(start);
        env.step(new double[] {1.0});
        // By hand: total mass 1.5, mp*l = 0.25, temp = (10 + 0.25 * 0.5^2 sin 0.1) / 1.5,
        // thetaacc = (9.8 sin 0.1 - cos 0.1 * temp) / (0.5 (4/3 - 0.5 cos^2 0.1 / 1.5)) = -11.280787675708437.
        double temp = (10.0 + 0.25 * 0.25 * Math.sin(0.1)) / 1.5;
        double thetaAcc = (9.8 * Math.sin(0.1) - Math.cos(0.1) * temp)
                / (0.5 * (4.0 / 3.0 - 0.5 * Math.cos(0.1) * Math.cos(0.1) / 1.5));
        assertEquals(-11.280787675708437, thetaAcc, 1e-12);
        assertEquals(0.5 + 0.02 * -11.280787675708437, env.state()[3], 1e-12);
        assertEquals(0.1 + 0.02 * 0.5, env.state()[2], 1e-15);

        CartPoleEnv standard = new CartPoleEnv();
        standard.resetTo(start);
        standard.step(new double[] {1.0});
        assertEquals(0.2404308835510348, standard.state()[3], 1e-12);
    }

    @Test
    void pendulumParametersEnterTheUpdate() {
        PendulumEnv env = new PendulumEnv(new PendulumTask(2.0, 0.5, 5.0, 2.0), 200);
        env.resetTo(new double[] {1.0, 0.0});
        Step step = env.step(new double[] {1.0});
        // thdot' = (3*5/(2*0.5) sin 1 + 3/(2*0.5^2) * 1) * 0.05
        double thDot = (15.0 * Math.sin(1.0) + 6.0) * 0.05;
        assertEquals(0.9311032386059225, thDot, 1e-14);
        assertEquals(thDot, env.state()[1], 1e-12);
        assertEquals(1.0 + thDot * 0.05, env.state()[0], 1e-12);
        assertEquals(-(1.0 + 0.001), step.reward(), 1e-12);
        assertFalse(step.terminated());
    }

    @Test
    void pendulumSpeedIsClippedBeforeTheAngleAdvances() {
        PendulumEnv env = new PendulumEnv();
        env.resetTo(new double[] {Math.PI / 2, 7.9});
        env.step(new double[] {2.0});
        assertEquals(8.0, env.state()[1]);
        assertEquals(Math.PI / 2 + 8.0 * 0.05, env.state()[0], 1e-15);
    }

    @Test
    void pendulumAngleNormalizeUsesPythonModulo() {
        assertEquals(0.0, PendulumEnv.angleNormalize(0.0), 1e-15);
        assertEquals(-Math.PI + 0.5, PendulumEnv.angleNormalize(Math.PI + 0.5), 1e-12);
        assertEquals(Math.PI - 0.5, PendulumEnv.angleNormalize(-Math.PI - 0.5), 1e-12);
        assertEquals(1.0, PendulumEnv.angleNormalize(1.0 - 6 * Math.PI), 1e-12);
    }

    @Test
    void mountainCarPowerScalesTheForce() {
        MountainCarContinuousEnv env = new MountainCarContinuousEnv(new MountainCarTask(0.003), 999);
        env.resetTo(new double[] {-0.5, 0.0});
        Step step = env.step(new double[] {1.0});
        double v = 0.003 - 0.0025 * Math.cos(-1.5);
        assertEquals((float) v, env.state()[1]);
        assertEquals((float) (-0.5 + v), env.state()[0]);
        assertEquals(-0.1, step.reward(), 1e-15);
    }

    @Test
    void mountainCarPenalisesTheUnclippedActionAndRewardsTheGoal() {
        MountainCarContinuousEnv env = new MountainCarContinuousEnv();
        env.resetTo(new double[] {0.44, 0.05});
        Step step = env.step(new double[] {3.0});
        assertTrue(step.terminated());
        assertEquals(100.0 - 0.9, step.reward(), 1e-12);
        env.resetTo(new double[] {-1.19, -0.05});
        env.step(new double[] {-1.0});
        assertEquals(-1.2, env.state()[0], 1e-7);
        assertEquals(0.0, env.state()[1]);
    }

    @Test
    void acrobotLinkParametersChangeTheDynamics() {
        double[] start = {0.3, -0.2, 0.5, -1.0};
        AcrobotEnv env = new AcrobotEnv(new AcrobotTask(2.0, 0.5, 1.5, 0.8), 500);
        env.resetTo(start);
        env.step(new double[] {2.0});
        // Independent evaluation of the book equations + one RK4 step (m1 2, m2 0.5, l1 1.5, lc1 0.75, lc2 0.4).
        double[] expected = {0.3477448619943791, -0.3176333656163806, -0.03234041080767269, -0.16093312332251508};
        assertClose(expected, env.state(), 1e-9);
        AcrobotEnv standard = new AcrobotEnv();
        standard.resetTo(start);
        standard.step(new double[] {2.0});
        assertClose(new double[] {0.3422438766639251, -0.30931685281977855, -0.08717174222764312,
            -0.07306921813854794}, standard.state(), 1e-9);
    }

    @Test
    void acrobotWrapsAnglesAndBoundsVelocities() {
        AcrobotEnv env = new AcrobotEnv();
        env.resetTo(new double[] {3.1, -3.1, 30.0, -40.0});
        env.step(new double[] {1.0});
        double[] s = env.state();
        assertTrue(s[0] >= -Math.PI && s[0] <= Math.PI);
        assertTrue(s[1] >= -Math.PI && s[1] <= Math.PI);
        assertEquals(4 * Math.PI, s[2]);
        assertTrue(Math.abs(s[3]) <= 9 * Math.PI);
        env.resetTo(new double[] {0.0, 0.0, 0.0, 60.0});
        env.step(new double[] {2.0});
        assertEquals(9 * Math.PI, env.state()[3]);
    }

    private static void assertClose(double[] expected, double[] actual, double rel) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * Math.max(1.0, Math.abs(expected[i])), "index " + i);
        }
    }

    // ---- episode bookkeeping ----

    @Test
    void cartPoleRewardsTheTerminatingStepAndThenRefusesToStep() {
        CartPoleEnv env = new CartPoleEnv();
        env.resetTo(new double[] {2.39, 1.0, 0.0, 0.0});
        Step step = env.step(new double[] {1.0});
        assertTrue(step.terminated());
        assertEquals(1.0, step.reward());
        assertThrows(IllegalStateException.class, () -> env.step(new double[] {1.0}));
    }

    @Test
    void episodesAreTruncatedAtTheTimeLimit() {
        PendulumEnv env = new PendulumEnv(PendulumTask.standard(), 3);
        env.reset(new SplittableRandom(1));
        assertFalse(env.step(new double[] {0.0}).done());
        assertFalse(env.step(new double[] {0.0}).done());
        Step last = env.step(new double[] {0.0});
        assertTrue(last.truncated());
        assertFalse(last.terminated());
    }

    @Test
    void resetDrawsFromTheDocumentedRanges() {
        SplittableRandom rng = new SplittableRandom(3);
        CartPoleEnv cp = new CartPoleEnv();
        PendulumEnv p = new PendulumEnv();
        MountainCarContinuousEnv mc = new MountainCarContinuousEnv();
        AcrobotEnv a = new AcrobotEnv();
        for (int i = 0; i < 200; i++) {
            cp.reset(rng);
            for (double v : cp.state()) {
                assertTrue(Math.abs(v) <= 0.05);
            }
            p.reset(rng);
            assertTrue(Math.abs(p.state()[0]) <= Math.PI && Math.abs(p.state()[1]) <= 1.0);
            mc.reset(rng);
            assertTrue(mc.state()[0] >= -0.6 && mc.state()[0] <= -0.4);
            assertEquals(0.0, mc.state()[1]);
            a.reset(rng);
            for (double v : a.state()) {
                assertTrue(Math.abs(v) <= 0.1);
            }
        }
    }

    @Test
    void resetToReturnsTheObservationAndCopiesState() {
        AcrobotEnv env = new AcrobotEnv();
        double[] s = {0.1, 0.2, 0.3, 0.4};
        double[] obs = env.resetTo(s);
        assertArrayEquals(new double[] {Math.cos(0.1), Math.sin(0.1), Math.cos(0.2), Math.sin(0.2), 0.3, 0.4}, obs);
        s[0] = 9.0;
        assertEquals(0.1, env.state()[0]);
        env.state()[0] = 7.0;
        assertEquals(0.1, env.state()[0]);
    }

    @Test
    void resetToValidatesTheState() {
        assertThrows(IllegalArgumentException.class, () -> new CartPoleEnv().resetTo(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new CartPoleEnv().resetTo(null));
        assertThrows(IllegalArgumentException.class,
                () -> new PendulumEnv().resetTo(new double[] {Double.NaN, 0.0}));
        assertThrows(IllegalArgumentException.class,
                () -> new MountainCarContinuousEnv().resetTo(new double[] {0.0, Double.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> new AcrobotEnv().resetTo(new double[6]));
    }

    // ---- task validation ----

    @Test
    void outOfRangeTasksAreRejectedWithParameterValueAndRange() {
        assertRejected(new CartPoleEnv(), new CartPoleTask(9.8, 1.0, 0.1, 7.5, 10.0), "poleLength", "7.5",
                "[0.05, 5.0]");
        assertRejected(new PendulumEnv(), new PendulumTask(1.0, 1.0, 10.0, -2.0), "maxTorque", "-2.0",
                "[0.05, 50.0]");
        assertRejected(new MountainCarContinuousEnv(), new MountainCarTask(0.5), "power", "0.5", "[1.0E-4, 0.01]");
        assertRejected(new AcrobotEnv(), new AcrobotTask(1.0, 25.0, 1.0, 1.0), "linkMass2", "25.0",
                "[0.05, 20.0]");
        assertThrows(IllegalArgumentException.class, () -> new CartPoleEnv(CartPoleTask.standard(), 0));
    }

    private static <T extends Task> void assertRejected(Env<T> env, T task, String... fragments) {
        T before = env.task();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.setTask(task));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "message '" + e.getMessage() + "' lacks " + f);
        }
        assertEquals(before, env.task());
    }

    // ---- bad actions ----

    @Test
    void badActionsAreRejected() {
        for (Supplier<Env<?>> factory : allEnvs()) {
            Env<?> env = factory.get();
            env.reset(new SplittableRandom(0));
            int dim = env.actionSpace().flatDim();
            assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {Double.NaN}), env.id());
            assertThrows(IllegalArgumentException.class, () -> env.step(new double[dim + 1]), env.id());
            assertThrows(IllegalArgumentException.class, () -> env.step(new double[0]), env.id());
            assertThrows(IllegalArgumentException.class, () -> env.step(null), env.id());
        }
        CartPoleEnv cp = new CartPoleEnv();
        cp.reset(new SplittableRandom(0));
        assertThrows(IllegalArgumentException.class, () -> cp.step(new double[] {2.0}));
        assertThrows(IllegalArgumentException.class, () -> cp.step(new double[] {-1.0}));
        assertThrows(IllegalArgumentException.class, () -> cp.step(new double[] {0.5}));
        AcrobotEnv a = new AcrobotEnv();
        a.reset(new SplittableRandom(0));
        assertThrows(IllegalArgumentException.class, () -> a.step(new double[] {3.0}));
        PendulumEnv p = new PendulumEnv();
        p.reset(new SplittableRandom(0));
        assertThrows(IllegalArgumentException.class, () -> p.step(new double[] {Double.POSITIVE_INFINITY}));
        // The rejected actions did not advance the episode.
        assertEquals(0, p.elapsedSteps());
        assertEquals(0, cp.elapsedSteps());
    }

    // ---- determinism ----

    @Test
    void sameSeedGivesIdenticalTrajectories() {
        for (Supplier<Env<?>> factory : allEnvs()) {
            assertEquals(rollout(factory.get(), 42), rollout(factory.get(), 42), factory.get().id());
            assertNotEquals(rollout(factory.get(), 42), rollout(factory.get(), 43), factory.get().id());
        }
    }

    private static List<Double> rollout(Env<?> env, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        SplittableRandom actionRng = new SplittableRandom(seed + 1000);
        List<Double> trace = new ArrayList<>();
        for (int episode = 0; episode < 3; episode++) {
            for (double v : env.reset(rng)) {
                trace.add(v);
            }
            for (int t = 0; t < 1000; t++) {
                Step step = env.step(env.actionSpace().sample(actionRng));
                for (double v : step.observation()) {
                    trace.add(v);
                }
                trace.add(step.reward());
                if (step.done()) {
                    break;
                }
            }
        }
        return trace;
    }

    @Test
    void stepIntoWritesAtOffsetsWithoutTouchingNeighbours() {
        CartPoleEnv env = new CartPoleEnv();
        double[] obs = new double[10];
        java.util.Arrays.fill(obs, -7.0);
        env.resetInto(new SplittableRandom(5), obs, 3);
        assertEquals(-7.0, obs[2]);
        assertEquals(-7.0, obs[7]);
        double[] actions = {9.0, 1.0};
        double reward = env.stepInto(actions, 1, obs, 3);
        assertEquals(1.0, reward);
        assertArrayEquals(env.state(), java.util.Arrays.copyOfRange(obs, 3, 7));
        assertEquals(-7.0, obs[2]);
        assertEquals(-7.0, obs[7]);
    }
}

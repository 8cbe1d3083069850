package org.metarl4j.envs.robotics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Step;
import org.metarl4j.envs.robotics.scene.GripperScene;

/** Determinism, clean resets, rewards and success of the manipulation families. */
class RoboticsEnvTest {

    static Stream<EnvFamily<? extends RoboticsTask>> families() {
        return Stream.of(RoboticsFamilies.GRASP_LIFT, RoboticsFamilies.PICK_PLACE, RoboticsFamilies.PUSH,
                RoboticsFamilies.REACH3D);
    }

    @Test
    void familiesAreRegisteredByName() {
        assertTrue(EnvFamilies.names().containsAll(List.of("grasp-lift", "pick-place", "push", "reach3d")));
        assertEquals(GraspLiftEnv.ID, EnvFamilies.byName("grasp-lift").envId());
    }

    /** Observations and rewards of one episode: random actions from {@code actionSeed}, reset from {@code seed}. */
    private static <T extends RoboticsTask> double[] episode(RoboticsEnv<T> env, long seed, long actionSeed,
                                                             Runnable betweenSteps) {
        SplittableRandom actions = new SplittableRandom(actionSeed);
        int dim = env.observationSpace().flatDim();
        double[] trace = new double[(env.maxEpisodeSteps() + 1) * (dim + 1)];
        env.resetInto(new SplittableRandom(seed), trace, 0);
        double[] action = new double[4];
        for (int t = 1; !env.truncated(); t++) {
            env.actionSpace().sample(actions, action, 0);
            action[3] = t % 40 < 20 ? 1 : -1;
            trace[t * (dim + 1) - 1] = env.stepInto(action, 0, trace, t * (dim + 1));
            betweenSteps.run();
        }
        return trace;
    }

    private static <T extends RoboticsTask> RoboticsEnv<T> newEnv(EnvFamily<T> family, T task) {
        return (RoboticsEnv<T>) family.newEnv(task);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    <T extends RoboticsTask> void sameTaskAndSeedGiveIdenticalTrajectoriesEvenWithOtherScenesInterleaved(
            EnvFamily<T> family) {
        T task = family.tasks().sample(new SplittableRandom(11));
        double[] alone;
        try (RoboticsEnv<T> env = newEnv(family, task)) {
            alone = episode(env, 3, 4, () -> { });
        }
        try (RoboticsEnv<T> env = newEnv(family, task);
             GraspLiftEnv other = new GraspLiftEnv(GraspLiftTaskDistribution.train().sample(new SplittableRandom(2)));
             GripperScene scene = new GripperScene()) {
            other.reset(new SplittableRandom(9));
            SplittableRandom otherActions = new SplittableRandom(5);
            double[] a = new double[4];
            double[] interleaved = episode(env, 3, 4, () -> {
                other.actionSpace().sample(otherActions, a, 0);
                other.step(a);
                if (other.truncated()) {
                    other.reset(otherActions);
                }
                scene.act(a[0], a[1], a[2], a[3]);
            });
            assertArrayEquals(alone, interleaved);
        }
        try (RoboticsEnv<T> env = newEnv(family, task)) {
            assertFalse(java.util.Arrays.equals(alone, episode(env, 3, 5, () -> { })), "other actions differ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    <T extends RoboticsTask> void resetToANewTaskLeavesNoStateBehind(EnvFamily<T> family) {
        List<T> tasks = family.tasks().sample(2, new SplittableRandom(21));
        double[] fresh;
        try (RoboticsEnv<T> env = newEnv(family, tasks.get(1))) {
            fresh = episode(env, 8, 9, () -> { });
        }
        try (RoboticsEnv<T> env = newEnv(family, tasks.get(0))) {
            episode(env, 1, 2, () -> { });
            env.reset(new SplittableRandom(3));
            env.step(new double[] {1, 1, -1, 1});
            env.setTask(tasks.get(1));
            assertArrayEquals(fresh, episode(env, 8, 9, () -> { }));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    <T extends RoboticsTask> void scriptedControllerSolvesTrainAndTestTasksAndRandomActionsRarelyDo(
            EnvFamily<T> family) {
        SplittableRandom rng = new SplittableRandom(31);
        int tasks = 10;
        int scripted = 0;
        int random = 0;
        List<T> sample = new java.util.ArrayList<>(family.tasks().sample(tasks / 2, rng));
        sample.addAll(testDistribution(family).sample(tasks / 2, rng));
        for (T task : sample) {
            try (RoboticsEnv<T> env = newEnv(family, task)) {
                scripted += run(env, rng, true) ? 1 : 0;
                random += run(env, rng, false) ? 1 : 0;
            }
        }
        assertTrue(scripted >= 8, family + ": scripted successes " + scripted + "/" + tasks);
        assertTrue(random <= 2, family + ": random successes " + random + "/" + tasks);
    }

    @SuppressWarnings("unchecked")
    static <T extends RoboticsTask> org.metarl4j.envs.TaskDistribution<T> testDistribution(EnvFamily<T> family) {
        Object d = family.tasks();
        if (d instanceof GraspLiftTaskDistribution) {
            return (org.metarl4j.envs.TaskDistribution<T>) GraspLiftTaskDistribution.test();
        } else if (d instanceof PickPlaceTaskDistribution) {
            return (org.metarl4j.envs.TaskDistribution<T>) PickPlaceTaskDistribution.test();
        } else if (d instanceof PushTaskDistribution) {
            return (org.metarl4j.envs.TaskDistribution<T>) PushTaskDistribution.test();
        }
        return (org.metarl4j.envs.TaskDistribution<T>) Reach3DTaskDistribution.test();
    }

    private static boolean run(RoboticsEnv<?> env, SplittableRandom rng, boolean scripted) {
        env.reset(rng);
        double[] action = new double[4];
        double[] obs = new double[env.observationSpace().flatDim()];
        while (!env.truncated()) {
            if (scripted) {
                ScriptedController.act(env, action, 0);
            } else {
                env.actionSpace().sample(rng, action, 0);
            }
            double reward = env.stepInto(action, 0, obs, 0);
            assertTrue(reward >= 0 && reward <= 10, "reward " + reward);
            if (env.success()) {
                assertEquals(10.0, reward, 1e-12, "success pays the maximum");
            }
        }
        return env.everSucceeded();
    }

    @Test
    void trainAndTestDistributionsAreDisjoint() {
        SplittableRandom rng = new SplittableRandom(41);
        for (GraspLiftTask t : GraspLiftTaskDistribution.train().sample(500, rng)) {
            assertFalse(GraspLiftTaskDistribution.heldOut(t.mass(), t.friction()), t.toString());
        }
        for (GraspLiftTask t : GraspLiftTaskDistribution.test().sample(200, rng)) {
            assertTrue(GraspLiftTaskDistribution.heldOut(t.mass(), t.friction()), t.toString());
            assertTrue(2 * t.friction() * GripperScene.DEFAULT_GRIP_FORCE > 1.5 * t.mass() * GripperScene.GRAVITY);
        }
        for (Split split : Split.values()) {
            boolean test = split == Split.TEST;
            for (PickPlaceTask t : new PickPlaceTaskDistribution(split).sample(300, rng)) {
                assertEquals(test, t.goalX() >= GoalRegion.TEST_X, t.toString());
            }
            for (PushTask t : new PushTaskDistribution(split).sample(300, rng)) {
                assertEquals(test, t.goalX() >= GoalRegion.TEST_X, t.toString());
                assertTrue(Math.hypot(t.goalX() - t.objectX(), t.goalY() - t.objectY()) >= PushTaskDistribution.MIN_PUSH);
            }
            for (Reach3DTask t : new Reach3DTaskDistribution(split).sample(300, rng)) {
                assertEquals(test, t.goalX() >= GoalRegion.TEST_X, t.toString());
            }
        }
    }

    @Test
    void toleranceIsOneInsideTheBoundAndATenthOneMarginOut() {
        assertEquals(1.0, Shaping.tolerance(0.03, 0.05, 0.2));
        assertEquals(1.0, Shaping.tolerance(0.05, 0.05, 0.2));
        assertEquals(0.1, Shaping.tolerance(0.25, 0.05, 0.2), 1e-12);
        assertEquals(1.0 / (1 + 9.0 / 4), Shaping.tolerance(0.15, 0.05, 0.2), 1e-12);
    }

    @Test
    void reachRewardAndSuccessFollowTheHandToGoalDistance() {
        Reach3DTask task = new Reach3DTask(0.0, 0.0, 0.05);
        try (Reach3DEnv env = new Reach3DEnv(task, true, 150)) {
            double[] obs = env.reset(new SplittableRandom(1));
            assertEquals(RoboticsEnv.OBS_DIM + 3, obs.length);
            assertArrayEquals(new double[] {0.0, 0.0, 0.05}, java.util.Arrays.copyOfRange(obs, 17, 20));
            assertEquals(0.15, obs[2], 1e-12);
            assertEquals(GripperScene.MAX_OPENING, obs[3], 1e-9);
            double d0 = env.handToGoal();
            Step step = env.step(new double[] {0, 0, 0, -1});
            assertEquals(10 * Shaping.tolerance(env.handToGoal(), 0.05, d0), step.reward(), 1e-12);
            assertEquals(Boolean.FALSE, step.info().get("success"));
            while (env.handToGoal() >= Reach3DEnv.SUCCESS_DISTANCE) {
                step = env.step(new double[] {0, 0, -0.5, -1});
            }
            assertEquals(Boolean.TRUE, step.info().get("success"));
            assertEquals(10.0, step.reward());
        }
    }

    @Test
    void graspLiftSucceedsOnlyWhenHeldHighEnough() {
        GraspLiftTask task = new GraspLiftTask(0.05, 0.2, 0.8, 0.0, 0.0, 0.0);
        try (GraspLiftEnv env = new GraspLiftEnv(task)) {
            env.reset(new SplittableRandom(1));
            double[] action = new double[4];
            double best = 0;
            while (!env.truncated()) {
                ScriptedController.act(env, action, 0);
                double reward = env.step(action).reward();
                boolean high = env.scene().objectZ() - 0.025 >= GraspLiftEnv.SUCCESS_LIFT;
                assertEquals(high && env.scene().bothPadsTouch(), env.success());
                if (!env.success()) {
                    best = Math.max(best, reward);
                }
            }
            assertTrue(env.everSucceeded());
            assertTrue(best > 8 && best < 10, "shaped reward below success approaches 10: " + best);
        }
    }

    @Test
    void invalidTasksAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GraspLiftEnv(new GraspLiftTask(0.2, 0.1, 1, 0, 0, 0)));
        assertTrue(e.getMessage().contains("grasp-lift parameter size"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PickPlaceEnv(new PickPlaceTask(0, 0, 0, 0, 0.02)));
        assertThrows(IllegalArgumentException.class, () -> new PushEnv(new PushTask(0.5, 0, 0, 0)));
    }
}

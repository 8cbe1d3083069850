package org.metarl4j.envs.robotics;

import java.util.Objects;
import java.util.SplittableRandom;
import org.metarl4j.envs.TaskDistribution;

/**
 * Reach tasks: goal x from {@link GoalRegion} (train x ∈ [−0.15, 0.1), test x ∈ [0.1, 0.15]), y U[−0.15, 0.15],
 * z U[{@value #MIN_GOAL_Z}, {@value #MAX_GOAL_Z}] m; drawn again if within {@value #MIN_REACH} m of the hand's start
 * (twice the success radius, so no task starts solved).
 */
public record Reach3DTaskDistribution(Split split) implements TaskDistribution<Reach3DTask> {
    public static final double MIN_GOAL_Z = 0.05;
    public static final double MAX_GOAL_Z = 0.25;
    public static final double MIN_REACH = 0.1;

    public Reach3DTaskDistribution {
        Objects.requireNonNull(split, "split");
    }

    public static Reach3DTaskDistribution train() {
        return new Reach3DTaskDistribution(Split.TRAIN);
    }

    public static Reach3DTaskDistribution test() {
        return new Reach3DTaskDistribution(Split.TEST);
    }

    @Override
    public Reach3DTask sample(SplittableRandom rng) {
        double[] start = RoboticsEnv.HAND_START;
        while (true) {
            double gx = GoalRegion.goalX(rng, split);
            double gy = GoalRegion.goalY(rng);
            double gz = GraspLiftTaskDistribution.uniform(rng, MIN_GOAL_Z, MAX_GOAL_Z);
            if (Shaping.distance(gx, gy, gz, start[0], start[1], start[2]) >= MIN_REACH) {
                return new Reach3DTask(gx, gy, gz);
            }
        }
    }
}

package org.metarl4j.envs.robotics;

import java.util.Objects;
import java.util.SplittableRandom;
import org.metarl4j.envs.TaskDistribution;

/**
 * Pick-place tasks: object start x, y U[−0.1, 0.1] m; goal x from {@link GoalRegion} (train x ∈ [−0.15, 0.1), test
 * x ∈ [0.1, 0.15]), goal y U[−0.15, 0.15], goal z U[{@value #MIN_GOAL_Z}, {@value #MAX_GOAL_Z}] m (Meta-World v2's
 * pick-place goals reach from 5 to 30 cm; ours start at 10 cm so that no goal is met by the resting cube).
 */
public record PickPlaceTaskDistribution(Split split) implements TaskDistribution<PickPlaceTask> {
    public static final double MIN_GOAL_Z = PickPlaceTask.MIN_GOAL_Z;
    public static final double MAX_GOAL_Z = 0.25;

    public PickPlaceTaskDistribution {
        Objects.requireNonNull(split, "split");
    }

    public static PickPlaceTaskDistribution train() {
        return new PickPlaceTaskDistribution(Split.TRAIN);
    }

    public static PickPlaceTaskDistribution test() {
        return new PickPlaceTaskDistribution(Split.TEST);
    }

    @Override
    public PickPlaceTask sample(SplittableRandom rng) {
        double ox = GoalRegion.objectCoordinate(rng);
        double oy = GoalRegion.objectCoordinate(rng);
        double gx = GoalRegion.goalX(rng, split);
        double gy = GoalRegion.goalY(rng);
        double gz = GraspLiftTaskDistribution.uniform(rng, MIN_GOAL_Z, MAX_GOAL_Z);
        return new PickPlaceTask(ox, oy, gx, gy, gz);
    }
}

package org.metarl4j.envs.robotics;

import java.util.Objects;
import java.util.SplittableRandom;
import org.metarl4j.envs.TaskDistribution;

/**
 * Push tasks: object start x, y U[−0.1, 0.1] m; goal x from {@link GoalRegion} (train x ∈ [−0.15, 0.1), test
 * x ∈ [0.1, 0.15]), goal y U[−0.15, 0.15]; drawn again until the goal is at least {@value #MIN_PUSH} m from the start
 * (twice the success radius, so no task starts solved).
 */
public record PushTaskDistribution(Split split) implements TaskDistribution<PushTask> {
    public static final double MIN_PUSH = 0.1;

    public PushTaskDistribution {
        Objects.requireNonNull(split, "split");
    }

    public static PushTaskDistribution train() {
        return new PushTaskDistribution(Split.TRAIN);
    }

    public static PushTaskDistribution test() {
        return new PushTaskDistribution(Split.TEST);
    }

    @Override
    public PushTask sample(SplittableRandom rng) {
        while (true) {
            double ox = GoalRegion.objectCoordinate(rng);
            double oy = GoalRegion.objectCoordinate(rng);
            double gx = GoalRegion.goalX(rng, split);
            double gy = GoalRegion.goalY(rng);
            if (Math.hypot(gx - ox, gy - oy) >= MIN_PUSH) {
                return new PushTask(ox, oy, gx, gy);
            }
        }
    }
}

package org.metarl4j.envs.robotics;

import java.util.SplittableRandom;

/**
 * Where the spatial families put objects and goals, and their train/test split: objects start in x, y U[−0.1, 0.1];
 * goals lie in x, y ∈ [−0.15, 0.15] with the strip x ≥ {@value #TEST_X} held out for testing (Meta-World ML1 keeps
 * its test goals apart too, though drawn from the same box).
 */
final class GoalRegion {
    static final double MAX_START = 0.1;
    static final double GOAL_HALF_WIDTH = 0.15;
    static final double TEST_X = 0.1;
    static final SplitRange GOAL_X = new SplitRange("goalX", -GOAL_HALF_WIDTH, GOAL_HALF_WIDTH, TEST_X,
            GOAL_HALF_WIDTH);

    private GoalRegion() {
    }

    static double objectCoordinate(SplittableRandom rng) {
        return GraspLiftTaskDistribution.uniform(rng, -MAX_START, MAX_START);
    }

    static double goalX(SplittableRandom rng, Split split) {
        return GOAL_X.sample(rng, split);
    }

    static double goalY(SplittableRandom rng) {
        return GraspLiftTaskDistribution.uniform(rng, -GOAL_HALF_WIDTH, GOAL_HALF_WIDTH);
    }
}

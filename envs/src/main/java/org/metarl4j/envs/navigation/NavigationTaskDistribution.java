package org.metarl4j.envs.navigation;

import java.util.SplittableRandom;
import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.TaskDistribution;

/**
 * Goals drawn uniformly from the square [low, high]², the reference's {@code sample_tasks}: x then y from one
 * generator. Default [-0.5, 0.5] as MAML and pytorch-maml-rl.
 */
public record NavigationTaskDistribution(double low, double high) implements TaskDistribution<NavigationTask> {

    public NavigationTaskDistribution {
        new ParameterRange("goalX", low, high).within("navigation2d", NavigationTask.GOAL_X);
    }

    /** The reference distribution U[-0.5, 0.5]². */
    public static NavigationTaskDistribution standard() {
        return new NavigationTaskDistribution(-0.5, 0.5);
    }

    @Override
    public NavigationTask sample(SplittableRandom rng) {
        double x = low + (high - low) * rng.nextDouble();
        double y = low + (high - low) * rng.nextDouble();
        return new NavigationTask(x, y);
    }
}

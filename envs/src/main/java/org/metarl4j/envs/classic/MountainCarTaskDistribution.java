package org.metarl4j.envs.classic;

import java.util.Objects;
import java.util.SplittableRandom;
import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.TaskDistribution;

/**
 * Continuous MountainCar tasks with the engine power drawn uniformly from its range (one {@code nextDouble}, none for
 * a fixed range). The range must lie inside {@link MountainCarTask#POWER}.
 */
public record MountainCarTaskDistribution(ParameterRange power) implements TaskDistribution<MountainCarTask> {

    public MountainCarTaskDistribution {
        Objects.requireNonNull(power, "power range").within("mountaincar-continuous", MountainCarTask.POWER);
    }

    /** The default meta-RL distribution: power U[0.00075, 0.00225], i.e. U[0.5x, 1.5x] of gym's 0.0015. */
    public static MountainCarTaskDistribution standard() {
        return new MountainCarTaskDistribution(
                ParameterRange.halfToThreeHalves("power", MountainCarTask.standard().power()));
    }

    @Override
    public MountainCarTask sample(SplittableRandom rng) {
        return new MountainCarTask(power.sample(rng));
    }
}

package org.metarl4j.envs.classic;

import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.Task;

/**
 * The engine power of continuous MountainCar; the default is gym's MountainCarContinuous-v0 constant.
 *
 * @param power velocity change per unit of force per step (gym 0.0015)
 */
public record MountainCarTask(double power) implements Task {
    public static final ParameterRange POWER = new ParameterRange("power", 1.0e-4, 0.01);

    /** gym's MountainCarContinuous-v0. */
    public static MountainCarTask standard() {
        return new MountainCarTask(0.0015);
    }

    @Override
    public void validate() {
        POWER.check("mountaincar-continuous", power);
    }
}

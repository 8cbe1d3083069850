package org.metarl4j.envs.locomotion;

import org.metarl4j.envs.ParameterRange;

/**
 * Run at a target forward velocity (MAML's HalfCheetah-Vel; pytorch-maml-rl {@code HalfCheetahVelEnv}): the velocity
 * term of the reward is {@code −|v_x − velocity|}.
 *
 * @param velocity the goal forward velocity, m/s
 */
public record CheetahVelTask(double velocity) implements CheetahTask {
    /** What the env accepts; the default distribution is narrower (U[0, 2], MAML's). */
    public static final ParameterRange VELOCITY = new ParameterRange("velocity", -10.0, 10.0);

    @Override
    public void validate() {
        VELOCITY.check("cheetah-vel", velocity);
    }

    @Override
    public double forwardReward(double vx) {
        return -Math.abs(vx - velocity);
    }
}

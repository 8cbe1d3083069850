package org.metarl4j.envs.locomotion;

import org.metarl4j.envs.Task;

/**
 * A locomotion task of the planar cheetah: what forward velocity earns reward. Sealed so that the env's reward
 * ({@link #forwardReward}) is defined for every task it can be given.
 */
public sealed interface CheetahTask extends Task permits CheetahVelTask, CheetahDirTask {

    /** The velocity term of the reward for a torso forward velocity {@code vx} (m/s) over one control step. */
    double forwardReward(double vx);
}

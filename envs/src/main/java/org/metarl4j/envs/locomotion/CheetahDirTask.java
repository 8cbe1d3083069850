package org.metarl4j.envs.locomotion;

/**
 * Run forward or backward (MAML's HalfCheetah-Dir; pytorch-maml-rl {@code HalfCheetahDirEnv}): the velocity term of
 * the reward is {@code direction · v_x}.
 *
 * @param direction +1 (forward, +x) or −1 (backward)
 */
public record CheetahDirTask(int direction) implements CheetahTask {

    @Override
    public void validate() {
        if (direction != 1 && direction != -1) {
            throw new IllegalArgumentException("cheetah-dir parameter direction = " + direction
                    + " is out of range: allowed -1 or 1");
        }
    }

    @Override
    public double forwardReward(double vx) {
        return direction * vx;
    }
}

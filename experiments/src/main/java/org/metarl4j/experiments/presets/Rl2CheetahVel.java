package org.metarl4j.experiments.presets;

/**
 * RL² (GRU, PPO, Gaussian head) on the planar cheetah's goal velocities, 2 episodes per goal; evaluates training
 * and held-out goals: preset {@code rl2-cheetah-vel}; arguments as for {@code metarl4j run}.
 */
public final class Rl2CheetahVel {
    private Rl2CheetahVel() {
    }

    public static void main(String[] args) {
        PresetMain.run("rl2-cheetah-vel", args);
    }
}

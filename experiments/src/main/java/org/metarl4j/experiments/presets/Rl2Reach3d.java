package org.metarl4j.experiments.presets;

/**
 * RL² (GRU, PPO, Gaussian head) on 3D reach with the goal hidden, 2 episodes per goal; evaluates train and
 * held-out goals: preset {@code rl2-reach3d}; arguments as for {@code metarl4j run}.
 */
public final class Rl2Reach3d {
    private Rl2Reach3d() {
    }

    public static void main(String[] args) {
        PresetMain.run("rl2-reach3d", args);
    }
}

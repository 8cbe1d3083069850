package org.metarl4j.experiments.presets;

/**
 * RL² (GRU 64, PPO) on 2D navigation with continuous actions (Gaussian head), 2 episodes per goal (Duan et al.
 * 2016; the task of MAML §5.3): preset {@code rl2-navigation2d}; arguments as for {@code metarl4j run}.
 */
public final class Rl2Navigation2d {
    private Rl2Navigation2d() {
    }

    public static void main(String[] args) {
        PresetMain.run("rl2-navigation2d", args);
    }
}

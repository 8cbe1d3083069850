package org.metarl4j.experiments.presets;

/**
 * RL² (GRU, PPO, Gaussian head) on grasp-lift, 2 episodes per task; evaluates fresh training and held-out tasks: preset {@code rl2-grasp-lift}; arguments as for {@code metarl4j run}.
 */
public final class Rl2GraspLift {
    private Rl2GraspLift() {
    }

    public static void main(String[] args) {
        PresetMain.run("rl2-grasp-lift", args);
    }
}

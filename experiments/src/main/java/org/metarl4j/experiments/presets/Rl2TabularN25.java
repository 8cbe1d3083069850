package org.metarl4j.experiments.presets;

/**
 * RL² (GRU 64, PPO) on tabular MDPs (10 states, 5 actions), n = 25 episodes per trial (RL² Table 2, Duan et al.
 * 2016): preset {@code rl2-tabular-n25}; arguments as for {@code metarl4j run}.
 */
public final class Rl2TabularN25 {
    private Rl2TabularN25() {
    }

    public static void main(String[] args) {
        PresetMain.run("rl2-tabular-n25", args);
    }
}

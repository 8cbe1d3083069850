package org.metarl4j.experiments.presets;

/**
 * RL² (GRU 64, PPO) on Bernoulli bandits, k = 10 arms, n = 100 pulls per trial (RL² Table 1, Duan et al. 2016):
 * preset {@code rl2-bandit-n100-k10}; arguments as for {@code metarl4j run}.
 */
public final class Rl2BanditN100K10 {
    private Rl2BanditN100K10() {
    }

    public static void main(String[] args) {
        PresetMain.run("rl2-bandit-n100-k10", args);
    }
}

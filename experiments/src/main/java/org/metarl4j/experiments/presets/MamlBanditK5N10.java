package org.metarl4j.experiments.presets;

/** MAML-TRPO on 5-armed Bernoulli bandits, 10 pulls per task (pytorch-maml-rl's bandit configuration): preset {@code maml-bandit-k5-n10}; arguments as for {@code metarl4j run}. */
public final class MamlBanditK5N10 {
    private MamlBanditK5N10() {
    }

    public static void main(String[] args) {
        PresetMain.run("maml-bandit-k5-n10", args);
    }
}

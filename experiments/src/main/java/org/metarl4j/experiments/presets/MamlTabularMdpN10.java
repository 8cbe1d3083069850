package org.metarl4j.experiments.presets;

/** MAML-TRPO on 10-state, 5-action tabular MDPs, 10 episodes per task: preset {@code maml-tabular-mdp-n10}; arguments as for {@code metarl4j run}. */
public final class MamlTabularMdpN10 {
    private MamlTabularMdpN10() {
    }

    public static void main(String[] args) {
        PresetMain.run("maml-tabular-mdp-n10", args);
    }
}

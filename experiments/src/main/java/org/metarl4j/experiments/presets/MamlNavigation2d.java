package org.metarl4j.experiments.presets;

/** MAML-TRPO on 2D navigation with pytorch-maml-rl's configuration, 150 iterations: preset {@code maml-navigation2d}; arguments as for {@code metarl4j run}. */
public final class MamlNavigation2d {
    private MamlNavigation2d() {
    }

    public static void main(String[] args) {
        PresetMain.run("maml-navigation2d", args);
    }
}

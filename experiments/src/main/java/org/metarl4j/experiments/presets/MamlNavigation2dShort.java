package org.metarl4j.experiments.presets;

/** The README's main job: MAML-TRPO on 2D navigation, 50 iterations: preset {@code maml-navigation2d-short}; arguments as for {@code metarl4j run}. */
public final class MamlNavigation2dShort {
    private MamlNavigation2dShort() {
    }

    public static void main(String[] args) {
        PresetMain.run("maml-navigation2d-short", args);
    }
}

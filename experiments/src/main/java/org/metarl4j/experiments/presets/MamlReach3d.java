package org.metarl4j.experiments.presets;

/**
 * MAML-TRPO on 3D reach with the goal hidden (ML1 reach-v2 style); evaluates train and held-out goals before and
 * after one step: preset {@code maml-reach3d}; arguments as for {@code metarl4j run}.
 */
public final class MamlReach3d {
    private MamlReach3d() {
    }

    public static void main(String[] args) {
        PresetMain.run("maml-reach3d", args);
    }
}

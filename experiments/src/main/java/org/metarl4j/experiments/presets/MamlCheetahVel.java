package org.metarl4j.experiments.presets;

/**
 * MAML-TRPO on the planar cheetah's goal velocities with the band [0.8, 1.2] m/s held out (pytorch-maml-rl's halfcheetah-vel.yaml scaled down): preset {@code maml-cheetah-vel}; arguments as for {@code metarl4j run}.
 */
public final class MamlCheetahVel {
    private MamlCheetahVel() {
    }

    public static void main(String[] args) {
        PresetMain.run("maml-cheetah-vel", args);
    }
}

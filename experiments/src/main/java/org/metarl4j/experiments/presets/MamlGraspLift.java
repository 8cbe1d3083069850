package org.metarl4j.experiments.presets;

/**
 * MAML-TRPO on grasp-lift (ML1-style manipulation on ode4j), scaled down; evaluates fresh training and held-out tasks: preset {@code maml-grasp-lift}; arguments as for {@code metarl4j run}.
 */
public final class MamlGraspLift {
    private MamlGraspLift() {
    }

    public static void main(String[] args) {
        PresetMain.run("maml-grasp-lift", args);
    }
}

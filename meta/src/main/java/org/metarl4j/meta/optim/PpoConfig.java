package org.metarl4j.meta.optim;

/**
 * MAML-PPO's outer settings.
 *
 * @param clipEpsilon PPO's ratio clip ε (0.2, Schulman et al. 2017)
 * @param epochs Adam steps on each meta-batch (5)
 * @param learningRate Adam's step size (3e-4... 1e-3; default 1e-3)
 */
public record PpoConfig(double clipEpsilon, int epochs, double learningRate) {

    public PpoConfig {
        if (!(clipEpsilon > 0 && clipEpsilon < 1) || epochs < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("invalid PPO settings: clip " + clipEpsilon + ", epochs " + epochs
                    + ", learning rate " + learningRate);
        }
    }

    public static PpoConfig defaults() {
        return new PpoConfig(0.2, 5, 1e-3);
    }
}

package org.metarl4j.meta.optim;

/**
 * TRPO's outer-step settings; the defaults are pytorch-maml-rl's 2D-navigation configuration.
 *
 * @param maxKl trust region: the mean KL(new ‖ old) a step may reach (1e-2)
 * @param cgIterations conjugate-gradient iterations for the natural-gradient direction (10)
 * @param cgDamping λ added to the curvature, (F + λI) (1e-5)
 * @param curvatureSubsample fraction of each task's episodes the curvature products use (1: all, pytorch-maml-rl;
 *     rllab's {@code ConjugateGradientOptimizer} offers the same trade as {@code subsample_factor})
 * @param lineSearchMaxSteps backtracking steps before the update is rejected (15)
 * @param backtrackRatio step-size factor per backtracking step (0.8)
 */
public record TrpoConfig(double maxKl, int cgIterations, double cgDamping, double curvatureSubsample,
                         int lineSearchMaxSteps, double backtrackRatio) {

    public TrpoConfig {
        if (!(maxKl > 0) || cgIterations < 1 || !(cgDamping >= 0) || lineSearchMaxSteps < 1
                || !(backtrackRatio > 0 && backtrackRatio < 1) || !(curvatureSubsample > 0 && curvatureSubsample <= 1)) {
            throw new IllegalArgumentException("invalid TRPO settings: " + this);
        }
    }

    public static TrpoConfig defaults() {
        return new TrpoConfig(1e-2, 10, 1e-5, 1.0, 15, 0.8);
    }
}

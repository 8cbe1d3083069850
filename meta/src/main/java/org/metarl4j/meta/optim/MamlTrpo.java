package org.metarl4j.meta.optim;

import org.metarl4j.meta.maml.Adaptation;
import org.metarl4j.meta.maml.LossBatch;
import org.metarl4j.meta.maml.MamlObjective;

/**
 * TRPO as MAML's outer optimiser (Schulman et al. 2015; pytorch-maml-rl {@code MAMLTRPO.step}):
 * <ol>
 *   <li>g = ∇L(θ) through the inner loop;</li>
 *   <li>x ≈ (H + λI)⁻¹ g by conjugate gradient, H the Hessian of the mean KL through the inner loop (on all
 *       episodes, or on the first ones of each task when {@link TrpoConfig#curvatureSubsample()} &lt; 1);</li>
 *   <li>full step s = x / √(xᵀHx / (2·maxKl));</li>
 *   <li>backtracking line search θ − βʲ s, j = 0, 1, …: accept the first candidate that lowers the loss and keeps
 *       the mean KL below maxKl; keep θ if none does.</li>
 * </ol>
 */
public final class MamlTrpo implements OuterOptimizer {
    private final MamlObjective objective;
    private final TrpoConfig config;

    public MamlTrpo(MamlObjective objective, TrpoConfig config) {
        this.objective = objective;
        this.config = config;
    }

    @Override
    public OuterStep step(double[] theta, Adaptation adaptation, LossBatch support, LossBatch query) {
        long t0 = System.nanoTime();
        try (MamlObjective.Point old = objective.evaluate(theta, adaptation, query)) {
            return step(theta, old, support, query, t0);
        }
    }

    private OuterStep step(double[] theta, MamlObjective.Point old, LossBatch support, LossBatch query, long t0) {
        NonFiniteException.requireFinite("surrogate loss", old.loss());
        double[] gradient = NonFiniteException.requireFinite("meta-gradient", objective.gradient(old, query));
        long t1 = System.nanoTime();
        LossBatch curvatureQuery = subsample(query);
        boolean subsampled = curvatureQuery != query;
        MamlObjective.Point curvature = subsampled
                ? objective.restrictedTo(old, subsample(support), curvatureQuery) : old;
        double[] direction;
        double shs;
        try {
            direction = ConjugateGradient.solve(
                    v -> objective.fisherVector(curvature, curvatureQuery, v, config.cgDamping()), gradient,
                    config.cgIterations(), 1e-10);
            shs = 0.5 * Vectors.dot(direction,
                    objective.fisherVector(curvature, curvatureQuery, direction, config.cgDamping()));
        } finally {
            // the restricted point owns its evaluations; old is closed by the caller
            if (subsampled) {
                curvature.close();
                curvature.adaptation().close();
            }
        }
        if (!(shs > 0) || !Double.isFinite(shs)) {
            throw new NonFiniteException("curvature sᵀHs of the natural-gradient direction is " + shs);
        }
        double[] fullStep = Vectors.scale(1.0 / Math.sqrt(shs / config.maxKl()), direction);
        double gradientNorm = Math.sqrt(Vectors.dot(gradient, gradient));
        long t2 = System.nanoTime();

        double stepSize = 1.0;
        for (int j = 0; j < config.lineSearchMaxSteps(); j++) {
            double[] candidate = Vectors.plusScaled(theta, -stepSize, fullStep);
            MamlObjective.Trial trial = objective.trial(old, candidate, support, query);
            if (trial.loss() - old.loss() < 0 && trial.kl() < config.maxKl()) {
                return new OuterStep(candidate, old.loss(), trial.loss(), trial.kl(), j, gradientNorm,
                        phases(t0, t1, t2));
            }
            stepSize *= config.backtrackRatio();
        }
        return new OuterStep(theta.clone(), old.loss(), old.loss(), 0.0, -1, gradientNorm, phases(t0, t1, t2));
    }

    /** The first round(fraction·E) episodes of each task (at least one). */
    private LossBatch subsample(LossBatch batch) {
        int episodes = batch.episodesPerTask();
        int keep = Math.max(1, Math.min(episodes, (int) Math.round(config.curvatureSubsample() * episodes)));
        return batch.firstEpisodes(keep);
    }

    private static PhaseTimes phases(long start, long gradientDone, long curvatureDone) {
        return new PhaseTimes((gradientDone - start) / 1e9, (curvatureDone - gradientDone) / 1e9,
                (System.nanoTime() - curvatureDone) / 1e9);
    }
}

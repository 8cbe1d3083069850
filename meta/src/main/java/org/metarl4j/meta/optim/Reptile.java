package org.metarl4j.meta.optim;

import org.metarl4j.meta.maml.Adaptation;
import org.metarl4j.meta.maml.LossBatch;

/**
 * Reptile (Nichol, Achiam and Schulman 2018, Alg. 2, batched): adapt θ on each task's support episodes with the
 * inner loop's K steps, then move θ toward the mean adapted parameters, θ ← θ + ε·(mean_i θ'ᵢ − θ). First-order by
 * construction: no query loss and no second derivatives; the query episodes are only used for logging returns.
 */
public final class Reptile implements OuterOptimizer {
    private final double outerStepSize;

    public Reptile(double outerStepSize) {
        if (!(outerStepSize > 0 && outerStepSize <= 1)) {
            throw new IllegalArgumentException("Reptile's outer step size must be in (0, 1], got " + outerStepSize);
        }
        this.outerStepSize = outerStepSize;
    }

    @Override
    public OuterStep step(double[] theta, Adaptation adaptation, LossBatch support, LossBatch query) {
        double[] meanAdapted = adaptation.adapted().mean(0).toDoubleVector();
        double[] next = theta.clone();
        for (int i = 0; i < next.length; i++) {
            next[i] += outerStepSize * (meanAdapted[i] - theta[i]);
        }
        return new OuterStep(next, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                PhaseTimes.none());
    }
}

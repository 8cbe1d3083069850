package org.metarl4j.meta.optim;

import org.metarl4j.meta.maml.Adaptation;
import org.metarl4j.meta.maml.LossBatch;

/**
 * MAML's outer loop update (Finn et al. 2017, Alg. 3 line 10): from the meta-parameters θ and one meta-batch of
 * support episodes (sampled with θ) and query episodes (sampled with each task's adapted θ'ᵢ), new meta-parameters.
 */
public interface OuterOptimizer {

    /**
     * @param adaptation the inner loop's run from θ on {@code support} — the one the query episodes were sampled
     *     with, passed in so it is not computed twice
     */
    OuterStep step(double[] theta, Adaptation adaptation, LossBatch support, LossBatch query);
}

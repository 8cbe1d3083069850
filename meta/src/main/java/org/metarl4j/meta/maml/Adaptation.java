package org.metarl4j.meta.maml;

import java.util.List;
import org.metarl4j.agents.policy.PolicyEvaluation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The inner loop's trajectory for a meta-batch: θ₀ (the meta-parameters, one row per task) through θ_K, and the
 * policy evaluated on the support batch at θ₀ … θ_{K−1} (kept for the Hessian-vector products of the meta-gradient).
 *
 * @param parameters θ₀ … θ_K, each {@code [T, P]}
 * @param evaluations the support-batch evaluation at θ₀ … θ_{K−1}
 * @param innerWeights per-sample weights of the inner loss (−s·A), {@code [T, N]}
 * @param stepSizes α₁ … α_K
 */
public record Adaptation(List<INDArray> parameters, List<PolicyEvaluation> evaluations, INDArray innerWeights,
                         double[] stepSizes) {

    public Adaptation {
        parameters = List.copyOf(parameters);
        evaluations = List.copyOf(evaluations);
        stepSizes = stepSizes.clone();
    }

    /** θ_K, the adapted parameters {@code [T, P]}. */
    public INDArray adapted() {
        return parameters.get(parameters.size() - 1);
    }

    public int steps() {
        return stepSizes.length;
    }
}

package org.metarl4j.meta.maml;

import java.util.List;
import org.metarl4j.agents.policy.PolicyEvaluation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The inner loop's trajectory for a meta-batch: θ₀ (the meta-parameters, one row per task) through θ_K, and the
 * policy evaluated on the support batch at θ₀ … θ_{K−1} (kept for the Hessian-vector products of the meta-gradient).
 * The inner loss's Hessian operators are built on first use and kept: TRPO applies each one twice per
 * conjugate-gradient iteration. {@link #close} frees the evaluations' memory (the parameters stay valid).
 */
public final class Adaptation implements AutoCloseable {
    private final List<INDArray> parameters;
    private final List<PolicyEvaluation> evaluations;
    private final INDArray innerWeights;
    private final double[] stepSizes;
    private final PolicyEvaluation.Hessian[] hessians;

    /**
     * @param parameters θ₀ … θ_K, each {@code [T, P]}
     * @param evaluations the support-batch evaluation at θ₀ … θ_{K−1}
     * @param innerWeights per-sample weights of the inner loss (−s·A), {@code [T, N]}
     * @param stepSizes α₁ … α_K
     */
    public Adaptation(List<INDArray> parameters, List<PolicyEvaluation> evaluations, INDArray innerWeights,
                      double[] stepSizes) {
        if (parameters.size() != stepSizes.length + 1 || evaluations.size() != stepSizes.length) {
            throw new IllegalArgumentException("an adaptation of " + stepSizes.length + " steps needs "
                    + (stepSizes.length + 1) + " parameter sets and " + stepSizes.length + " evaluations, got "
                    + parameters.size() + " and " + evaluations.size());
        }
        this.parameters = List.copyOf(parameters);
        this.evaluations = List.copyOf(evaluations);
        this.innerWeights = innerWeights;
        this.stepSizes = stepSizes.clone();
        this.hessians = new PolicyEvaluation.Hessian[stepSizes.length];
    }

    /** θ₀ … θ_K, each {@code [T, P]}. */
    public List<INDArray> parameters() {
        return parameters;
    }

    /** θ_K, the adapted parameters {@code [T, P]}. */
    public INDArray adapted() {
        return parameters.get(parameters.size() - 1);
    }

    public int steps() {
        return stepSizes.length;
    }

    /** α_{k+1}, the step size of inner step k (0-based). */
    public double stepSize(int k) {
        return stepSizes[k];
    }

    /** H_k, the inner loss's Hessian at θ_k (0-based), per task. */
    public PolicyEvaluation.Hessian innerHessian(int k) {
        if (hessians[k] == null) {
            hessians[k] = evaluations.get(k).hessian(innerWeights);
        }
        return hessians[k];
    }

    @Override
    public void close() {
        evaluations.forEach(PolicyEvaluation::close);
    }
}

package org.metarl4j.agents.policy;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link BatchedPolicy} evaluated at parameters θ ({@code [T, P]}) on observations and actions ({@code [T, N, ·]}),
 * with the derivatives meta-RL needs. Every loss of MAML-TRPO is a weighted sum over samples of a per-sample term, so
 * derivatives take per-sample weights {@code w [T, N]} (zero for padding) and return one row per task:
 * <ul>
 *   <li>{@link #gradient}: ∂/∂θᵢ Σₙ wᵢₙ log π_θᵢ(aᵢₙ | sᵢₙ) — the REINFORCE / surrogate gradient;</li>
 *   <li>{@link #hessianVector}: (∂²/∂θᵢ² Σₙ wᵢₙ log π_θᵢ(aᵢₙ | sᵢₙ)) vᵢ — exact (Pearlmutter's R-operator), for the
 *       second-order meta-gradient through inner steps;</li>
 *   <li>{@link #fisherVector}: (Σₙ wᵢₙ Fᵢₙ) vᵢ with Fᵢₙ the Hessian in θ' of KL(π_θ'(·|sᵢₙ) ‖ π_θᵢ(·|sᵢₙ)) at
 *       θ' = θᵢ (the Fisher information of the action distribution) — TRPO's curvature.</li>
 * </ul>
 *
 * <p>An evaluation holds activation-sized arrays off the Java heap. {@link #close} frees them at once (else they wait
 * for the garbage collector, and fresh off-heap memory was measured ten times slower to fill than reused memory);
 * arrays it returned ({@link #logProb}) are invalid afterwards, derivative results stay valid.
 */
public interface PolicyEvaluation extends AutoCloseable {

    /** log π_θᵢ(aᵢₙ | sᵢₙ), {@code [T, N]}. */
    INDArray logProb();

    /** KL(this ‖ other) per sample, {@code [T, N]}: {@code other} must be on the same observations. */
    INDArray klDivergenceFrom(PolicyEvaluation other);

    /** {@code [T, P]}: row i = ∂/∂θᵢ Σₙ w[i,n] log π_θᵢ(aᵢₙ|sᵢₙ). */
    INDArray gradient(INDArray weights);

    /** {@code [T, P]}: row i = (∂²/∂θᵢ² Σₙ w[i,n] log π_θᵢ(aᵢₙ|sᵢₙ)) · v[i]. */
    default INDArray hessianVector(INDArray weights, INDArray v) {
        return hessian(weights).times(v);
    }

    /**
     * The Hessian of Σₙ w log π as an operator: what does not depend on the direction (the backpropagated first
     * derivatives) is computed once here, so repeated products with the same weights — an inner step's Jacobian
     * inside conjugate gradient — pay only for their direction-dependent part.
     */
    Hessian hessian(INDArray weights);

    /** The per-task Hessians of one weighted log-likelihood. */
    @FunctionalInterface
    interface Hessian {
        /** {@code [T, P]}: row i = Hᵢ · v[i], for v {@code [T or 1, P]}. */
        INDArray times(INDArray v);
    }

    /** {@code [T, P]}: row i = (Σₙ w[i,n] Fᵢₙ) · v[i], the Fisher (KL Hessian) product. */
    INDArray fisherVector(INDArray weights, INDArray v);

    /** Frees the cached arrays and those of the Hessian operators built from this evaluation; idempotent. */
    @Override
    void close();
}

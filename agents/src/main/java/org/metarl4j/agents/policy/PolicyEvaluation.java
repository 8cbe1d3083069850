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
 */
public interface PolicyEvaluation {

    /** log π_θᵢ(aᵢₙ | sᵢₙ), {@code [T, N]}. */
    INDArray logProb();

    /** KL(this ‖ other) per sample, {@code [T, N]}: {@code other} must be on the same observations. */
    INDArray klDivergenceFrom(PolicyEvaluation other);

    /** {@code [T, P]}: row i = ∂/∂θᵢ Σₙ w[i,n] log π_θᵢ(aᵢₙ|sᵢₙ). */
    INDArray gradient(INDArray weights);

    /** {@code [T, P]}: row i = (∂²/∂θᵢ² Σₙ w[i,n] log π_θᵢ(aᵢₙ|sᵢₙ)) · v[i]. */
    INDArray hessianVector(INDArray weights, INDArray v);

    /** {@code [T, P]}: row i = (Σₙ w[i,n] Fᵢₙ) · v[i], the Fisher (KL Hessian) product. */
    INDArray fisherVector(INDArray weights, INDArray v);
}

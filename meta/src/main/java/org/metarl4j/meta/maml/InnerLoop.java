package org.metarl4j.meta.maml;

import java.util.ArrayList;
import java.util.List;
import org.metarl4j.agents.policy.BatchedPolicy;
import org.metarl4j.agents.policy.PolicyEvaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * MAML's inner loop (Finn et al. 2017, Alg. 3, lines 5-7) and the exact derivatives through it.
 *
 * <p>Adaptation: K vanilla policy-gradient steps on the support episodes of each task, all tasks at once,
 * θ_{k+1} = θ_k − α_{k+1} ∇L_in(θ_k), with L_in(θ) = −Σₙ sₙ Aₙ log π_θ(aₙ|sₙ) (pytorch-maml-rl's
 * {@code reinforce_loss}; every step reuses the same support episodes, as pytorch-maml-rl does).
 *
 * <p>Derivatives: the Jacobian of θ_K with respect to θ₀ is J = Π_k (I − α_{k+1} H_k), H_k the Hessian of L_in at
 * θ_k (symmetric). {@link #pullBack} computes Jᵀv (the chain rule of the second-order meta-gradient) and
 * {@link #pushForward} Jv, each with K exact Hessian-vector products; in first-order mode (FOMAML) J = I.
 */
public final class InnerLoop {
    private final BatchedPolicy policy;
    private final double[] stepSizes;
    private final boolean firstOrder;

    /**
     * @param stepSizes α₁ … α_K (K ≥ 1; a per-step learning rate as in the MAML paper's evaluation)
     * @param firstOrder drop the second-order terms (J = I)
     */
    public InnerLoop(BatchedPolicy policy, double[] stepSizes, boolean firstOrder) {
        if (stepSizes.length == 0) {
            throw new IllegalArgumentException("the inner loop needs at least one step size");
        }
        for (double a : stepSizes) {
            if (!(a > 0) || !Double.isFinite(a)) {
                throw new IllegalArgumentException("inner step sizes must be finite and > 0, got " + a);
            }
        }
        this.policy = policy;
        this.stepSizes = stepSizes.clone();
        this.firstOrder = firstOrder;
    }

    public int steps() {
        return stepSizes.length;
    }

    public boolean firstOrder() {
        return firstOrder;
    }

    /** Adapts θ ({@code [P]}, the same start for every task) on {@code support}. */
    public Adaptation adapt(double[] theta, LossBatch support) {
        return adapt(broadcast(theta, support.tasks(), support.observations().dataType()), support);
    }

    /** Adapts per-task starting parameters θ₀ {@code [T, P]} on {@code support}. */
    public Adaptation adapt(INDArray theta0, LossBatch support) {
        INDArray weights = support.reinforceWeights();
        List<INDArray> params = new ArrayList<>(stepSizes.length + 1);
        List<PolicyEvaluation> evaluations = new ArrayList<>(stepSizes.length);
        INDArray theta = theta0;
        params.add(theta);
        for (double alpha : stepSizes) {
            PolicyEvaluation evaluation = policy.evaluate(theta, support.observations(), support.actions());
            evaluations.add(evaluation);
            theta = theta.sub(evaluation.gradient(weights).muli(alpha));
            params.add(theta);
        }
        return new Adaptation(params, evaluations, weights, stepSizes);
    }

    /**
     * The same inner-loop trajectory (θ₀ … θ_K unchanged) with its Hessians taken on another support batch, e.g. a
     * subsample of the episodes it was computed on.
     */
    public Adaptation reevaluate(Adaptation adaptation, LossBatch support) {
        List<PolicyEvaluation> evaluations = new ArrayList<>(adaptation.steps());
        for (int k = 0; k < adaptation.steps(); k++) {
            evaluations.add(policy.evaluate(adaptation.parameters().get(k), support.observations(),
                    support.actions()));
        }
        return new Adaptation(adaptation.parameters(), evaluations, support.reinforceWeights(), stepSizes);
    }

    /** Jᵀv for v {@code [T, P]}: v ← v − α_k H_{k−1} v for k = K … 1. */
    public INDArray pullBack(Adaptation adaptation, INDArray v) {
        if (firstOrder) {
            return v;
        }
        INDArray out = v;
        for (int k = adaptation.steps() - 1; k >= 0; k--) {
            out = out.sub(adaptation.innerHessian(k).times(out).muli(adaptation.stepSize(k)));
        }
        return out;
    }

    /** Jv for v {@code [T, P]}: v ← v − α_k H_{k−1} v for k = 1 … K. */
    public INDArray pushForward(Adaptation adaptation, INDArray v) {
        if (firstOrder) {
            return v;
        }
        INDArray out = v;
        for (int k = 0; k < adaptation.steps(); k++) {
            out = out.sub(adaptation.innerHessian(k).times(out).muli(adaptation.stepSize(k)));
        }
        return out;
    }

    /** {@code [T, P]}: {@code theta} as one row repeated T times. */
    static INDArray broadcast(double[] theta, int tasks, DataType dataType) {
        INDArray row = Nd4j.create(theta, new long[] {1, theta.length}, dataType);
        return tasks == 1 ? row : Nd4j.tile(row, tasks, 1);
    }
}

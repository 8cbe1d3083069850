package org.metarl4j.meta.maml;

import org.metarl4j.agents.policy.BatchedPolicy;
import org.metarl4j.agents.policy.PolicyEvaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * MAML-TRPO's meta-objective (Finn et al. 2017 §5.3; pytorch-maml-rl {@code MAMLTRPO.surrogate_loss}) as a function
 * of the meta-parameters θ ({@code [P]}), for one meta-batch of support and query episodes:
 * L(θ) = (1/T) Σᵢ −Σₙ sₙ Aₙ π_{θ'ᵢ}(aₙ|sₙ) / π_old(aₙ|sₙ), with θ'ᵢ = θ adapted on task i's support episodes and
 * π_old the adapted policy at the θ the query episodes were sampled with. Its gradient goes exactly through the
 * inner loop (second order unless the inner loop is first-order); TRPO's curvature is the Hessian of the mean KL
 * divergence KL(π_{θ'(θ)} ‖ π_old) at θ = θ_old, which is Jᵀ F J (J = ∂θ'/∂θ, F the Fisher at θ'), since the KL's
 * gradient vanishes there.
 */
public final class MamlObjective {
    private final BatchedPolicy policy;
    private final InnerLoop innerLoop;

    public MamlObjective(BatchedPolicy policy, InnerLoop innerLoop) {
        this.policy = policy;
        this.innerLoop = innerLoop;
    }

    public InnerLoop innerLoop() {
        return innerLoop;
    }

    /**
     * The objective at θ: the adaptation, the old (query-time) policy, and the loss value (all ratios are 1).
     * {@link #close} frees the query evaluation; the adaptation belongs to whoever made it.
     */
    public record Point(double[] theta, Adaptation adaptation, PolicyEvaluation query, double loss)
            implements AutoCloseable {
        @Override
        public void close() {
            query.close();
        }
    }

    /** The loss and mean KL of a candidate θ relative to {@link Point}'s policy. */
    public record Trial(double loss, double kl) {
    }

    public Point evaluate(double[] theta, LossBatch support, LossBatch query) {
        return evaluate(theta, innerLoop.adapt(theta, support), query);
    }

    /** The objective at θ given the inner loop's run from θ ({@code adaptation}). */
    public Point evaluate(double[] theta, Adaptation adaptation, LossBatch query) {
        PolicyEvaluation old = policy.evaluate(adaptation.adapted(), query.observations(), query.actions());
        double loss = -query.sampleWeights().mul(query.advantages()).sumNumber().doubleValue() / query.tasks();
        return new Point(theta.clone(), adaptation, old, loss);
    }

    /**
     * {@code point} seen through other support and query batches — subsamples of its episodes — for cheaper
     * curvature products: the parameters θ₀ … θ_K stay those of the whole batch, only the sums over samples shrink.
     */
    public Point restrictedTo(Point point, LossBatch support, LossBatch query) {
        Adaptation adaptation = innerLoop.reevaluate(point.adaptation(), support);
        PolicyEvaluation old = policy.evaluate(adaptation.adapted(), query.observations(), query.actions());
        return new Point(point.theta(), adaptation, old, point.loss());
    }

    /** ∇L(θ) at {@code point}, exact through the inner loop. */
    public double[] gradient(Point point, LossBatch query) {
        // At θ_old every ratio is 1, so ∂ratio/∂θ' = ∇ log π: weights −s·A / T.
        INDArray v = point.query().gradient(query.reinforceWeights().divi(query.tasks()));
        return innerLoop.pullBack(point.adaptation(), v).sum(0).toDoubleVector();
    }

    /** (Jᵀ F J + damping·I) v: the Hessian of the mean KL at θ_old applied to {@code v} {@code [P]}. */
    public double[] fisherVector(Point point, LossBatch query, double[] v, double damping) {
        INDArray u = InnerLoop.broadcast(v, query.tasks(), query.observations().dataType());
        u = innerLoop.pushForward(point.adaptation(), u);
        INDArray f = point.query().fisherVector(query.sampleWeights().div(query.tasks()), u);
        double[] out = innerLoop.pullBack(point.adaptation(), f).sum(0).toDoubleVector();
        for (int i = 0; i < out.length; i++) {
            out[i] += damping * v[i];
        }
        return out;
    }

    /**
     * Loss and mean KL(new ‖ old) at a candidate θ (values only: its adaptation needs no second-order terms).
     */
    public Trial trial(Point old, double[] theta, LossBatch support, LossBatch query) {
        try (Adaptation adaptation = innerLoop.adapt(theta, support);
             PolicyEvaluation candidate = policy.evaluate(adaptation.adapted(), query.observations(),
                     query.actions())) {
            INDArray ratio = Transforms.exp(candidate.logProb().sub(old.query().logProb()), false);
            INDArray weights = query.sampleWeights();
            double loss = -ratio.muli(query.advantages()).muli(weights).sumNumber().doubleValue() / query.tasks();
            double kl = candidate.klDivergenceFrom(old.query()).muli(weights).sumNumber().doubleValue()
                    / query.tasks();
            return new Trial(loss, kl);
        }
    }

    /** The clipped surrogate at a candidate θ, with its exact gradient through the inner loop. */
    public record Clipped(double loss, double kl, double[] gradient) {
    }

    /**
     * PPO's clipped surrogate (Schulman et al. 2017), L = (1/T) Σᵢ −Σₙ sₙ min(rₙAₙ, clip(rₙ, 1−ε, 1+ε)Aₙ) with
     * rₙ = π_{θ'}(aₙ|sₙ)/π_old(aₙ|sₙ), at θ relative to {@code old}, and ∇L(θ) through the inner loop.
     */
    public Clipped clippedSurrogate(Point old, double[] theta, LossBatch support, LossBatch query,
                                    double epsilon) {
        try (Adaptation adaptation = innerLoop.adapt(theta, support);
             PolicyEvaluation candidate = policy.evaluate(adaptation.adapted(), query.observations(),
                     query.actions())) {
            return clippedSurrogate(old, adaptation, candidate, query, epsilon);
        }
    }

    private Clipped clippedSurrogate(Point old, Adaptation adaptation, PolicyEvaluation candidate, LossBatch query,
                                     double epsilon) {
        INDArray ratio = Transforms.exp(candidate.logProb().sub(old.query().logProb()), false);
        INDArray advantages = query.advantages();
        INDArray unclipped = ratio.mul(advantages);
        INDArray clipped = Transforms.min(Transforms.max(ratio, 1.0 - epsilon, true), 1.0 + epsilon, false)
                .muli(advantages);
        INDArray weights = query.sampleWeights();
        double loss = -Transforms.min(unclipped, clipped, true).muli(weights).sumNumber().doubleValue()
                / query.tasks();
        // ∂/∂θ' of −s·min(rA, clip(r)A): −s·A·r·∇log π where the unclipped term is the smaller one, else 0.
        INDArray active = clipped.lt(unclipped).castTo(ratio.dataType()).rsubi(1.0);
        INDArray sampleGradientWeights = unclipped.muli(active).muli(weights).negi().divi(query.tasks());
        double[] gradient = innerLoop.pullBack(adaptation, candidate.gradient(sampleGradientWeights))
                .sum(0).toDoubleVector();
        double kl = candidate.klDivergenceFrom(old.query()).muli(weights).sumNumber().doubleValue() / query.tasks();
        return new Clipped(loss, kl, gradient);
    }
}

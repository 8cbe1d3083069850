package org.metarl4j.meta.rl2;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How the entropy coefficient enters an RL² PPO update (garage's {@code entropy_method}; Levine 2018, "Reinforcement
 * Learning and Control as Probabilistic Inference", for the maximum-entropy objective).
 *
 * <ul>
 *   <li>{@link #REGULARIZED}: the mean entropy of the batch's action distributions is a bonus in the loss (PPO's
 *       usual −c·H term): it pushes each step's distribution towards uniform, but only where the gradient of the
 *       surrogate is weak.
 *   <li>{@link #MAX}: every step's reward gets c·(−log π(a_t|h_t)) of the sampling policy, the maximum-entropy
 *       objective E[Σ γ^t (r_t + c·H(π(·|h_t)))]: the returns (and so the advantages of earlier actions) value
 *       histories where the policy is still uncertain, and the score-function gradient of the current step's term is
 *       exactly ∇H. As in garage, no gradient flows through the reward itself. garage's own default puts the
 *       distribution's entropy H(π(·|h_t)) into the reward instead ({@code use_neg_logli_entropy=False}); that term
 *       does not depend on the action taken, so it adds nothing to the current step's gradient and, measured on a
 *       3-armed bandit here with garage's unnormalised advantages, left the policy less random than no entropy term
 *       at all (entropy 0.55 against 0.70 after 30 iterations; a variant of this code, not kept). garage's RL2PPO
 *       examples use c = 0.02. The advantages stay normalised (garage refuses {@code center_adv} with this method;
 *       centring and scaling by batch constants do not change the expected gradient's direction).
 * </ul>
 */
public enum EntropyMethod {
    REGULARIZED, MAX;

    /** The name configs use: {@code regularized}, {@code max}. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.metarl4j.meta.optim;

/**
 * What one outer (meta) update did; fields an optimiser does not have are NaN (PPO and Reptile have no line search).
 *
 * @param theta the meta-parameters after the update (the old ones if TRPO's line search rejected every candidate)
 * @param lossBefore outer loss at the old parameters
 * @param lossAfter outer loss at the new parameters (TRPO: = lossBefore if rejected)
 * @param kl mean KL(new ‖ old) of the adapted policies on the query episodes (TRPO: 0 if rejected)
 * @param lineSearchSteps TRPO's backtracking steps before acceptance (0 = full step), -1 if rejected, NaN otherwise
 * @param gradientNorm ‖∇L‖ of the (first) meta-gradient; NaN for Reptile
 * @param phases seconds spent per phase of the update, in order (e.g. TRPO: gradient, conjugate gradient, line
 *     search)
 */
public record OuterStep(double[] theta, double lossBefore, double lossAfter, double kl, double lineSearchSteps,
                        double gradientNorm, PhaseTimes phases) {

    /** False only when TRPO's line search rejected every candidate. */
    public boolean accepted() {
        return !(lineSearchSteps < 0);
    }
}

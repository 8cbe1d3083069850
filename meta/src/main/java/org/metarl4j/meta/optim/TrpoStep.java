package org.metarl4j.meta.optim;

/**
 * What one TRPO outer step did.
 *
 * @param theta the parameters after the step (the old ones if the line search rejected every candidate)
 * @param lossBefore surrogate loss at the old parameters
 * @param lossAfter surrogate loss at the accepted parameters (= lossBefore if rejected)
 * @param kl mean KL(new ‖ old) of the accepted step (0 if rejected)
 * @param lineSearchSteps backtracking steps taken before acceptance (0 = full step), or -1 if rejected
 * @param gradientNorm ‖∇L‖ of the meta-gradient
 */
public record TrpoStep(double[] theta, double lossBefore, double lossAfter, double kl, int lineSearchSteps,
                       double gradientNorm) {

    public boolean accepted() {
        return lineSearchSteps >= 0;
    }
}

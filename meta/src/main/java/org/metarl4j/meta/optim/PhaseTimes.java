package org.metarl4j.meta.optim;

/**
 * Wall-clock seconds of the phases of one outer update (NaN where an optimiser has no such phase).
 *
 * @param gradient the loss, its adaptation and the meta-gradient
 * @param curvature conjugate gradient on the KL curvature (TRPO), or the optimiser's epochs (PPO)
 * @param lineSearch TRPO's backtracking line search
 */
public record PhaseTimes(double gradient, double curvature, double lineSearch) {

    public static PhaseTimes none() {
        return new PhaseTimes(Double.NaN, Double.NaN, Double.NaN);
    }
}

package org.metarl4j.meta.maml;

import org.metarl4j.agents.stats.MeanInterval;

/**
 * Returns on fresh tasks before adaptation (k = 0) and after k = 1 … K inner steps: the mean over tasks of each task's
 * mean episode return, with the half-width of a normal 95% confidence interval over tasks (1.96·sd/√tasks).
 *
 * @param meanReturn index k = number of adaptation steps
 * @param ci95 half-widths, same indexing
 * @param tasks how many fresh tasks
 * @param episodesPerTask episodes per task and k
 */
public record Evaluation(double[] meanReturn, double[] ci95, int tasks, int episodesPerTask) {

    public Evaluation {
        meanReturn = meanReturn.clone();
        ci95 = ci95.clone();
    }

    public double before() {
        return meanReturn[0];
    }

    /** After one adaptation step. */
    public double after() {
        return meanReturn[1];
    }

    /** From per-task returns {@code perTask[k][task]}. */
    static Evaluation of(double[][] perTask, int episodesPerTask) {
        int steps = perTask.length;
        double[] mean = new double[steps];
        double[] ci = new double[steps];
        for (int k = 0; k < steps; k++) {
            mean[k] = MeanInterval.mean(perTask[k]);
            ci[k] = MeanInterval.halfWidth95(perTask[k]);
        }
        return new Evaluation(mean, ci, perTask[0].length, episodesPerTask);
    }
}

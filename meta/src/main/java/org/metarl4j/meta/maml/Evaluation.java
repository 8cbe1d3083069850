package org.metarl4j.meta.maml;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.metarl4j.agents.stats.MeanInterval;

/**
 * Returns on fresh tasks before adaptation (k = 0) and after k = 1 … K inner steps: the mean over tasks of each task's
 * mean episode return, with the half-width of a normal 95% confidence interval over tasks (1.96·sd/√tasks).
 *
 * @param meanReturn index k = number of adaptation steps
 * @param ci95 half-widths, same indexing
 * @param tasks how many fresh tasks
 * @param episodesPerTask episodes per task and k
 * @param successRate for envs that report success: the mean over tasks of the fraction of a task's episodes that
 *     succeeded at any step, same indexing; null otherwise (and left out of the JSON)
 * @param successCi95 half-widths of its 95% intervals over tasks; null with {@code successRate}
 */
// eval.json adds fields beside these (heldOut), which a reader of this record skips
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evaluation(double[] meanReturn, double[] ci95, int tasks, int episodesPerTask, double[] successRate,
                         double[] successCi95) {

    public Evaluation {
        meanReturn = meanReturn.clone();
        ci95 = ci95.clone();
        successRate = successRate == null ? null : successRate.clone();
        successCi95 = successCi95 == null ? null : successCi95.clone();
    }

    /** Returns only (envs without a success flag). */
    public Evaluation(double[] meanReturn, double[] ci95, int tasks, int episodesPerTask) {
        this(meanReturn, ci95, tasks, episodesPerTask, null, null);
    }

    /** Whether the success rates were recorded. */
    public boolean hasSuccess() {
        return successRate != null;
    }

    public double before() {
        return meanReturn[0];
    }

    /** After one adaptation step. */
    public double after() {
        return meanReturn[1];
    }

    /** From per-task returns {@code perTask[k][task]} and success rates {@code success[k][task]} (or null). */
    static Evaluation of(double[][] perTask, double[][] success, int episodesPerTask) {
        int steps = perTask.length;
        double[] mean = new double[steps];
        double[] ci = new double[steps];
        double[] rate = success == null ? null : new double[steps];
        double[] rateCi = success == null ? null : new double[steps];
        for (int k = 0; k < steps; k++) {
            mean[k] = MeanInterval.mean(perTask[k]);
            ci[k] = MeanInterval.halfWidth95(perTask[k]);
            if (success != null) {
                rate[k] = MeanInterval.mean(success[k]);
                rateCi[k] = MeanInterval.halfWidth95(success[k]);
            }
        }
        return new Evaluation(mean, ci, perTask[0].length, episodesPerTask, rate, rateCi);
    }
}

package org.metarl4j.agents.trial;

/**
 * Total reward per trial over fresh tasks: the mean, the half-width of its normal 95% interval (1.96·sd/√trials).
 */
public record TrialScore(String policy, int episodesPerTrial, int trials, double mean, double ci95) {

    static TrialScore of(String policy, int episodesPerTrial, double[] totals) {
        double mean = 0;
        for (double t : totals) {
            mean += t;
        }
        mean /= totals.length;
        double ss = 0;
        for (double t : totals) {
            ss += (t - mean) * (t - mean);
        }
        double ci = totals.length > 1 ? 1.96 * Math.sqrt(ss / (totals.length - 1)) / Math.sqrt(totals.length) : 0;
        return new TrialScore(policy, episodesPerTrial, totals.length, mean, ci);
    }
}

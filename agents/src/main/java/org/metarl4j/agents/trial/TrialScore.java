package org.metarl4j.agents.trial;

import org.metarl4j.agents.stats.MeanInterval;

/**
 * Total reward per trial over fresh tasks: the mean, the half-width of its normal 95% interval (1.96·sd/√trials),
 * and the mean return of each episode of the trial (first to last: what the policy adapted within the trial).
 */
public record TrialScore(String policy, int episodesPerTrial, int trials, double mean, double ci95,
                         double[] episodeMeans) {

    /** From per-trial, per-episode returns {@code [trial][episode]}. */
    static TrialScore of(String policy, double[][] returns) {
        int episodes = returns[0].length;
        double[] totals = new double[returns.length];
        double[] episodeMeans = new double[episodes];
        for (int i = 0; i < returns.length; i++) {
            for (int j = 0; j < episodes; j++) {
                totals[i] += returns[i][j];
                episodeMeans[j] += returns[i][j] / returns.length;
            }
        }
        return new TrialScore(policy, episodes, returns.length, MeanInterval.mean(totals),
                MeanInterval.halfWidth95(totals), episodeMeans);
    }
}

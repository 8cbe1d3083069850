package org.metarl4j.agents.trial;

import org.metarl4j.agents.stats.MeanInterval;

/**
 * Total reward per trial over fresh tasks: the mean, the half-width of its normal 95% interval (1.96·sd/√trials).
 */
public record TrialScore(String policy, int episodesPerTrial, int trials, double mean, double ci95) {

    static TrialScore of(String policy, int episodesPerTrial, double[] totals) {
        return new TrialScore(policy, episodesPerTrial, totals.length, MeanInterval.mean(totals),
                MeanInterval.halfWidth95(totals));
    }
}

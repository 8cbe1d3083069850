package org.metarl4j.agents.trial;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.metarl4j.agents.stats.MeanInterval;

/**
 * Total reward per trial over fresh tasks: the mean, the half-width of its normal 95% interval (1.96·sd/√trials),
 * and the mean return of each episode of the trial (first to last: what the policy adapted within the trial). For
 * envs that report success also the fraction of trials whose episode j succeeded at any step, and of trials with a
 * success in any episode, each with a 95% interval over trials; null otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialScore(String policy, int episodesPerTrial, int trials, double mean, double ci95,
                         double[] episodeMeans, double[] episodeSuccess, double[] episodeSuccessCi95,
                         Double trialSuccess, Double trialSuccessCi95) {

    /** From per-trial, per-episode returns {@code [trial][episode]}. */
    static TrialScore of(String policy, double[][] returns) {
        return of(policy, returns, null);
    }

    /** As {@link #of(String, double[][])}, with per-trial, per-episode success flags (or null). */
    static TrialScore of(String policy, double[][] returns, boolean[][] successes) {
        int episodes = returns[0].length;
        double[] totals = new double[returns.length];
        double[] episodeMeans = new double[episodes];
        for (int i = 0; i < returns.length; i++) {
            for (int j = 0; j < episodes; j++) {
                totals[i] += returns[i][j];
                episodeMeans[j] += returns[i][j] / returns.length;
            }
        }
        if (successes == null) {
            return new TrialScore(policy, episodes, returns.length, MeanInterval.mean(totals),
                    MeanInterval.halfWidth95(totals), episodeMeans, null, null, null, null);
        }
        double[] rate = new double[episodes];
        double[] rateCi = new double[episodes];
        double[] any = new double[returns.length];
        for (int j = 0; j < episodes; j++) {
            double[] flags = new double[returns.length];
            for (int i = 0; i < returns.length; i++) {
                flags[i] = successes[i][j] ? 1 : 0;
                any[i] = Math.max(any[i], flags[i]);
            }
            rate[j] = MeanInterval.mean(flags);
            rateCi[j] = MeanInterval.halfWidth95(flags);
        }
        return new TrialScore(policy, episodes, returns.length, MeanInterval.mean(totals),
                MeanInterval.halfWidth95(totals), episodeMeans, rate, rateCi, MeanInterval.mean(any),
                MeanInterval.halfWidth95(any));
    }
}

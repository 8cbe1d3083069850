package org.metarl4j.agents.trial;

import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.envs.tabular.TabularMdpTask;
import org.metarl4j.envs.tabular.ValueIteration;

/**
 * The reference rows of RL²'s Table 2 (tabular MDPs, one-hot state observations): uniform random actions, and the
 * optimal policy of the true MDP by finite-horizon value iteration — an oracle that is told the task, the upper
 * reference ("value iteration score") of the normalised scores in SNAIL's Table 4.
 */
public final class TabularBaselines {
    private TabularBaselines() {
    }

    public static TrialPolicy<TabularMdpTask> random(int actions) {
        return new TrialPolicy<>() {
            private int trials;

            @Override
            public String name() {
                return "Random";
            }

            @Override
            public void startTrials(List<TabularMdpTask> tasks) {
                trials = tasks.size();
            }

            @Override
            public void act(double[] observations, SplittableRandom rng, double[] actionsOut) {
                for (int i = 0; i < trials; i++) {
                    actionsOut[i] = rng.nextInt(actions);
                }
            }

            @Override
            public void observe(double[] actions, double[] rewards, boolean[] episodeEnded) {
            }
        };
    }

    /** Follows each task's optimal non-stationary policy for episodes of {@code horizon} steps. */
    public static TrialPolicy<TabularMdpTask> valueIterationOracle(int horizon) {
        return new TrialPolicy<>() {
            private int[][][] policies = new int[0][][];
            private int[] step = new int[0];

            @Override
            public String name() {
                return "Value iteration (true MDP)";
            }

            @Override
            public void startTrials(List<TabularMdpTask> tasks) {
                policies = new int[tasks.size()][][];
                for (int i = 0; i < tasks.size(); i++) {
                    policies[i] = ValueIteration.optimalPolicy(tasks.get(i), horizon);
                }
                step = new int[tasks.size()];
            }

            @Override
            public void act(double[] observations, SplittableRandom rng, double[] actionsOut) {
                int states = policies.length == 0 ? 0 : observations.length / policies.length;
                for (int i = 0; i < policies.length; i++) {
                    int s = 0;
                    for (int k = 0; k < states; k++) {
                        if (observations[i * states + k] > 0.5) {
                            s = k;
                        }
                    }
                    actionsOut[i] = policies[i][Math.min(step[i], horizon - 1)][s];
                }
            }

            @Override
            public void observe(double[] actions, double[] rewards, boolean[] episodeEnded) {
                for (int i = 0; i < step.length; i++) {
                    step[i] = episodeEnded[i] ? 0 : step[i] + 1;
                }
            }
        };
    }
}

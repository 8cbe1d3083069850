package org.metarl4j.agents.trial;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.envs.bandit.BanditTask;

/**
 * The classic multi-armed bandit strategies of RL²'s Table 1, as trial policies over k arms (one pull per episode):
 * uniform random, UCB1 (Auer et al. 2002) and Thompson sampling with a Beta(1, 1) prior (Thompson 1933; Chapelle &
 * Li 2011). They learn from the rewards of the trial only; none reads the task.
 */
public final class BanditBaselines {
    private BanditBaselines() {
    }

    /** Pulls an arm uniformly at random: the table's "Random" row. */
    public static TrialPolicy<BanditTask> random(int arms) {
        return new Statistics("Random", arms) {
            @Override
            int choose(int trial, SplittableRandom rng) {
                return rng.nextInt(arms);
            }
        };
    }

    /**
     * UCB1: every arm once, then argmax of mean + c·√(ln t / nₐ) (t pulls so far); Auer et al.'s c = √2.
     */
    public static TrialPolicy<BanditTask> ucb1(int arms, double c) {
        if (!(c >= 0)) {
            throw new IllegalArgumentException("UCB1's exploration coefficient must be >= 0, got " + c);
        }
        return new Statistics(String.format(java.util.Locale.ROOT, "UCB1 (c=%.3g)", c), arms) {
            @Override
            int choose(int trial, SplittableRandom rng) {
                int t = 0;
                for (int a = 0; a < arms; a++) {
                    if (pulls[trial][a] == 0) {
                        return a;
                    }
                    t += pulls[trial][a];
                }
                int best = 0;
                double bestValue = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < arms; a++) {
                    double n = pulls[trial][a];
                    double value = sums[trial][a] / n + c * Math.sqrt(Math.log(t) / n);
                    if (value > bestValue) {
                        bestValue = value;
                        best = a;
                    }
                }
                return best;
            }
        };
    }

    /** Thompson sampling: draw pₐ ~ Beta(1 + successes, 1 + failures) per arm, pull the argmax. */
    public static TrialPolicy<BanditTask> thompson(int arms) {
        return new Statistics("Thompson sampling", arms) {
            @Override
            int choose(int trial, SplittableRandom rng) {
                int best = 0;
                double bestValue = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < arms; a++) {
                    int successes = (int) Math.round(sums[trial][a]);
                    double p = beta(1 + successes, 1 + pulls[trial][a] - successes, rng);
                    if (p > bestValue) {
                        bestValue = p;
                        best = a;
                    }
                }
                return best;
            }
        };
    }

    /** Beta(a, b) for whole a, b ≥ 1: Gₐ / (Gₐ + G_b) with Gamma(k, 1) a sum of k standard exponentials. */
    static double beta(int a, int b, SplittableRandom rng) {
        double x = gamma(a, rng);
        double y = gamma(b, rng);
        return x / (x + y);
    }

    private static double gamma(int k, SplittableRandom rng) {
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum -= Math.log(1.0 - rng.nextDouble()); // 1 − U ∈ (0, 1]: never log 0
        }
        return sum;
    }

    /** Per-trial pull counts and reward sums, the memory every strategy here uses. */
    private abstract static class Statistics implements TrialPolicy<BanditTask> {
        private final String name;
        final int arms;
        int[][] pulls = new int[0][];
        double[][] sums = new double[0][];

        Statistics(String name, int arms) {
            if (arms < 1) {
                throw new IllegalArgumentException("a bandit needs at least one arm, got " + arms);
            }
            this.name = name;
            this.arms = arms;
        }

        abstract int choose(int trial, SplittableRandom rng);

        @Override
        public String name() {
            return name;
        }

        @Override
        public void startTrials(List<BanditTask> tasks) {
            for (BanditTask task : tasks) {
                if (task.armProbabilities().length != arms) {
                    throw new IllegalArgumentException(name + " was built for " + arms + " arms, a task has "
                            + task.armProbabilities().length);
                }
            }
            pulls = new int[tasks.size()][arms];
            sums = new double[tasks.size()][arms];
        }

        @Override
        public void act(double[] observations, SplittableRandom rng, double[] actionsOut) {
            for (int i = 0; i < pulls.length; i++) {
                actionsOut[i] = choose(i, rng);
            }
        }

        @Override
        public void observe(double[] actions, double[] rewards, boolean[] episodeEnded) {
            for (int i = 0; i < pulls.length; i++) {
                int a = (int) actions[i];
                pulls[i][a]++;
                sums[i][a] += rewards[i];
            }
        }

        @Override
        public String toString() {
            return name + Arrays.toString(new int[] {arms});
        }
    }
}

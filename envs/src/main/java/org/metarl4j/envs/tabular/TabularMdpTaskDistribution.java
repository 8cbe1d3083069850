package org.metarl4j.envs.tabular;

import java.util.SplittableRandom;
import org.metarl4j.envs.TaskDistribution;
import org.metarl4j.envs.random.Sampling;

/**
 * The random-MDP distribution of RL² §3.2 and pytorch-maml-rl's {@code TabularMDPEnv.sample_tasks}: every transition
 * row P(·|s, a) ~ Dirichlet(1_S) (uniform on the simplex; {@link Sampling#dirichletOnes}, normalised i.i.d. Exp(1)
 * draws), and every mean reward μ(s, a) ~ N(1, 1) i.i.d. Draw order: all transition rows (s major, then a), then all
 * mean rewards (s major, then a), as the reference samples the transition tensor before the reward tensor.
 *
 * @param numStates S (&gt;= 1); the reference uses 10
 * @param numActions A (&gt;= 1); the reference uses 5
 */
public record TabularMdpTaskDistribution(int numStates, int numActions)
        implements TaskDistribution<TabularMdpTask> {
    /** Mean and standard deviation of the mean-reward prior N(1, 1). */
    public static final double REWARD_MEAN_PRIOR_MEAN = 1.0;
    public static final double REWARD_MEAN_PRIOR_STD = 1.0;

    public TabularMdpTaskDistribution {
        if (numStates < 1) {
            throw new IllegalArgumentException("tabular-mdp distribution parameter numStates = " + numStates
                    + " is out of range: allowed [1, " + Integer.MAX_VALUE + "]");
        }
        if (numActions < 1) {
            throw new IllegalArgumentException("tabular-mdp distribution parameter numActions = " + numActions
                    + " is out of range: allowed [1, " + Integer.MAX_VALUE + "]");
        }
    }

    /** The reference setting S = 10, A = 5 (RL² §3.2). */
    public static TabularMdpTaskDistribution standard() {
        return new TabularMdpTaskDistribution(10, 5);
    }

    @Override
    public TabularMdpTask sample(SplittableRandom rng) {
        double[][][] transitions = new double[numStates][numActions][];
        for (int s = 0; s < numStates; s++) {
            for (int a = 0; a < numActions; a++) {
                transitions[s][a] = Sampling.dirichletOnes(rng, numStates);
            }
        }
        double[][] rewardMeans = new double[numStates][numActions];
        for (int s = 0; s < numStates; s++) {
            for (int a = 0; a < numActions; a++) {
                rewardMeans[s][a] = Sampling.gaussian(rng, REWARD_MEAN_PRIOR_MEAN, REWARD_MEAN_PRIOR_STD);
            }
        }
        return new TabularMdpTask(transitions, rewardMeans);
    }
}

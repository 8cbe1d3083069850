package org.metarl4j.envs.bandit;

import java.util.SplittableRandom;
import org.metarl4j.envs.TaskDistribution;

/**
 * The bandit task distribution of RL² §3.1 and pytorch-maml-rl's {@code BernoulliBanditEnv.sample_tasks}: each of the
 * k arm probabilities is drawn i.i.d. from U[0, 1] (arm 0 first, one uniform per arm).
 *
 * @param arms number of arms k (&gt;= 1)
 */
public record BanditTaskDistribution(int arms) implements TaskDistribution<BanditTask> {

    public BanditTaskDistribution {
        if (arms < 1) {
            throw new IllegalArgumentException("bernoulli-bandit distribution parameter arms = " + arms
                    + " is out of range: allowed [1, " + Integer.MAX_VALUE + "]");
        }
    }

    @Override
    public BanditTask sample(SplittableRandom rng) {
        double[] p = new double[arms];
        for (int i = 0; i < arms; i++) {
            p[i] = rng.nextDouble();
        }
        return new BanditTask(p);
    }
}

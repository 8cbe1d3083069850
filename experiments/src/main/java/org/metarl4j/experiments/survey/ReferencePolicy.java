package org.metarl4j.experiments.survey;

import java.util.SplittableRandom;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.VectorEnv;

/**
 * A fixed, non-learning controller whose returns bound what a learner should reach on a family: uniform random
 * actions from below, an oracle that knows the task from above.
 */
public interface ReferencePolicy {

    String name();

    /** Whether this policy is defined for {@code family}. */
    boolean appliesTo(EnvFamily<?> family);

    /** Whether {@code family}'s tasks are of {@code taskType} (for policies defined for one family). */
    static boolean drawsTasksOf(EnvFamily<?> family, Class<?> taskType) {
        return taskType.isInstance(family.tasks().sample(new SplittableRandom(0)));
    }

    /** Writes one action per env of {@code vec} (row-major) into {@code actions}, given the current observations. */
    void act(VectorEnv<?> vec, SplittableRandom rng, double[] actions);
}

package org.metarl4j.experiments.run;

import org.metarl4j.agents.policy.BatchedPolicy;
import org.metarl4j.agents.policy.CategoricalMlpPolicy;
import org.metarl4j.agents.policy.GaussianMlpPolicy;
import org.metarl4j.agents.policy.MlpShape;
import org.metarl4j.agents.policy.TaskParallelPolicy;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.space.Discrete;
import org.metarl4j.envs.space.Space;
import org.metarl4j.meta.maml.MamlConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The policy a run uses for a family's spaces: a Gaussian MLP for Box actions, a categorical MLP for Discrete, spread
 * over {@code config.workers()} threads when that is more than one (close it when done).
 */
public final class Policies {
    private Policies() {
    }

    public static BatchedPolicy forFamily(EnvFamily<?> family, MamlConfig config) {
        BatchedPolicy policy = singleThreaded(family, config);
        return config.workers() > 1 ? new TaskParallelPolicy(policy, config.workers()) : policy;
    }

    private static BatchedPolicy singleThreaded(EnvFamily<?> family, MamlConfig config) {
        try (Env<?> env = family.envFactory().get()) {
            int observationDim = env.observationSpace().flatDim();
            Space actions = env.actionSpace();
            if (actions instanceof Discrete discrete) {
                return new CategoricalMlpPolicy(MlpShape.of(observationDim, config.hiddenSizeArray(), discrete.n(),
                        config.activation()), DataType.FLOAT);
            }
            return new GaussianMlpPolicy(MlpShape.of(observationDim, config.hiddenSizeArray(), actions.flatDim(),
                    config.activation()), DataType.FLOAT);
        }
    }
}

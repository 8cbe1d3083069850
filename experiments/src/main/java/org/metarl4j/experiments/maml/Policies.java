package org.metarl4j.experiments.maml;

import org.metarl4j.agents.policy.BatchedPolicy;
import org.metarl4j.agents.policy.GaussianMlpPolicy;
import org.metarl4j.agents.policy.MlpShape;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Space;
import org.metarl4j.meta.maml.MamlConfig;
import org.nd4j.linalg.api.buffer.DataType;

/** The policy a run uses for a family's spaces: a Gaussian MLP for Box actions. */
final class Policies {
    private Policies() {
    }

    static BatchedPolicy forFamily(EnvFamily<?> family, MamlConfig config) {
        try (Env<?> env = family.envFactory().get()) {
            int observationDim = env.observationSpace().flatDim();
            Space actions = env.actionSpace();
            if (actions instanceof Box box) {
                return new GaussianMlpPolicy(MlpShape.of(observationDim, config.hiddenSizeArray(), box.flatDim(),
                        config.activation()), DataType.FLOAT);
            }
            throw new IllegalArgumentException("family " + family.name() + " has " + actions
                    + " actions; MAML runs here need a Box action space");
        }
    }
}

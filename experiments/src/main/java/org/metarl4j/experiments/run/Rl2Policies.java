package org.metarl4j.experiments.run;

import org.metarl4j.agents.recurrent.ActionHead;
import org.metarl4j.agents.recurrent.GaussianHead;
import org.metarl4j.agents.recurrent.Rl2Policy;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.experiments.config.Rl2Core;
import org.metarl4j.experiments.config.Rl2Settings;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The RL² policy (Duan et al. 2016 §2.2) a run uses for a family's spaces: the configured recurrent core over
 * [observation, previous action, previous reward, done flag], the action head for the family's action space (softmax
 * for discrete actions, diagonal Gaussian for continuous ones) and a value head, in single precision.
 */
final class Rl2Policies {
    /** Single precision, as the MAML policies: enough for PPO, half the memory traffic of double. */
    static final DataType DATA_TYPE = DataType.FLOAT;

    private Rl2Policies() {
    }

    static <T extends Task> Rl2Policy<T> create(Rl2Settings settings, EnvFamily<T> family) {
        try (Env<T> env = family.envFactory().get()) {
            ActionHead head = ActionHead.forSpace(env.actionSpace());
            int observationDim = env.observationSpace().flatDim();
            // the longest trial: n episodes that all run to the time limit
            int maxSteps = settings.episodesPerTrial() * env.maxEpisodeSteps();
            Rl2Core.Shape shape = new Rl2Core.Shape(Rl2Policy.inputSize(observationDim, head), settings.hiddenSize(),
                    maxSteps, head instanceof GaussianHead, DATA_TYPE);
            return new Rl2Policy<>(observationDim, head, settings.core().create(shape), DATA_TYPE);
        }
    }
}

package org.metarl4j.experiments.survey;

import java.util.SplittableRandom;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.VectorEnv;

/** Uniform random actions from each env's action space (RL²'s "Random" rows). */
public final class RandomPolicy implements ReferencePolicy {

    @Override
    public String name() {
        return "random";
    }

    @Override
    public boolean appliesTo(EnvFamily<?> family) {
        return true;
    }

    @Override
    public void act(VectorEnv<?> vec, SplittableRandom rng, double[] actions) {
        for (int i = 0; i < vec.numEnvs(); i++) {
            vec.env(i).actionSpace().sample(rng, actions, i * vec.actionDim());
        }
    }
}

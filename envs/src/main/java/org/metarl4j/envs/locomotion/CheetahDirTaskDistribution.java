package org.metarl4j.envs.locomotion;

import java.util.SplittableRandom;
import org.metarl4j.envs.TaskDistribution;

/**
 * Forward or backward with probability ½ each (MAML's HalfCheetah-Dir; pytorch-maml-rl
 * {@code HalfCheetahDirEnv.sample_tasks}: {@code 2·binomial(1, 0.5) − 1}). The family has only these two tasks, so
 * there is no held-out direction: test tasks are fresh draws, as in MAML.
 */
public record CheetahDirTaskDistribution() implements TaskDistribution<CheetahDirTask> {

    @Override
    public CheetahDirTask sample(SplittableRandom rng) {
        return new CheetahDirTask(rng.nextBoolean() ? 1 : -1);
    }
}

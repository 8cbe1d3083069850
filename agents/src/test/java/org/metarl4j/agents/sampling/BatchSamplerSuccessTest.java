package org.metarl4j.agents.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.agents.testenv.FlagEnv;
import org.metarl4j.agents.testenv.FlagEnv.FlagTask;
import org.metarl4j.envs.navigation.Navigation2DEnv;
import org.metarl4j.envs.navigation.NavigationTask;
import org.nd4j.linalg.factory.Nd4j;

class BatchSamplerSuccessTest {
    private static final LinearGaussianTestPolicy POLICY = new LinearGaussianTestPolicy(2, 2);

    @Test
    void successRatesPerTaskComeFromTheLastStepOfEachEpisode() {
        try (BatchSampler<FlagTask> sampler = new BatchSampler<>(FlagEnv::new)) {
            List<FlagTask> tasks = List.of(new FlagTask(true, true), new FlagTask(false, false),
                    new FlagTask(true, false));
            sampler.sample(POLICY, Nd4j.zeros(1, POLICY.numParams()), tasks, 4, new SplittableRandom(2));
            // each sampler env runs one episode after its task was set: the first
            assertArrayEquals(new double[] {1, 0, 1}, sampler.lastSuccessRates(), 0.0);
            // same envs reused (12 of them), new task objects: again each env's first episode
            sampler.sample(POLICY, Nd4j.zeros(1, POLICY.numParams()), List.of(new FlagTask(false, true),
                    new FlagTask(true, false)), 6, new SplittableRandom(3));
            assertArrayEquals(new double[] {0, 1}, sampler.lastSuccessRates(), 0.0);
        }
    }

    @Test
    void envsWithoutSuccessGiveNull() {
        try (BatchSampler<NavigationTask> sampler = new BatchSampler<>(Navigation2DEnv::new)) {
            sampler.sample(POLICY, Nd4j.zeros(1, POLICY.numParams()), List.of(new NavigationTask(0.1, 0.1)), 2,
                    new SplittableRandom(2));
            assertNull(sampler.lastSuccessRates());
        }
    }
}

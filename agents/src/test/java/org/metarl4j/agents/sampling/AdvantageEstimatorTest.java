package org.metarl4j.agents.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.navigation.NavigationTask;
import org.metarl4j.envs.navigation.NavigationTaskDistribution;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class AdvantageEstimatorTest {

    @Test
    void perTaskBaselineGaeAndNormalisation() {
        List<NavigationTask> tasks = new NavigationTaskDistribution(-0.5, 0.5).sample(3, new SplittableRandom(5));
        LinearGaussianTestPolicy policy = new LinearGaussianTestPolicy(2, 2);
        EpisodeBatch batch;
        try (BatchSampler<NavigationTask> sampler = new BatchSampler<>(
                org.metarl4j.envs.navigation.Navigation2DEnv::new)) {
            double[][] rows = new double[3][];
            for (int i = 0; i < 3; i++) {
                rows[i] = LinearGaussianTestPolicy.toward(tasks.get(i).goalX(), tasks.get(i).goalY(), 0.5, 0.05);
            }
            batch = sampler.sample(policy, org.nd4j.linalg.factory.Nd4j.create(rows), tasks, 5,
                    new SplittableRandom(9));
        }
        AdvantageEstimator est = new AdvantageEstimator(0.99, 0.95);
        AdvantageEstimator.Estimates r = est.estimate(batch);
        int h = batch.horizon();
        int n = batch.samplesPerTask();
        for (int i = 0; i < 3; i++) {
            int[] lengths = batch.lengths(i);
            double[] g = Advantages.discountedReturns(batch.rewards(i), lengths, h, 0.99);
            LinearFeatureBaseline b = new LinearFeatureBaseline(2).fit(batch.observations(i), lengths, h, g);
            double[] v = b.predict(batch.observations(i), lengths, h);
            double[] a = Advantages.normalize(Advantages.gae(batch.rewards(i), v, lengths, h, 0.99, 0.95), lengths, h);
            assertArrayEquals(g, java.util.Arrays.copyOfRange(r.returns(), i * n, (i + 1) * n), 1e-12);
            assertArrayEquals(v, java.util.Arrays.copyOfRange(r.values(), i * n, (i + 1) * n), 1e-12);
            assertArrayEquals(a, java.util.Arrays.copyOfRange(r.advantages(), i * n, (i + 1) * n), 1e-12);
            // normalised per task: mean of episode means 0
            double mm = 0;
            for (int e = 0; e < lengths.length; e++) {
                double s = 0;
                for (int t = 0; t < lengths[e]; t++) {
                    s += a[e * h + t];
                }
                mm += s / lengths[e];
                for (int t = lengths[e]; t < h; t++) {
                    assertEquals(0.0, a[e * h + t]);
                }
            }
            assertEquals(0.0, mm / lengths.length, 1e-9);
        }
        INDArray arr = est.advantages(batch, DataType.FLOAT);
        assertArrayEquals(new long[] {3, n}, arr.shape());
        assertEquals(r.advantages()[n + 7], arr.getDouble(1, 7), 1e-6);
    }
}

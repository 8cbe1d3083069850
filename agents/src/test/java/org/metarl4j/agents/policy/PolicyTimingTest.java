package org.metarl4j.agents.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.agents.Nd4jThreads;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Prints timings of the MAML-scale workload (T = 20 tasks × N = 2000 samples, MLP 2-64-64-2, FLOAT); asserts only
 * shapes, never times.
 */
class PolicyTimingTest {

    @Test
    void printTimings() {
        Nd4jThreads.configure();
        int tasks = 20;
        int samples = 2000;
        GaussianMlpPolicy p = new GaussianMlpPolicy(MlpShape.of(2, new int[] {64, 64}, 2, Activation.TANH),
                DataType.FLOAT);
        SplittableRandom rng = new SplittableRandom(1);
        double[][] rows = new double[tasks][];
        for (int t = 0; t < tasks; t++) {
            rows[t] = p.initialParameters(rng);
        }
        INDArray params = Nd4j.create(rows).castTo(DataType.FLOAT);
        INDArray obs = Nd4j.rand(DataType.FLOAT, tasks, samples, 2);
        INDArray actions = Nd4j.randn(DataType.FLOAT, tasks, samples, 2);
        INDArray w = Nd4j.randn(DataType.FLOAT, tasks, samples);
        INDArray v = Nd4j.randn(DataType.FLOAT, tasks, p.numParams());
        int reps = 10;
        double[] ms = new double[5];
        for (int rep = -3; rep < reps; rep++) {
            long t0 = System.nanoTime();
            GaussianMlpPolicy.Evaluation e = p.evaluate(params, obs, actions);
            e.logProb();
            long t1 = System.nanoTime();
            INDArray g = e.gradient(w);
            long t2 = System.nanoTime();
            INDArray hv = e.hessianVector(w, v);
            long t3 = System.nanoTime();
            INDArray fv = e.fisherVector(w, v);
            long t4 = System.nanoTime();
            double[] sampled = new double[tasks * 20 * 2];
            p.sample(params, new double[tasks * 20 * 2], tasks, 20, rng, sampled);
            long t5 = System.nanoTime();
            assertEquals(tasks, g.size(0));
            assertEquals(p.numParams(), hv.size(1));
            assertEquals(p.numParams(), fv.size(1));
            if (rep >= 0) {
                ms[0] += (t1 - t0) / 1e6 / reps;
                ms[1] += (t2 - t1) / 1e6 / reps;
                ms[2] += (t3 - t2) / 1e6 / reps;
                ms[3] += (t4 - t3) / 1e6 / reps;
                ms[4] += (t5 - t4) / 1e6 / reps;
            }
        }
        System.out.printf("Gaussian 2-64-64-2 FLOAT, T=%d N=%d (mean of %d): evaluate+logProb %.1f ms, gradient %.1f ms,"
                        + " hessianVector %.1f ms, fisherVector %.1f ms, total eval+grad+HVP %.1f ms;"
                        + " sample 20 tasks x 20 obs %.2f ms%n",
                tasks, samples, reps, ms[0], ms[1], ms[2], ms[3], ms[0] + ms[1] + ms[2], ms[4]);
    }

    @Test
    void printCategoricalTimings() {
        Nd4jThreads.configure();
        int tasks = 20;
        int samples = 2000;
        int obsDim = 12; // e.g. a tabular MDP's one-hot state + previous action/reward features
        CategoricalMlpPolicy p = new CategoricalMlpPolicy(MlpShape.of(obsDim, new int[] {32, 32}, 5, Activation.RELU),
                DataType.FLOAT);
        SplittableRandom rng = new SplittableRandom(2);
        double[][] rows = new double[tasks][];
        for (int t = 0; t < tasks; t++) {
            rows[t] = p.initialParameters(rng);
        }
        INDArray params = Nd4j.create(rows).castTo(DataType.FLOAT);
        INDArray obs = Nd4j.rand(DataType.FLOAT, tasks, samples, obsDim);
        double[] idx = new double[tasks * samples];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = rng.nextInt(5);
        }
        INDArray actions = Nd4j.create(idx, new long[] {tasks, samples, 1}, DataType.FLOAT);
        INDArray w = Nd4j.randn(DataType.FLOAT, tasks, samples);
        INDArray v = Nd4j.randn(DataType.FLOAT, tasks, p.numParams());
        int reps = 10;
        double[] ms = new double[4];
        for (int rep = -3; rep < reps; rep++) {
            long t0 = System.nanoTime();
            CategoricalMlpPolicy.Evaluation e = p.evaluate(params, obs, actions);
            long t1 = System.nanoTime();
            e.gradient(w);
            long t2 = System.nanoTime();
            e.hessianVector(w, v);
            long t3 = System.nanoTime();
            e.fisherVector(w, v);
            long t4 = System.nanoTime();
            if (rep >= 0) {
                ms[0] += (t1 - t0) / 1e6 / reps;
                ms[1] += (t2 - t1) / 1e6 / reps;
                ms[2] += (t3 - t2) / 1e6 / reps;
                ms[3] += (t4 - t3) / 1e6 / reps;
            }
        }
        System.out.printf("Categorical %d-32-32-5 RELU FLOAT, T=%d N=%d (mean of %d): evaluate %.1f ms, gradient %.1f ms,"
                + " hessianVector %.1f ms, fisherVector %.1f ms%n", obsDim, tasks, samples, reps, ms[0], ms[1], ms[2], ms[3]);
    }
}

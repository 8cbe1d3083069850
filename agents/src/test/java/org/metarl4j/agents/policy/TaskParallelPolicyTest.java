package org.metarl4j.agents.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Splitting a meta-batch over worker threads gives the single-thread numbers exactly, for both heads. */
class TaskParallelPolicyTest {
    private static final int TASKS = 7;
    private static final int SAMPLES = 33;

    @org.junit.jupiter.api.BeforeAll
    static void oneNd4jThread() {
        org.metarl4j.agents.Nd4jThreads.configure();
    }

    @Test
    void gaussianBlocksEqualTheWholeBatchBitForBit() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            GaussianMlpPolicy policy = new GaussianMlpPolicy(MlpShape.of(3, new int[] {16, 8}, 2, Activation.TANH),
                    type);
            SplittableRandom rng = new SplittableRandom(5);
            INDArray obs = PolicyChecks.gaussian(rng, TASKS, SAMPLES, 3).castTo(type);
            INDArray act = PolicyChecks.gaussian(rng, TASKS, SAMPLES, 2).castTo(type);
            checkSame(policy, PolicyChecks.randomParams(policy, TASKS, 1).castTo(type),
                    PolicyChecks.randomParams(policy, TASKS, 2).castTo(type), obs, act, rng);
            checkShared(policy, obs, act, rng);
        }
    }

    @Test
    void categoricalBlocksEqualTheWholeBatchBitForBit() {
        CategoricalMlpPolicy policy = new CategoricalMlpPolicy(MlpShape.of(4, new int[] {12}, 5, Activation.RELU),
                DataType.FLOAT);
        SplittableRandom rng = new SplittableRandom(9);
        INDArray obs = PolicyChecks.gaussian(rng, TASKS, SAMPLES, 4).castTo(DataType.FLOAT);
        INDArray act = PolicyChecks.categoricalActions(rng, 5, TASKS, SAMPLES).castTo(DataType.FLOAT);
        checkSame(policy, PolicyChecks.randomParams(policy, TASKS, 1).castTo(DataType.FLOAT),
                PolicyChecks.randomParams(policy, TASKS, 2).castTo(DataType.FLOAT), obs, act, rng);
    }

    private static void checkSame(MlpPolicy policy, INDArray params, INDArray other, INDArray obs, INDArray act,
                                  SplittableRandom rng) {
        DataType type = policy.dataType();
        INDArray weights = PolicyChecks.gaussian(rng, TASKS, SAMPLES).castTo(type);
        INDArray v = PolicyChecks.gaussian(rng, TASKS, policy.numParams()).castTo(type);
        for (int workers : new int[] {2, 3, TASKS, 16}) {
            try (TaskParallelPolicy parallel = new TaskParallelPolicy(policy, workers)) {
                PolicyEvaluation whole = policy.evaluate(params, obs, act);
                PolicyEvaluation split = parallel.evaluate(params, obs, act);
                same(whole.logProb(), split.logProb());
                same(whole.gradient(weights), split.gradient(weights));
                PolicyEvaluation.Hessian wholeH = whole.hessian(weights);
                PolicyEvaluation.Hessian splitH = split.hessian(weights);
                same(wholeH.times(v), splitH.times(v));
                same(whole.fisherVector(weights, v), split.fisherVector(weights, v));
                same(whole.klDivergenceFrom(policy.evaluate(other, obs, act)),
                        split.klDivergenceFrom(parallel.evaluate(other, obs, act)));
            }
        }
    }

    /**
     * One-row (shared) parameters or directions go through one 2-D matmul over all tasks' rows, and BLAS may block
     * a different number of rows differently: equal up to float rounding, not bit for bit (MAML's derivatives
     * always use per-task rows).
     */
    private static void checkShared(MlpPolicy policy, INDArray obs, INDArray act, SplittableRandom rng) {
        DataType type = policy.dataType();
        INDArray params = PolicyChecks.randomParams(policy, 1, 3).castTo(type);
        INDArray weights = PolicyChecks.gaussian(rng, TASKS, SAMPLES).castTo(type);
        INDArray v = PolicyChecks.gaussian(rng, 1, policy.numParams()).castTo(type);
        try (TaskParallelPolicy parallel = new TaskParallelPolicy(policy, 3)) {
            PolicyEvaluation whole = policy.evaluate(params, obs, act);
            PolicyEvaluation split = parallel.evaluate(params, obs, act);
            close(whole.logProb(), split.logProb());
            close(whole.gradient(weights), split.gradient(weights));
            close(whole.hessian(weights).times(v), split.hessian(weights).times(v));
            close(whole.fisherVector(weights, v), split.fisherVector(weights, v));
        }
    }

    private static void close(INDArray expected, INDArray actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        double[] e = expected.dup().data().asDouble();
        double[] a = actual.dup().data().asDouble();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-5 * (1 + Math.abs(e[i])), "entry " + i);
        }
    }

    private static void same(INDArray expected, INDArray actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        assertArrayEquals(expected.dup().data().asDouble(), actual.dup().data().asDouble(), 0.0);
    }

    @Test
    void aReusedHessianOperatorEqualsFreshProducts() {
        GaussianMlpPolicy policy = new GaussianMlpPolicy(MlpShape.of(2, new int[] {8, 8}, 2, Activation.TANH),
                DataType.DOUBLE);
        SplittableRandom rng = new SplittableRandom(11);
        INDArray params = PolicyChecks.randomParams(policy, 3, 1);
        PolicyEvaluation e = policy.evaluate(params, PolicyChecks.gaussian(rng, 3, 20, 2),
                PolicyChecks.gaussian(rng, 3, 20, 2));
        INDArray weights = PolicyChecks.gaussian(rng, 3, 20);
        PolicyEvaluation.Hessian h = e.hessian(weights);
        for (int k = 0; k < 3; k++) {
            INDArray v = PolicyChecks.gaussian(rng, 3, policy.numParams());
            same(e.hessianVector(weights, v), h.times(v));
        }
    }

    @Test
    void badArgumentsGetThePolicysMessages() {
        GaussianMlpPolicy policy = new GaussianMlpPolicy(MlpShape.of(2, new int[] {4}, 2, Activation.TANH),
                DataType.DOUBLE);
        assertThrows(IllegalArgumentException.class, () -> new TaskParallelPolicy(policy, 0));
        SplittableRandom rng = new SplittableRandom(1);
        try (TaskParallelPolicy parallel = new TaskParallelPolicy(policy, 2)) {
            PolicyEvaluation e = parallel.evaluate(PolicyChecks.randomParams(policy, 4, 1),
                    PolicyChecks.gaussian(rng, 4, 5, 2), PolicyChecks.gaussian(rng, 4, 5, 2));
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> e.gradient(PolicyChecks.gaussian(rng, 3, 5)));
            assertTrue(bad.getMessage().contains("weights must be"), bad.getMessage());
            IllegalArgumentException badObs = assertThrows(IllegalArgumentException.class,
                    () -> parallel.evaluate(PolicyChecks.randomParams(policy, 4, 1),
                            PolicyChecks.gaussian(rng, 4, 5, 3), PolicyChecks.gaussian(rng, 4, 5, 2)));
            assertTrue(badObs.getMessage().contains("observations must be"), badObs.getMessage());
            assertEquals(2, parallel.workers());
        }
    }
}

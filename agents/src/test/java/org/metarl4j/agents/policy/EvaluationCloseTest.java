package org.metarl4j.agents.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Closing an evaluation frees its memory; using it afterwards is a clear error, never a native crash. */
class EvaluationCloseTest {

    @Test
    void aClosedEvaluationRefusesWorkAndKeepsResultsAlreadyReturned() {
        for (MlpPolicy policy : new MlpPolicy[] {
            new GaussianMlpPolicy(MlpShape.of(2, new int[] {8}, 2, Activation.TANH), DataType.DOUBLE),
            new CategoricalMlpPolicy(MlpShape.of(2, new int[] {8}, 3, Activation.RELU), DataType.DOUBLE)}) {
            SplittableRandom rng = new SplittableRandom(3);
            INDArray obs = PolicyChecks.gaussian(rng, 2, 5, 2);
            INDArray act = policy instanceof CategoricalMlpPolicy
                    ? PolicyChecks.categoricalActions(rng, 3, 2, 5) : PolicyChecks.gaussian(rng, 2, 5, 2);
            INDArray weights = PolicyChecks.gaussian(rng, 2, 5);
            INDArray v = PolicyChecks.gaussian(rng, 2, policy.numParams());
            PolicyEvaluation e = policy.evaluate(PolicyChecks.randomParams(policy, 2, 1), obs, act);
            PolicyEvaluation.Hessian h = e.hessian(weights);
            INDArray gradient = e.gradient(weights);
            double before = gradient.sumNumber().doubleValue();
            e.close();
            e.close(); // idempotent
            for (Runnable use : new Runnable[] {e::logProb, () -> e.gradient(weights), () -> h.times(v),
                () -> e.fisherVector(weights, v), () -> e.hessian(weights)}) {
                IllegalStateException error = assertThrows(IllegalStateException.class, use::run);
                assertTrue(error.getMessage().contains("closed"), error.getMessage());
            }
            assertEquals(before, gradient.sumNumber().doubleValue(), 0.0); // derivative results are the caller's
            // the inputs belong to the caller and stay usable
            assertEquals(obs.length(), obs.dup().length());
        }
    }

    @Test
    void closingATaskParallelEvaluationClosesEveryBlock() {
        GaussianMlpPolicy policy = new GaussianMlpPolicy(MlpShape.of(2, new int[] {4}, 2, Activation.TANH),
                DataType.DOUBLE);
        SplittableRandom rng = new SplittableRandom(4);
        try (TaskParallelPolicy parallel = new TaskParallelPolicy(policy, 2)) {
            PolicyEvaluation e = parallel.evaluate(PolicyChecks.randomParams(policy, 4, 1),
                    PolicyChecks.gaussian(rng, 4, 3, 2), PolicyChecks.gaussian(rng, 4, 3, 2));
            e.logProb();
            e.close();
            assertThrows(IllegalStateException.class, () -> e.gradient(PolicyChecks.gaussian(rng, 4, 3)));
        }
    }
}

package org.metarl4j.meta.maml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.agents.policy.Activation;
import org.metarl4j.agents.policy.GaussianMlpPolicy;
import org.metarl4j.agents.policy.MlpShape;
import org.metarl4j.meta.optim.Vectors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The meta-gradient and the TRPO curvature against central finite differences of the meta-objective, in double
 * precision on a small problem (3 tasks, a 2-5-4-2 tanh Gaussian policy, K = 1 and K = 2 inner steps).
 */
class MetaGradientCheckTest {
    private static final int TASKS = 3;
    private static final int SAMPLES = 8;
    private final GaussianMlpPolicy policy =
            new GaussianMlpPolicy(MlpShape.of(2, new int[] {5, 4}, 2, Activation.TANH), DataType.DOUBLE);

    @Test
    void secondOrderMetaGradientMatchesFiniteDifferencesWithOneInnerStep() {
        checkGradient(new double[] {0.3});
    }

    @Test
    void secondOrderMetaGradientMatchesFiniteDifferencesWithTwoInnerSteps() {
        checkGradient(new double[] {0.3, 0.15});
    }

    private void checkGradient(double[] stepSizes) {
        SplittableRandom rng = new SplittableRandom(11);
        LossBatch support = batch(rng);
        LossBatch query = batch(rng);
        double[] theta = parameters(rng);
        MamlObjective exact = new MamlObjective(policy, new InnerLoop(policy, stepSizes, false));
        MamlObjective.Point old = exact.evaluate(theta, support, query);
        double[] gradient = exact.gradient(old, query);
        double[] numeric = new double[theta.length];
        double h = 1e-5;
        for (int j = 0; j < theta.length; j++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[j] += h;
            minus[j] -= h;
            numeric[j] = (exact.trial(old, plus, support, query).loss()
                    - exact.trial(old, minus, support, query).loss()) / (2 * h);
        }
        double error = relativeError(gradient, numeric);
        assertTrue(error < 1e-5, "relative error " + error);

        MamlObjective firstOrder = new MamlObjective(policy, new InnerLoop(policy, stepSizes, true));
        double[] approximate = firstOrder.gradient(firstOrder.evaluate(theta, support, query), query);
        assertTrue(relativeError(approximate, numeric) > 1e-3,
                "the first-order gradient should differ measurably from the exact one");
    }

    @Test
    void curvatureIsTheHessianOfTheMeanKlThroughAdaptation() {
        SplittableRandom rng = new SplittableRandom(12);
        LossBatch support = batch(rng);
        LossBatch query = batch(rng);
        double[] theta = parameters(rng);
        MamlObjective objective = new MamlObjective(policy, new InnerLoop(policy, new double[] {0.3, 0.1}, false));
        MamlObjective.Point old = objective.evaluate(theta, support, query);
        for (int trial = 0; trial < 3; trial++) {
            double[] v = new double[theta.length];
            for (int j = 0; j < v.length; j++) {
                v[j] = rng.nextDouble() - 0.5;
            }
            double quadratic = Vectors.dot(v, objective.fisherVector(old, query, v, 0.0));
            double h = 1e-4;
            double klPlus = objective.trial(old, Vectors.plusScaled(theta, h, v), support, query).kl();
            double klMinus = objective.trial(old, Vectors.plusScaled(theta, -h, v), support, query).kl();
            double numeric = (klPlus + klMinus) / (h * h);
            assertEquals(numeric, quadratic, 1e-5 * Math.abs(numeric), "vᵀHv");
        }
    }

    @Test
    void clippedSurrogateGradientMatchesFiniteDifferencesAwayFromTheOldPolicy() {
        SplittableRandom rng = new SplittableRandom(13);
        LossBatch support = batch(rng);
        LossBatch query = batch(rng);
        double[] theta = parameters(rng);
        MamlObjective objective = new MamlObjective(policy, new InnerLoop(policy, new double[] {0.3}, false));
        MamlObjective.Point old = objective.evaluate(theta, support, query);
        double[] moved = theta.clone();
        for (int j = 0; j < moved.length; j++) {
            moved[j] += 0.05 * (rng.nextDouble() - 0.5);
        }
        double clip = 0.2;
        double[] gradient = objective.clippedSurrogate(old, moved, support, query, clip).gradient();
        double[] numeric = new double[moved.length];
        double h = 1e-6;
        for (int j = 0; j < moved.length; j++) {
            double[] plus = moved.clone();
            double[] minus = moved.clone();
            plus[j] += h;
            minus[j] -= h;
            numeric[j] = (objective.clippedSurrogate(old, plus, support, query, clip).loss()
                    - objective.clippedSurrogate(old, minus, support, query, clip).loss()) / (2 * h);
        }
        double error = relativeError(gradient, numeric);
        assertTrue(error < 1e-5, "relative error " + error);
    }

    private double[] parameters(SplittableRandom rng) {
        double[] theta = policy.initialParameters(rng);
        for (int j = 0; j < theta.length; j++) {
            theta[j] += 0.1 * (rng.nextDouble() - 0.5); // non-zero biases and log-stds too
        }
        return theta;
    }

    /** Random observations, actions, advantages and per-sample weights with one padded sample per task. */
    private static LossBatch batch(SplittableRandom rng) {
        INDArray obs = random(rng, TASKS, SAMPLES, 2);
        INDArray actions = random(rng, TASKS, SAMPLES, 2);
        INDArray advantages = random(rng, TASKS, SAMPLES);
        INDArray weights = Nd4j.valueArrayOf(new long[] {TASKS, SAMPLES}, 1.0 / (SAMPLES - 1), DataType.DOUBLE);
        for (int i = 0; i < TASKS; i++) {
            weights.putScalar(i, SAMPLES - 1, 0.0);
            advantages.putScalar(i, SAMPLES - 1, 0.0);
        }
        return new LossBatch(obs, actions, advantages, weights);
    }

    private static INDArray random(SplittableRandom rng, long... shape) {
        INDArray a = Nd4j.zeros(DataType.DOUBLE, shape);
        double[] values = new double[(int) a.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = 2 * rng.nextDouble() - 1;
        }
        return Nd4j.create(values, shape, DataType.DOUBLE);
    }

    private static double relativeError(double[] a, double[] b) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            norm += b[i] * b[i];
        }
        return Math.sqrt(diff / norm);
    }
}

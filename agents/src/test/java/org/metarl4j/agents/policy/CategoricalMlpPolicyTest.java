package org.metarl4j.agents.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metarl4j.agents.policy.PolicyChecks.D;
import static org.metarl4j.agents.policy.PolicyChecks.fdGradient;
import static org.metarl4j.agents.policy.PolicyChecks.fdHessianVectorRichardson;
import static org.metarl4j.agents.policy.PolicyChecks.objective;
import static org.metarl4j.agents.policy.PolicyChecks.relErr;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CategoricalMlpPolicyTest {
    private static final int T = 3;
    private static final int N = 7;
    private static final int K = 4;

    private static CategoricalMlpPolicy policy(Activation act) {
        return new CategoricalMlpPolicy(MlpShape.of(3, new int[] {5, 4}, K, act), D);
    }

    private record Batch(INDArray params, INDArray obs, INDArray actions, INDArray w) {
    }

    private static Batch batch(CategoricalMlpPolicy p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        INDArray params = PolicyChecks.randomParams(p, T, seed + 1);
        INDArray obs = PolicyChecks.gaussian(rng, T, N, 3);
        INDArray actions = PolicyChecks.categoricalActions(rng, K, T, N);
        INDArray w = PolicyChecks.uniform(rng, -1, 1, T, N);
        return new Batch(params, obs, actions, w);
    }

    private static double[] softmax(double[] o) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : o) {
            max = Math.max(max, x);
        }
        double sum = 0;
        double[] p = new double[o.length];
        for (int i = 0; i < o.length; i++) {
            p[i] = Math.exp(o[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < o.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    @Test
    void layout() {
        CategoricalMlpPolicy p = policy(Activation.RELU);
        assertEquals(1, p.actionDim());
        assertEquals(K, p.numActions());
        assertEquals(3 * 5 + 5 + 5 * 4 + 4 + 4 * K + K, p.numParams());
        assertEquals(p.mlpShape().numParams(), p.numParams());
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void logProbAndKlMatchPlainJava(Activation act) {
        CategoricalMlpPolicy p = policy(act);
        Batch b = batch(p, 12);
        INDArray other = PolicyChecks.randomParams(p, T, 77);
        CategoricalMlpPolicy.Evaluation e = p.evaluate(b.params, b.obs, b.actions);
        INDArray lp = e.logProb();
        INDArray kl = e.klDivergenceFrom(p.evaluate(other, b.obs, b.actions));
        assertEquals(0.0, e.klDivergenceFrom(p.evaluate(b.params, b.obs, b.actions)).amaxNumber().doubleValue(),
                1e-14);
        for (int t = 0; t < T; t++) {
            for (int n = 0; n < N; n++) {
                double[] x = PolicyChecks.vec(b.obs, t, n);
                double[] pt = softmax(PolicyChecks.mlp(p.mlpShape(), PolicyChecks.row(b.params, t), x));
                double[] po = softmax(PolicyChecks.mlp(p.mlpShape(), PolicyChecks.row(other, t), x));
                int a = (int) b.actions.getDouble(t, n, 0);
                assertEquals(Math.log(pt[a]), lp.getDouble(t, n), 1e-12);
                double expected = 0;
                for (int k = 0; k < K; k++) {
                    expected += pt[k] * Math.log(pt[k] / po[k]);
                }
                assertEquals(expected, kl.getDouble(t, n), 1e-12);
                assertTrue(kl.getDouble(t, n) >= 0);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradientMatchesFiniteDifferences(Activation act) {
        CategoricalMlpPolicy p = policy(act);
        Batch b = batch(p, 22);
        INDArray g = p.evaluate(b.params, b.obs, b.actions).gradient(b.w);
        INDArray fd = fdGradient(q -> objective(p.evaluate(q, b.obs, b.actions), b.w), b.params, 1e-6);
        double err = relErr(g, fd);
        System.out.printf("Categorical %s gradient vs FD: rel err %.2e%n", act, err);
        assertTrue(err < 1e-6, "relative error " + err);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void hessianVectorMatchesFiniteDifferencesOfGradient(Activation act) {
        CategoricalMlpPolicy p = policy(act);
        Batch b = batch(p, 32);
        INDArray v = PolicyChecks.gaussian(new SplittableRandom(5), T, p.numParams());
        INDArray hv = p.evaluate(b.params, b.obs, b.actions).hessianVector(b.w, v);
        double eps = 1e-6;
        INDArray fd = PolicyChecks.fdHessianVector(p, b.params, b.obs, b.actions, b.w, v, eps);
        double err = relErr(hv, fd);
        System.out.printf("Categorical %s HVP vs FD of gradient: rel err %.2e%n", act, err);
        assertTrue(err < 1e-6, "relative error " + err);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void fisherVectorMatchesFiniteDifferencesOfKlGradient(Activation act) {
        CategoricalMlpPolicy p = policy(act);
        Batch b = batch(p, 52);
        PolicyEvaluation ref = p.evaluate(b.params, b.obs, b.actions);
        INDArray v = PolicyChecks.gaussian(new SplittableRandom(8), T, p.numParams());
        INDArray fv = ref.fisherVector(b.w, v);
        INDArray fd = fdHessianVectorRichardson(
                q -> p.evaluate(q, b.obs, b.actions).klDivergenceFrom(ref).mul(b.w).sum(1).toDoubleVector(),
                b.params, v, 2e-4);
        double err = relErr(fv, fd);
        System.out.printf("Categorical %s Fisher vs FD of KL gradient: rel err %.2e%n", act, err);
        assertTrue(err < 1e-6, "relative error " + err);
    }

    @Test
    void tasksAreIndependentAndSharedParamsMatchTiledParams() {
        var p = policy(Activation.RELU);
        Batch b = batch(p, 82);
        INDArray v = PolicyChecks.gaussian(new SplittableRandom(4), T, p.numParams());
        PolicyChecks.assertTasksIndependentAndSharedMatchesTiled(p, b.params, b.obs, b.actions, b.w, v);
    }

    @Test
    void sampleFollowsSoftmaxAndIsReproducible() {
        CategoricalMlpPolicy p = policy(Activation.TANH);
        INDArray params = PolicyChecks.randomParams(p, 2, 9);
        int m = 40000;
        double[][] xs = {{0.3, -0.2, 0.7}, {-1.0, 0.4, 0.1}};
        double[] obs = new double[2 * m * 3];
        for (int t = 0; t < 2; t++) {
            for (int n = 0; n < m; n++) {
                System.arraycopy(xs[t], 0, obs, (t * m + n) * 3, 3);
            }
        }
        double[] actions = new double[2 * m];
        p.sample(params, obs, 2, m, new SplittableRandom(42), actions);
        for (int t = 0; t < 2; t++) {
            double[] probs = softmax(PolicyChecks.mlp(p.mlpShape(), PolicyChecks.row(params, t), xs[t]));
            int[] counts = new int[K];
            for (int n = 0; n < m; n++) {
                counts[(int) actions[t * m + n]]++;
            }
            for (int k = 0; k < K; k++) {
                double sd = Math.sqrt(probs[k] * (1 - probs[k]) / m);
                assertEquals(probs[k], counts[k] / (double) m, 5 * sd + 1e-9, "task " + t + " action " + k);
            }
        }
        double[] again = new double[actions.length];
        p.sample(params, obs, 2, m, new SplittableRandom(42), again);
        assertArrayEquals(actions, again);
    }

    @Test
    void badActionsAreRejected() {
        CategoricalMlpPolicy p = policy(Activation.TANH);
        Batch b = batch(p, 3);
        INDArray bad = b.actions.dup();
        bad.putScalar(new long[] {1, 2, 0}, K);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> p.evaluate(b.params, b.obs, bad));
        assertTrue(ex.getMessage().contains("not an index in [0, 4)"), ex.getMessage());
    }
}

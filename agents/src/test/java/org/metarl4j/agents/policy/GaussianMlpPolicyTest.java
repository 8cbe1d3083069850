package org.metarl4j.agents.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

class GaussianMlpPolicyTest {
    private static final int T = 3;
    private static final int N = 7;

    private static GaussianMlpPolicy policy(Activation act) {
        return new GaussianMlpPolicy(MlpShape.of(3, new int[] {5, 4}, 2, act), D);
    }

    /** A batch: params [T,P] (different per task), obs, actions near the mean, weights in [−1, 1]. */
    private record Batch(INDArray params, INDArray obs, INDArray actions, INDArray w) {
    }

    private static Batch batch(GaussianMlpPolicy p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        INDArray params = PolicyChecks.randomParams(p, T, seed + 1);
        INDArray obs = PolicyChecks.gaussian(rng, T, N, 3);
        INDArray actions = PolicyChecks.gaussian(rng, T, N, 2);
        INDArray w = PolicyChecks.uniform(rng, -1, 1, T, N);
        return new Batch(params, obs, actions, w);
    }

    @Test
    void layoutAndInit() {
        GaussianMlpPolicy p = policy(Activation.TANH);
        assertEquals(3 * 5 + 5 + 5 * 4 + 4 + 4 * 2 + 2 + 2, p.numParams());
        assertEquals(p.numParams() - 2, p.logStdOffset());
        double[] a = p.initialParameters(new SplittableRandom(7));
        double[] b = p.initialParameters(new SplittableRandom(7));
        assertArrayEquals(a, b);
        MlpShape s = p.mlpShape();
        for (int l = 1; l <= s.numLayers(); l++) {
            double bound = Math.sqrt(6.0 / (s.size(l - 1) + s.size(l)));
            for (int k = 0; k < s.size(l - 1) * s.size(l); k++) {
                assertTrue(Math.abs(a[s.weightOffset(l) + k]) <= bound);
            }
            for (int j = 0; j < s.size(l); j++) {
                assertEquals(0.0, a[s.biasOffset(l) + j]);
            }
        }
        assertEquals(0.0, a[p.logStdOffset()]);
        assertEquals(0.0, a[p.logStdOffset() + 1]);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void logProbMatchesPlainJava(Activation act) {
        GaussianMlpPolicy p = policy(act);
        Batch b = batch(p, 11);
        INDArray lp = p.evaluate(b.params, b.obs, b.actions).logProb();
        assertArrayEquals(new long[] {T, N}, lp.shape());
        for (int t = 0; t < T; t++) {
            double[] theta = PolicyChecks.row(b.params, t);
            for (int n = 0; n < N; n++) {
                double[] mu = PolicyChecks.mlp(p.mlpShape(), theta, PolicyChecks.vec(b.obs, t, n));
                double[] a = PolicyChecks.vec(b.actions, t, n);
                double expected = 0;
                for (int j = 0; j < 2; j++) {
                    double logStd = Math.max(theta[p.logStdOffset() + j], Math.log(1e-6));
                    double sigma = Math.exp(logStd);
                    expected += -(a[j] - mu[j]) * (a[j] - mu[j]) / (2 * sigma * sigma) - logStd
                            - 0.5 * Math.log(2 * Math.PI);
                }
                assertEquals(expected, lp.getDouble(t, n), 1e-12);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradientMatchesFiniteDifferences(Activation act) {
        GaussianMlpPolicy p = policy(act);
        Batch b = batch(p, 21);
        INDArray g = p.evaluate(b.params, b.obs, b.actions).gradient(b.w);
        INDArray fd = fdGradient(q -> objective(p.evaluate(q, b.obs, b.actions), b.w), b.params, 1e-6);
        double err = relErr(g, fd);
        System.out.printf("Gaussian %s gradient vs FD: rel err %.2e%n", act, err);
        assertTrue(err < 1e-6, "relative error " + err);
        assertTrue(g.getColumn(p.logStdOffset()).norm2Number().doubleValue() > 1e-3, "log-std gradient is used");
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void hessianVectorMatchesFiniteDifferencesOfGradient(Activation act) {
        GaussianMlpPolicy p = policy(act);
        Batch b = batch(p, 31);
        INDArray v = PolicyChecks.gaussian(new SplittableRandom(5), T, p.numParams());
        INDArray hv = p.evaluate(b.params, b.obs, b.actions).hessianVector(b.w, v);
        double eps = 1e-6;
        INDArray fd = PolicyChecks.fdHessianVector(p, b.params, b.obs, b.actions, b.w, v, eps);
        double err = relErr(hv, fd);
        System.out.printf("Gaussian %s HVP vs FD of gradient: rel err %.2e%n", act, err);
        assertTrue(err < 1e-6, "relative error " + err);
        // the log-std block alone (μ–logσ cross terms and logσ–logσ terms)
        INDArray ls = hv.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(p.logStdOffset(), p.numParams()));
        INDArray lsFd = fd.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(p.logStdOffset(), p.numParams()));
        assertTrue(relErr(ls, lsFd) < 1e-6, "log-std block " + relErr(ls, lsFd));
    }

    @Test
    void hessianVectorAlsoMatchesMixedSecondDifferences() {
        GaussianMlpPolicy p = policy(Activation.TANH);
        Batch b = batch(p, 41);
        INDArray v = PolicyChecks.gaussian(new SplittableRandom(6), T, p.numParams());
        INDArray hv = p.evaluate(b.params, b.obs, b.actions).hessianVector(b.w, v);
        INDArray fd = fdHessianVectorRichardson(q -> objective(p.evaluate(q, b.obs, b.actions), b.w), b.params, v, 2e-4);
        double err = relErr(hv, fd);
        System.out.printf("Gaussian TANH HVP vs mixed second differences: rel err %.2e%n", err);
        assertTrue(err < 1e-6, "relative error " + err);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void fisherVectorMatchesFiniteDifferencesOfKlGradient(Activation act) {
        GaussianMlpPolicy p = policy(act);
        Batch b = batch(p, 51);
        PolicyEvaluation ref = p.evaluate(b.params, b.obs, b.actions);
        INDArray wPos = b.w.add(1.0).divi(2.0); // Fisher weights are typically ≥ 0; any sign works
        INDArray v = PolicyChecks.gaussian(new SplittableRandom(8), T, p.numParams());
        INDArray fv = ref.fisherVector(wPos, v);
        INDArray fd = fdHessianVectorRichardson(
                q -> p.evaluate(q, b.obs, b.actions).klDivergenceFrom(ref).mul(wPos).sum(1).toDoubleVector(),
                b.params, v, 2e-4);
        double err = relErr(fv, fd);
        System.out.printf("Gaussian %s Fisher vs FD of KL gradient: rel err %.2e%n", act, err);
        assertTrue(err < 1e-6, "relative error " + err);
    }

    @Test
    void klMatchesClosedFormAndIsZeroAtEqualParams() {
        GaussianMlpPolicy p = policy(Activation.TANH);
        Batch b = batch(p, 61);
        INDArray other = PolicyChecks.randomParams(p, T, 99);
        GaussianMlpPolicy.Evaluation e1 = p.evaluate(b.params, b.obs, b.actions);
        GaussianMlpPolicy.Evaluation e2 = p.evaluate(other, b.obs, b.actions);
        INDArray kl = e1.klDivergenceFrom(e2);
        assertEquals(0.0, e1.klDivergenceFrom(p.evaluate(b.params, b.obs, b.actions)).amaxNumber().doubleValue(),
                1e-14);
        for (int t = 0; t < T; t++) {
            double[] th1 = PolicyChecks.row(b.params, t);
            double[] th2 = PolicyChecks.row(other, t);
            for (int n = 0; n < N; n++) {
                double[] x = PolicyChecks.vec(b.obs, t, n);
                double[] m1 = PolicyChecks.mlp(p.mlpShape(), th1, x);
                double[] m2 = PolicyChecks.mlp(p.mlpShape(), th2, x);
                double expected = 0;
                for (int j = 0; j < 2; j++) {
                    double s1 = Math.exp(th1[p.logStdOffset() + j]);
                    double s2 = Math.exp(th2[p.logStdOffset() + j]);
                    expected += Math.log(s2 / s1) + (s1 * s1 + (m1[j] - m2[j]) * (m1[j] - m2[j])) / (2 * s2 * s2) - 0.5;
                }
                assertEquals(expected, kl.getDouble(t, n), 1e-12);
                assertTrue(kl.getDouble(t, n) >= 0);
            }
        }
    }

    @Test
    void logStdFloorStopsDerivatives() {
        GaussianMlpPolicy p = policy(Activation.TANH);
        Batch b = batch(p, 71);
        INDArray params = b.params.dup();
        params.putScalar(1, p.logStdOffset(), -20.0); // below log(1e-6) ≈ −13.8 in task 1, dimension 0
        GaussianMlpPolicy.Evaluation e = p.evaluate(params, b.obs, b.actions);
        assertEquals(Math.log(1e-6), e.logStd().getDouble(1, 0, 0), 1e-12);
        // large but finite; the floor only matters for the derivative structure
        INDArray small = b.actions.dup();
        INDArray g = p.evaluate(params, b.obs, small).gradient(b.w);
        assertEquals(0.0, g.getDouble(1, p.logStdOffset()), 0.0);
        INDArray v = PolicyChecks.gaussian(new SplittableRandom(3), T, p.numParams());
        INDArray hv = e.hessianVector(b.w, v);
        INDArray fv = e.fisherVector(b.w, v);
        assertEquals(0.0, hv.getDouble(1, p.logStdOffset()), 0.0);
        assertEquals(0.0, fv.getDouble(1, p.logStdOffset()), 0.0);
        assertTrue(Math.abs(hv.getDouble(0, p.logStdOffset())) > 0);
    }

    @Test
    void tasksAreIndependentAndSharedParamsMatchTiledParams() {
        var p = policy(Activation.TANH);
        Batch b = batch(p, 81);
        INDArray v = PolicyChecks.gaussian(new SplittableRandom(4), T, p.numParams());
        PolicyChecks.assertTasksIndependentAndSharedMatchesTiled(p, b.params, b.obs, b.actions, b.w, v);
    }

    @Test
    void sampleHasTheRightMomentsAndIsReproducible() {
        GaussianMlpPolicy p = policy(Activation.TANH);
        INDArray params = PolicyChecks.randomParams(p, 2, 5);
        params.putScalar(0, p.logStdOffset(), Math.log(0.5));
        params.putScalar(1, p.logStdOffset() + 1, Math.log(2.0));
        int m = 20000;
        double[] x0 = {0.3, -0.2, 0.7};
        double[] x1 = {-1.0, 0.4, 0.1};
        double[] obs = new double[2 * m * 3];
        for (int n = 0; n < m; n++) {
            System.arraycopy(x0, 0, obs, n * 3, 3);
            System.arraycopy(x1, 0, obs, (m + n) * 3, 3);
        }
        double[] actions = new double[2 * m * 2];
        p.sample(params, obs, 2, m, new SplittableRandom(123), actions);
        double[][] xs = {x0, x1};
        for (int t = 0; t < 2; t++) {
            double[] theta = PolicyChecks.row(params, t);
            double[] mu = PolicyChecks.mlp(p.mlpShape(), theta, xs[t]);
            for (int j = 0; j < 2; j++) {
                double sigma = Math.exp(theta[p.logStdOffset() + j]);
                double sum = 0;
                double sq = 0;
                for (int n = 0; n < m; n++) {
                    double a = actions[(t * m + n) * 2 + j];
                    sum += a;
                    sq += a * a;
                }
                double mean = sum / m;
                double std = Math.sqrt(sq / m - mean * mean);
                assertEquals(mu[j], mean, 5 * sigma / Math.sqrt(m), "mean task " + t + " dim " + j);
                assertEquals(sigma, std, 5 * sigma / Math.sqrt(2.0 * m), "std task " + t + " dim " + j);
            }
        }
        double[] again = new double[actions.length];
        p.sample(params, obs, 2, m, new SplittableRandom(123), again);
        assertArrayEquals(actions, again);
        // shared parameters: one row for both tasks
        double[] shared = new double[actions.length];
        p.sample(params.getRow(0).reshape(1, p.numParams()), obs, 2, m, new SplittableRandom(123), shared);
        for (int i = 0; i < m * 2; i++) {
            assertEquals(actions[i], shared[i], 1e-12);
        }
    }

    @Test
    void evaluationSurvivesTheCallersWorkspaces() {
        GaussianMlpPolicy p = policy(Activation.TANH);
        Batch b = batch(p, 91);
        INDArray v = PolicyChecks.gaussian(new SplittableRandom(2), T, p.numParams());
        INDArray expected = p.evaluate(b.params, b.obs, b.actions).hessianVector(b.w, v);
        org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration cfg =
                org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration.builder().initialSize(10_000_000).build();
        GaussianMlpPolicy.Evaluation e;
        try (org.nd4j.linalg.api.memory.MemoryWorkspace ws =
                     Nd4j.getWorkspaceManager().getAndActivateWorkspace(cfg, "caller")) {
            e = p.evaluate(b.params.dup(), b.obs.dup(), b.actions.dup());
            INDArray inside = e.hessianVector(b.w, v);
            assertTrue(inside.isAttached());
            assertEquals(expected, inside);
        }
        try (org.nd4j.linalg.api.memory.MemoryWorkspace ws =
                     Nd4j.getWorkspaceManager().getAndActivateWorkspace(cfg, "caller")) {
            Nd4j.create(D, 1_000_000).assign(12345.0); // overwrite the caller's recycled memory
        }
        assertEquals(expected, e.hessianVector(b.w, v));
        assertTrue(relErr(e.logProb(), p.evaluate(b.params, b.obs, b.actions).logProb()) == 0.0);
    }
}

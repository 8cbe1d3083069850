package org.metarl4j.agents.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.metarl4j.envs.random.Sampling;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Shared helpers of the policy tests: random batches, plain-Java references and finite differences. */
final class PolicyChecks {
    static final DataType D = DataType.DOUBLE;

    private PolicyChecks() {
    }

    /** T rows, each a fresh init plus U[−0.3, 0.3] noise on every entry (so biases and log-stds differ per task). */
    static INDArray randomParams(MlpPolicy policy, int tasks, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] rows = new double[tasks][];
        for (int t = 0; t < tasks; t++) {
            rows[t] = policy.initialParameters(rng);
            for (int k = 0; k < rows[t].length; k++) {
                rows[t][k] += 0.6 * rng.nextDouble() - 0.3;
            }
        }
        return Nd4j.create(rows).castTo(D);
    }

    static INDArray gaussian(SplittableRandom rng, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = Sampling.gaussian(rng);
        }
        return Nd4j.create(v, shape, D);
    }

    static INDArray uniform(SplittableRandom rng, double lo, double hi, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return Nd4j.create(v, shape, D);
    }

    static INDArray categoricalActions(SplittableRandom rng, int k, long tasks, long samples) {
        double[] v = new double[(int) (tasks * samples)];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextInt(k);
        }
        return Nd4j.create(v, new long[] {tasks, samples, 1}, D);
    }

    /** Plain-Java MLP output for one observation and one flat parameter row. */
    static double[] mlp(MlpShape s, double[] theta, double[] x) {
        double[] h = x;
        for (int l = 1; l <= s.numLayers(); l++) {
            int in = s.size(l - 1);
            int out = s.size(l);
            double[] z = new double[out];
            for (int j = 0; j < out; j++) {
                double acc = theta[s.biasOffset(l) + j];
                for (int i = 0; i < in; i++) {
                    acc += h[i] * theta[s.weightOffset(l) + i * out + j];
                }
                z[j] = l < s.numLayers() ? (s.activation() == Activation.TANH ? Math.tanh(acc) : Math.max(acc, 0.0))
                        : acc;
            }
            h = z;
        }
        return h;
    }

    static double[] row(INDArray m, long i) {
        return m.getRow(i).dup().toDoubleVector();
    }

    static double[] vec(INDArray m, long t, long n) {
        return m.get(org.nd4j.linalg.indexing.NDArrayIndex.point(t), org.nd4j.linalg.indexing.NDArrayIndex.point(n),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup().toDoubleVector();
    }

    /** Σₙ w logπ per task: {@code [T]}. */
    static double[] objective(PolicyEvaluation e, INDArray w) {
        return e.logProb().mul(w).sum(1).toDoubleVector();
    }

    /**
     * Central differences of a per-task scalar f(θ) ({@code [T]}) in every coordinate; column k of every row is
     * perturbed at once (rows are independent tasks).
     */
    static INDArray fdGradient(Function<INDArray, double[]> f, INDArray params, double eps) {
        int tasks = (int) params.size(0);
        int p = (int) params.size(1);
        INDArray g = Nd4j.create(D, tasks, p);
        for (int k = 0; k < p; k++) {
            INDArray plus = params.dup();
            INDArray minus = params.dup();
            plus.getColumn(k).addi(eps);
            minus.getColumn(k).subi(eps);
            double[] fp = f.apply(plus);
            double[] fm = f.apply(minus);
            for (int t = 0; t < tasks; t++) {
                g.putScalar(t, k, (fp[t] - fm[t]) / (2 * eps));
            }
        }
        return g;
    }

    /**
     * Mixed central differences ∂²f/∂θ_k∂(v) for every k: the Hessian of a per-task scalar times v.
     */
    static INDArray fdHessianVector(Function<INDArray, double[]> f, INDArray params, INDArray v, double a, double b) {
        int tasks = (int) params.size(0);
        int p = (int) params.size(1);
        INDArray out = Nd4j.create(D, tasks, p);
        for (int k = 0; k < p; k++) {
            double[][] vals = new double[4][];
            int idx = 0;
            for (int sa : new int[] {1, -1}) {
                for (int sb : new int[] {1, -1}) {
                    INDArray q = params.add(v.mul(sb * b));
                    q.getColumn(k).addi(sa * a);
                    vals[idx++] = f.apply(q);
                }
            }
            for (int t = 0; t < tasks; t++) {
                out.putScalar(t, k, (vals[0][t] - vals[1][t] - vals[2][t] + vals[3][t]) / (4 * a * b));
            }
        }
        return out;
    }

    /**
     * {@link #fdHessianVector} at step h and h/2 combined by Richardson extrapolation, (4·F(h/2) − F(h)) / 3, which
     * cancels the O(h²) truncation error.
     */
    static INDArray fdHessianVectorRichardson(Function<INDArray, double[]> f, INDArray params, INDArray v, double h) {
        INDArray coarse = fdHessianVector(f, params, v, h, h);
        INDArray fine = fdHessianVector(f, params, v, h / 2, h / 2);
        return fine.mul(4.0).subi(coarse).divi(3.0);
    }

    /** ‖a − b‖ / max(‖a‖, ‖b‖). */
    static double relErr(INDArray a, INDArray b) {
        double scale = Math.max(a.norm2Number().doubleValue(), b.norm2Number().doubleValue());
        return a.sub(b).norm2Number().doubleValue() / Math.max(scale, 1e-300);
    }

    /** Central difference of the gradient along v: (∇(θ + εv) − ∇(θ − εv)) / 2ε ≈ H v. */
    static INDArray fdHessianVector(BatchedPolicy p, INDArray params, INDArray obs, INDArray actions, INDArray w,
                                    INDArray v, double eps) {
        return p.evaluate(params.add(v.mul(eps)), obs, actions).gradient(w)
                .sub(p.evaluate(params.sub(v.mul(eps)), obs, actions).gradient(w)).divi(2 * eps);
    }

    /**
     * Task rows are independent (changing row 1's parameters leaves rows 0 and 2 of every result unchanged, and does
     * change row 1), and a shared 1-row parameter matrix gives the same results as that row tiled T times.
     */
    static void assertTasksIndependentAndSharedMatchesTiled(BatchedPolicy p, INDArray params, INDArray obs,
                                                            INDArray actions, INDArray w, INDArray v) {
        long tasks = params.size(0);
        PolicyEvaluation e = p.evaluate(params, obs, actions);
        INDArray changed = params.dup();
        changed.getRow(1).addi(0.5);
        PolicyEvaluation e2 = p.evaluate(changed, obs, actions);
        for (int row : new int[] {0, 2}) {
            assertEquals(e.logProb().getRow(row), e2.logProb().getRow(row));
            assertEquals(e.gradient(w).getRow(row), e2.gradient(w).getRow(row));
            assertEquals(e.hessianVector(w, v).getRow(row), e2.hessianVector(w, v).getRow(row));
            assertEquals(e.fisherVector(w, v).getRow(row), e2.fisherVector(w, v).getRow(row));
        }
        assertTrue(e.logProb().getRow(1).sub(e2.logProb().getRow(1)).amaxNumber().doubleValue() > 1e-6);

        INDArray shared = params.getRow(0).reshape(1, p.numParams()).dup();
        INDArray tiled = Nd4j.tile(shared, (int) tasks, 1);
        INDArray v1 = v.getRow(2).reshape(1, p.numParams()).dup();
        PolicyEvaluation es = p.evaluate(shared, obs, actions);
        PolicyEvaluation et = p.evaluate(tiled, obs, actions);
        assertTrue(relErr(es.logProb(), et.logProb()) < 1e-14);
        assertTrue(relErr(es.gradient(w), et.gradient(w)) < 1e-14);
        assertTrue(relErr(es.hessianVector(w, v), et.hessianVector(w, v)) < 1e-14);
        assertTrue(relErr(es.fisherVector(w, v), et.fisherVector(w, v)) < 1e-14);
        assertTrue(relErr(es.hessianVector(w, v1), et.hessianVector(w, Nd4j.tile(v1, (int) tasks, 1))) < 1e-14);
        assertTrue(relErr(es.fisherVector(w, v1), et.fisherVector(w, Nd4j.tile(v1, (int) tasks, 1))) < 1e-14);
        assertTrue(relErr(es.klDivergenceFrom(e), et.klDivergenceFrom(e)) < 1e-14);
    }
}

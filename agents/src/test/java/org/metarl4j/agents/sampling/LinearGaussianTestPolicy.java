package org.metarl4j.agents.sampling;

import java.util.SplittableRandom;
import org.metarl4j.agents.policy.BatchedPolicy;
import org.metarl4j.agents.policy.PolicyEvaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Test-only policy: a = W·o + b + σ·ε with ε ~ N(0, I). Parameter row layout: W (actDim × obsDim, row-major), b
 * (actDim), σ (one scalar). For navigation, W = −k·I and b = k·g steer toward the goal g; σ = 0 is deterministic.
 * One standard normal is drawn per action coordinate for every env every step (finished or not).
 */
final class LinearGaussianTestPolicy implements BatchedPolicy {
    private final int obsDim;
    private final int actDim;

    LinearGaussianTestPolicy(int obsDim, int actDim) {
        this.obsDim = obsDim;
        this.actDim = actDim;
    }

    /** Parameters steering toward (gx, gy) with gain k and noise σ (obsDim = actDim = 2). */
    static double[] toward(double gx, double gy, double k, double sigma) {
        return new double[] {-k, 0, 0, -k, k * gx, k * gy, sigma};
    }

    @Override
    public int observationDim() {
        return obsDim;
    }

    @Override
    public int actionDim() {
        return actDim;
    }

    @Override
    public int numParams() {
        return actDim * obsDim + actDim + 1;
    }

    @Override
    public DataType dataType() {
        return DataType.DOUBLE;
    }

    @Override
    public double[] initialParameters(SplittableRandom rng) {
        double[] p = new double[numParams()];
        p[p.length - 1] = 1.0;
        return p;
    }

    @Override
    public void sample(INDArray params, double[] observations, int tasks, int perTask, SplittableRandom rng,
                       double[] actionsOut) {
        double[][] rows = params.toDoubleMatrix();
        for (int i = 0; i < tasks; i++) {
            double[] p = rows[rows.length == 1 ? 0 : i];
            double sigma = p[p.length - 1];
            for (int m = 0; m < perTask; m++) {
                int o = (i * perTask + m) * obsDim;
                int a = (i * perTask + m) * actDim;
                for (int j = 0; j < actDim; j++) {
                    double v = p[actDim * obsDim + j];
                    for (int k = 0; k < obsDim; k++) {
                        v += p[j * obsDim + k] * observations[o + k];
                    }
                    actionsOut[a + j] = v + sigma * rng.nextGaussian();
                }
            }
        }
    }

    @Override
    public PolicyEvaluation evaluate(INDArray params, INDArray observations, INDArray actions) {
        throw new UnsupportedOperationException("test policy");
    }
}

package org.metarl4j.agents.policy;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the MLP policies share: the trunk ({@link MlpTrunk}), the flat parameter layout (the {@link MlpShape} blocks
 * first, then the head's own parameters), Xavier initialisation, argument checks and the batched forward pass used
 * by {@link #sample}.
 *
 * <p>{@link #evaluate} accepts {@code params} with T rows (one per task) or 1 row (shared by all tasks; the
 * derivatives are still per task, row i being the derivative of task i's terms at the shared point). Directions
 * {@code v} likewise have T rows or 1. Arrays of another data type are cast to {@link #dataType()}.
 *
 * <p>Memory: an evaluation keeps its activations outside every workspace (copying inputs that live in one), so it
 * stays valid across the caller's scopes; derivative results are allocated in the caller's current scope and all
 * temporaries in a thread-local workspace ({@link Workspaces}). Evaluations are not thread-safe (use one per thread);
 * distinct evaluations may be used from different threads.
 */
public abstract class MlpPolicy implements BatchedPolicy {
    final MlpShape mlp;
    final DataType dataType;
    final MlpTrunk trunk;

    MlpPolicy(MlpShape mlp, DataType dataType) {
        if (mlp == null || dataType == null) {
            throw new IllegalArgumentException("policy needs an MLP shape and a data type");
        }
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("policy data type must be FLOAT or DOUBLE, got " + dataType);
        }
        this.mlp = mlp;
        this.dataType = dataType;
        this.trunk = new MlpTrunk(mlp, dataType);
    }

    /** The network (its output is the Gaussian mean or the categorical logits). */
    public MlpShape mlpShape() {
        return mlp;
    }

    /** What {@link PolicyParameters} records and checks. */
    public abstract PolicySpec spec();

    /** Parameters after the MLP's (e.g. the Gaussian log-std). */
    abstract int headParams();

    @Override
    public int observationDim() {
        return mlp.inputDim();
    }

    @Override
    public int numParams() {
        return mlp.numParams() + headParams();
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    /**
     * pytorch-maml-rl's initialisation: every weight matrix Xavier-uniform, U[−√(6/(fan_in+fan_out)), +√(…)], drawn
     * from {@code rng} layer by layer in the flat (row-major) order; biases 0; head parameters 0 (log-std 0, i.e.
     * σ = 1). Consumes exactly one {@code nextDouble()} per weight.
     */
    @Override
    public double[] initialParameters(SplittableRandom rng) {
        double[] p = new double[numParams()];
        for (int l = 1; l <= mlp.numLayers(); l++) {
            int in = mlp.size(l - 1);
            int out = mlp.size(l);
            double bound = Math.sqrt(6.0 / (in + out));
            int offset = mlp.weightOffset(l);
            for (int k = 0; k < in * out; k++) {
                p[offset + k] = bound * (2.0 * rng.nextDouble() - 1.0);
            }
        }
        return p;
    }

    /** {@code a} in this policy's data type, c-order. */
    INDArray prepare(INDArray a) {
        INDArray r = a.dataType() == dataType ? a : a.castTo(dataType);
        return r.ordering() == 'c' ? r : r.dup('c');
    }

    /** {@code a} prepared and, if it lives in a workspace, copied out of it (for arrays an evaluation keeps). */
    static INDArray detached(INDArray a) {
        return a.isAttached() ? a.detach() : a;
    }

    /** Checks {@code params} ({@code [T or 1, P]}) and casts it. */
    INDArray checkParams(INDArray params, long tasks, String what) {
        if (params == null || params.rank() != 2 || params.size(1) != numParams()
                || (params.size(0) != 1 && params.size(0) != tasks)) {
            throw new IllegalArgumentException(what + " must be [" + tasks + " or 1, " + numParams() + "], got "
                    + (params == null ? "null" : java.util.Arrays.toString(params.shape())));
        }
        return prepare(params);
    }

    /** Checks a {@code [T, N, dim]} batch and casts it. */
    INDArray checkBatch(INDArray a, long tasks, long samples, long dim, String what) {
        if (a == null || a.rank() != 3 || (tasks >= 0 && a.size(0) != tasks) || (samples >= 0 && a.size(1) != samples)
                || a.size(2) != dim) {
            throw new IllegalArgumentException(what + " must be [" + (tasks >= 0 ? tasks : "T") + ", "
                    + (samples >= 0 ? samples : "N") + ", " + dim + "], got "
                    + (a == null ? "null" : java.util.Arrays.toString(a.shape())));
        }
        return prepare(a);
    }

    /**
     * The MLP outputs for {@link #sample}: flat row-major {@code [tasks][perTask][outputDim]} doubles.
     */
    double[] sampleOutputs(INDArray params, double[] observations, int tasks, int perTask) {
        if (tasks < 1 || perTask < 1) {
            throw new IllegalArgumentException("tasks and perTask must be >= 1, got " + tasks + " and " + perTask);
        }
        long expected = (long) tasks * perTask * observationDim();
        if (observations == null || observations.length != expected) {
            throw new IllegalArgumentException("observations must hold tasks·perTask·observationDim = " + expected
                    + " numbers, got " + (observations == null ? "null" : observations.length));
        }
        try (MemoryWorkspace ignored = Workspaces.temporaries()) {
            INDArray p = checkParams(params, tasks, "params");
            INDArray obs = Nd4j.create(observations, new long[] {tasks, perTask, observationDim()}, dataType);
            MlpTrunk.Forward f = trunk.forward(trunk.layers(p), obs);
            return f.output().reshape('c', new long[] {(long) tasks * perTask * mlp.outputDim()}).toDoubleVector();
        }
    }

    /** Per-sample weights {@code [T, N]} as {@code [T, N, 1]}. */
    INDArray checkWeights(INDArray weights, long tasks, long samples) {
        if (weights == null || weights.rank() != 2 || weights.size(0) != tasks || weights.size(1) != samples) {
            throw new IllegalArgumentException("weights must be [" + tasks + ", " + samples + "], got "
                    + (weights == null ? "null" : java.util.Arrays.toString(weights.shape())));
        }
        return prepare(weights).reshape('c', new long[] {tasks, samples, 1});
    }
}

package org.metarl4j.agents.policy;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.SplittableRandom;
import org.metarl4j.envs.random.Sampling;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A diagonal Gaussian policy with an MLP mean and a state-independent log-std vector (pytorch-maml-rl's
 * {@code NormalMLPPolicy}): μ(s) = MLP(s) (linear output), σ = exp(max(ℓ, log 1e-6)),
 * log π(a|s) = Σⱼ [−(aⱼ − μⱼ)²/(2σⱼ²) − log σⱼ − ½ log 2π].
 *
 * <p><b>Parameter layout</b> ({@code P = mlpShape().numParams() + actionDim}): the {@link MlpShape} blocks
 * (W1, b1, W2, b2, …, W_out, b_out; weights row-major {@code in × out}), then the log-std ℓ, {@code actionDim} entries.
 * Where ℓⱼ < log 1e-6 the floor is active and every derivative with respect to ℓⱼ is 0 (as torch's clamp; at
 * ℓⱼ = log 1e-6 exactly the derivative passes, also as torch).
 *
 * <p>The Fisher product is analytic: for a state-independent log-std the KL Hessian at equal parameters is
 * Jμᵀ diag(1/σ²) Jμ on the MLP parameters plus 2·I on each (unfloored) log-std, with no cross terms; it is computed as
 * an R-forward pass followed by one backward pass.
 */
public final class GaussianMlpPolicy extends MlpPolicy {
    /** log(1e-6), pytorch-maml-rl's {@code min_log_std}. */
    public static final double MIN_LOG_STD = Math.log(1e-6);
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2.0 * Math.PI);

    /**
     * @param mlp observation size → hidden sizes → action size
     * @param dataType FLOAT (fast) or DOUBLE (for checks)
     */
    public GaussianMlpPolicy(MlpShape mlp, DataType dataType) {
        super(mlp, dataType);
    }

    /** A Gaussian policy computing in FLOAT. */
    public GaussianMlpPolicy(MlpShape mlp) {
        this(mlp, DataType.FLOAT);
    }

    @Override
    public PolicySpec spec() {
        return new PolicySpec(PolicySpec.Kind.GAUSSIAN_MLP, mlp);
    }

    @Override
    int headParams() {
        return mlp.outputDim();
    }

    @Override
    public int actionDim() {
        return mlp.outputDim();
    }

    /** Offset of the log-std vector in the flat layout. */
    public int logStdOffset() {
        return mlp.numParams();
    }

    /**
     * a = μ + σ ⊙ ε, with ε drawn by {@link Sampling#gaussian(SplittableRandom)} (two uniforms each) in row-major
     * {@code [task][sample][action dim]} order.
     */
    @Override
    public void sample(INDArray params, double[] observations, int tasks, int perTask, SplittableRandom rng,
                       double[] actionsOut) {
        int a = actionDim();
        if (actionsOut == null || actionsOut.length != (long) tasks * perTask * a) {
            throw new IllegalArgumentException("actionsOut must hold tasks·perTask·actionDim = "
                    + ((long) tasks * perTask * a) + " numbers");
        }
        double[] mean = sampleOutputs(params, observations, tasks, perTask);
        double[] logStd = prepare(params).get(all(), interval(logStdOffset(), numParams())).reshape('c', new long[] {-1})
                .toDoubleVector();
        boolean shared = params.size(0) == 1;
        double[] std = new double[logStd.length];
        for (int k = 0; k < std.length; k++) {
            std[k] = Math.exp(Math.max(logStd[k], MIN_LOG_STD));
        }
        int idx = 0;
        for (int t = 0; t < tasks; t++) {
            int row = shared ? 0 : t * a;
            for (int n = 0; n < perTask; n++) {
                for (int j = 0; j < a; j++, idx++) {
                    actionsOut[idx] = mean[idx] + std[row + j] * Sampling.gaussian(rng);
                }
            }
        }
    }

    @Override
    public Evaluation evaluate(INDArray params, INDArray observations, INDArray actions) {
        try (MemoryWorkspace ignored = Workspaces.outside()) {
            INDArray obs = detached(checkBatch(observations, -1, -1, observationDim(), "observations"));
            long tasks = obs.size(0);
            long samples = obs.size(1);
            INDArray act = detached(checkBatch(actions, tasks, samples, actionDim(), "actions"));
            INDArray p = detached(checkParams(params, tasks, "params"));
            return new Evaluation(p, trunk.forward(trunk.layers(p), obs), act);
        }
    }

    /** {@link GaussianMlpPolicy} at given parameters on a batch; caches the forward pass. */
    public final class Evaluation extends MlpEvaluation {
        /** μ, {@code [T, N, A]}. */
        private final INDArray mean;
        /** a − μ, {@code [T, N, A]}. */
        private final INDArray diff;
        /** Floored log-std, σ⁻², and the derivative mask (1 where the floor is inactive), each {@code [R, 1, A]}. */
        private final INDArray logStd;
        private final INDArray invVar;
        private final INDArray mask;
        private final INDArray logProb;

        private Evaluation(INDArray params, MlpTrunk.Forward forward, INDArray actions) {
            super(forward);
            this.mean = forward.output();
            this.diff = actions.sub(mean);
            int rows = (int) params.size(0);
            int a = actionDim();
            double[] raw = params.get(all(), interval(logStdOffset(), numParams())).reshape('c', new long[] {-1}).toDoubleVector();
            double[] ls = new double[raw.length];
            double[] iv = new double[raw.length];
            double[] m = new double[raw.length];
            for (int k = 0; k < raw.length; k++) {
                ls[k] = Math.max(raw[k], MIN_LOG_STD);
                iv[k] = Math.exp(-2.0 * ls[k]);
                m[k] = raw[k] >= MIN_LOG_STD ? 1.0 : 0.0;
            }
            long[] shape = {rows, 1, a};
            this.logStd = Nd4j.create(ls, shape, dataType);
            this.invVar = Nd4j.create(iv, shape, dataType);
            this.mask = Nd4j.create(m, shape, dataType);
            // −½ Σⱼ (a−μ)²/σ² − Σⱼ log σⱼ − (A/2) log 2π
            INDArray quad = diff.mul(diff).muli(invVar).sum(2).muli(-0.5);
            INDArray logNorm = logStd.sum(2).addi(actionDim() * HALF_LOG_2PI); // [R, 1]
            this.logProb = quad.subi(logNorm);
            own(diff, logProb);
        }

        /** μ(s), {@code [T, N, actionDim]}. */
        public INDArray mean() {
            return mean;
        }

        /** The floored log-std, {@code [R, 1, actionDim]} (R = rows of the parameters). */
        public INDArray logStd() {
            return logStd;
        }

        @Override
        public INDArray logProb() {
            requireOpen();
            return logProb;
        }

        @Override
        public INDArray klDivergenceFrom(PolicyEvaluation other) {
            Evaluation o = comparable(other, Evaluation.class, "Gaussian", e -> e.mean);
            // Σⱼ [log σo − log σt + (σt² + (μt − μo)²) / (2σo²) − ½]
            INDArray dm = mean.sub(o.mean);
            INDArray varT = invVar.rdiv(1.0);
            INDArray terms = dm.muli(dm).addi(varT).muli(o.invVar).muli(0.5);
            INDArray logRatio = o.logStd.sub(logStd).subi(0.5); // [R', 1, A]
            return terms.addi(logRatio).sum(2);
        }

        @Override
        public INDArray gradient(INDArray weights) {
            requireOpen();
            INDArray out = Nd4j.create(dataType, tasks, numParams());
            try (MemoryWorkspace ignored = Workspaces.temporaries()) {
                INDArray w = checkWeights(weights, tasks, samples);
                INDArray scaled = diff.mul(invVar); // (a − μ)/σ²
                // ∂/∂ℓ: Σₙ w ((a − μ)²/σ² − 1)
                INDArray gLogStd = scaled.mul(diff).subi(1.0).muli(w).sum(1)
                        .muli(mask.reshape(mask.size(0), actionDim()));
                writeLogStd(out, gLogStd);
                trunk.backward(forward, trunk.derivatives(forward), scaled.muli(w), out);
            }
            return out;
        }

        @Override
        public Hessian hessian(INDArray weights) {
            requireOpen();
            try (MemoryWorkspace ignored = Workspaces.outside()) {
                INDArray w = checkWeights(weights, tasks, samples);
                INDArray wInvVar = w.mul(invVar); // [T, N, A]
                INDArray deltaOut = wInvVar.mul(diff);
                MlpTrunk.Backprop backprop = trunk.backprop(forward, trunk.derivatives(forward), deltaOut);
                MlpTrunk.free(deltaOut);
                own(wInvVar);
                own(backprop);
                return v -> {
                    requireOpen();
                    return hessianVector(wInvVar, backprop, v);
                };
            }
        }

        // S = Σ w log π; δ = ∂S/∂μ = w (a−μ)/σ²;
        // R{δ} = −w/σ² (Rμ + 2 (a−μ) v_ℓ);  R{∂S/∂ℓ} = −2 Σₙ w (a−μ)/σ² (Rμ + (a−μ) v_ℓ)
        private INDArray hessianVector(INDArray wInvVar, MlpTrunk.Backprop backprop, INDArray v) {
            INDArray out = Nd4j.create(dataType, tasks, numParams());
            try (MemoryWorkspace ignored = Workspaces.temporaries()) {
                INDArray dir = checkParams(v, tasks, "v");
                MlpTrunk.Layers vl = trunk.layers(dir);
                INDArray[] d = trunk.derivatives(forward);
                INDArray[] rh = trunk.rForward(forward, d, vl);
                INDArray rMean = rh[rh.length - 1];
                INDArray vs = logStdDirection(dir); // [Rv, 1, A], masked
                INDArray uVs = diff.mul(vs);
                INDArray rDelta = uVs.mul(2.0).addi(rMean).muli(wInvVar).negi();
                INDArray rgLogStd = uVs.addi(rMean).muli(diff).muli(wInvVar).sum(1).muli(-2.0)
                        .muli(mask.reshape(mask.size(0), actionDim()));
                writeLogStd(out, rgLogStd);
                trunk.rBackward(forward, d, vl, rh, backprop, rDelta, out);
            }
            return out;
        }

        @Override
        public INDArray fisherVector(INDArray weights, INDArray v) {
            requireOpen();
            INDArray out = Nd4j.create(dataType, tasks, numParams());
            try (MemoryWorkspace ignored = Workspaces.temporaries()) {
                INDArray w = checkWeights(weights, tasks, samples);
                INDArray dir = checkParams(v, tasks, "v");
                INDArray[] d = trunk.derivatives(forward);
                INDArray[] rh = trunk.rForward(forward, d, trunk.layers(dir));
                INDArray rMean = rh[rh.length - 1];
                // log-std block: 2 (Σₙ w) v_ℓ (masked)
                INDArray vs = logStdDirection(dir);
                INDArray wSum = w.sum(1).reshape('c', new long[] {tasks, 1, 1});
                writeLogStd(out, vs.mul(wSum).muli(2.0).reshape('c', new long[] {tasks, actionDim()}));
                trunk.backward(forward, d, rMean.muli(invVar).muli(w), out);
            }
            return out;
        }

        /** The masked log-std entries of a direction, {@code [Rv, 1, A]}. */
        private INDArray logStdDirection(INDArray dir) {
            INDArray vs = dir.get(all(), interval(logStdOffset(), numParams())).reshape('c', new long[] {dir.size(0), 1,
                    actionDim()});
            return vs.mul(mask);
        }

        private void writeLogStd(INDArray out, INDArray block) {
            INDArray b = block.size(0) == tasks ? block : Nd4j.tile(block, tasks, 1);
            out.get(all(), interval(logStdOffset(), numParams())).assign(b.reshape('c', new long[] {tasks, actionDim()}));
        }
    }
}

package org.metarl4j.agents.policy;

import java.util.SplittableRandom;
import org.metarl4j.envs.random.Sampling;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A categorical policy over {@code mlpShape().outputDim()} actions with MLP logits (pytorch-maml-rl's
 * {@code CategoricalMLPPolicy}): π(·|s) = softmax(MLP(s)). An action is its index stored as one number
 * ({@link #actionDim()} = 1).
 *
 * <p><b>Parameter layout</b>: exactly the {@link MlpShape} blocks (W1, b1, …, W_out, b_out; weights row-major
 * {@code in × out}); {@code P = mlpShape().numParams()}.
 *
 * <p>Derivatives go through the log-softmax: with o the logits and p = softmax(o), ∂ log π(a)/∂o = e_a − p and
 * ∂² log π(a)/∂o² = −(diag p − p pᵀ), which is also the KL Hessian in the logits, so the Fisher product is
 * Jᵀ (diag p − p pᵀ) J v (R-forward, then one backward pass).
 */
public final class CategoricalMlpPolicy extends MlpPolicy {

    /**
     * @param mlp observation size → hidden sizes → number of actions
     * @param dataType FLOAT (fast) or DOUBLE (for checks)
     */
    public CategoricalMlpPolicy(MlpShape mlp, DataType dataType) {
        super(mlp, dataType);
    }

    /** A categorical policy computing in FLOAT. */
    public CategoricalMlpPolicy(MlpShape mlp) {
        this(mlp, DataType.FLOAT);
    }

    @Override
    public PolicySpec spec() {
        return new PolicySpec(PolicySpec.Kind.CATEGORICAL_MLP, mlp);
    }

    @Override
    int headParams() {
        return 0;
    }

    @Override
    public int actionDim() {
        return 1;
    }

    /** The number of actions. */
    public int numActions() {
        return mlp.outputDim();
    }

    /**
     * One index per observation by inverse CDF ({@link Sampling#categorical}) on softmax(logits), one uniform each,
     * in row-major {@code [task][sample]} order; written as doubles.
     */
    @Override
    public void sample(INDArray params, double[] observations, int tasks, int perTask, SplittableRandom rng,
                       double[] actionsOut) {
        if (actionsOut == null || actionsOut.length != (long) tasks * perTask) {
            throw new IllegalArgumentException("actionsOut must hold tasks·perTask = " + ((long) tasks * perTask)
                    + " numbers");
        }
        double[] logits = sampleOutputs(params, observations, tasks, perTask);
        int k = numActions();
        double[] probs = new double[k];
        for (int i = 0; i < actionsOut.length; i++) {
            int base = i * k;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, logits[base + j]);
            }
            double sum = 0.0;
            for (int j = 0; j < k; j++) {
                probs[j] = Math.exp(logits[base + j] - max);
                sum += probs[j];
            }
            for (int j = 0; j < k; j++) {
                probs[j] /= sum;
            }
            actionsOut[i] = Sampling.categorical(rng, probs);
        }
    }

    @Override
    public Evaluation evaluate(INDArray params, INDArray observations, INDArray actions) {
        try (MemoryWorkspace ignored = Workspaces.outside()) {
            return evaluateOutside(params, observations, actions);
        }
    }

    private Evaluation evaluateOutside(INDArray params, INDArray observations, INDArray actions) {
        INDArray obs = detached(checkBatch(observations, -1, -1, observationDim(), "observations"));
        long tasks = obs.size(0);
        long samples = obs.size(1);
        checkBatch(actions, tasks, samples, 1, "actions");
        double[] idx = actions.reshape('c', new long[] {tasks * samples}).toDoubleVector();
        int k = numActions();
        double[] oneHot = new double[idx.length * k];
        for (int i = 0; i < idx.length; i++) {
            double a = idx[i];
            if (!(a >= 0 && a < k) || a != Math.rint(a)) {
                throw new IllegalArgumentException("action " + a + " at flat index " + i + " is not an index in [0, "
                        + k + ")");
            }
            oneHot[i * k + (int) a] = 1.0;
        }
        INDArray p = detached(checkParams(params, tasks, "params"));
        return new Evaluation(trunk.forward(trunk.layers(p), obs),
                Nd4j.create(oneHot, new long[] {tasks, samples, k}, dataType));
    }

    /** {@link CategoricalMlpPolicy} at given parameters on a batch; caches the forward pass and the softmax. */
    public final class Evaluation extends MlpEvaluation {
        private final INDArray oneHot;
        /** softmax(logits) and log softmax(logits), {@code [T, N, K]}. */
        private final INDArray probs;
        private final INDArray logProbs;
        private final INDArray logProb;

        private Evaluation(MlpTrunk.Forward forward, INDArray oneHot) {
            super(forward);
            this.oneHot = oneHot;
            INDArray logits = forward.output();
            INDArray shifted = logits.sub(logits.max(true, 2));
            INDArray e = Transforms.exp(shifted, true);
            INDArray sum = e.sum(true, 2);
            this.probs = e.divi(sum);
            this.logProbs = shifted.subi(Transforms.log(sum, false));
            this.logProb = logProbs.mul(oneHot).sum(2);
            own(oneHot, probs, logProbs, logProb);
        }

        /** softmax(logits), {@code [T, N, numActions]}. */
        public INDArray probabilities() {
            return probs;
        }

        /** log softmax(logits), {@code [T, N, numActions]}. */
        public INDArray logProbabilities() {
            return logProbs;
        }

        @Override
        public INDArray logProb() {
            requireOpen();
            return logProb;
        }

        @Override
        public INDArray klDivergenceFrom(PolicyEvaluation other) {
            Evaluation o = comparable(other, Evaluation.class, "categorical", e -> e.probs);
            // Σₖ p_t (log p_t − log p_o)
            return logProbs.sub(o.logProbs).muli(probs).sum(2);
        }

        @Override
        public INDArray gradient(INDArray weights) {
            requireOpen();
            INDArray out = Nd4j.create(dataType, tasks, numParams());
            try (MemoryWorkspace ignored = Workspaces.temporaries()) {
                INDArray w = checkWeights(weights, tasks, samples);
                trunk.backward(forward, trunk.derivatives(forward), oneHot.sub(probs).muli(w), out);
            }
            return out;
        }

        @Override
        public Hessian hessian(INDArray weights) {
            requireOpen();
            try (MemoryWorkspace ignored = Workspaces.outside()) {
                INDArray w = checkWeights(weights, tasks, samples);
                INDArray deltaOut = oneHot.sub(probs).muli(w);
                MlpTrunk.Backprop backprop = trunk.backprop(forward, trunk.derivatives(forward), deltaOut);
                MlpTrunk.free(deltaOut);
                own(backprop);
                return v -> {
                    requireOpen();
                    return hessianVector(w, backprop, v);
                };
            }
        }

        // δ = w (e_a − p);  R{δ} = −w (p ⊙ Ro − p (pᵀ Ro))
        private INDArray hessianVector(INDArray w, MlpTrunk.Backprop backprop, INDArray v) {
            INDArray out = Nd4j.create(dataType, tasks, numParams());
            try (MemoryWorkspace ignored = Workspaces.temporaries()) {
                MlpTrunk.Layers vl = trunk.layers(checkParams(v, tasks, "v"));
                INDArray[] d = trunk.derivatives(forward);
                INDArray[] rh = trunk.rForward(forward, d, vl);
                INDArray rDelta = softmaxJacobian(rh[rh.length - 1]).muli(w).negi();
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
                INDArray[] d = trunk.derivatives(forward);
                INDArray[] rh = trunk.rForward(forward, d, trunk.layers(checkParams(v, tasks, "v")));
                trunk.backward(forward, d, softmaxJacobian(rh[rh.length - 1]).muli(w), out);
            }
            return out;
        }

        /** (diag p − p pᵀ) r per sample: p ⊙ r − p (p · r). */
        private INDArray softmaxJacobian(INDArray r) {
            INDArray pr = probs.mul(r);
            INDArray dot = pr.sum(true, 2);
            return pr.subi(probs.mul(dot));
        }
    }
}

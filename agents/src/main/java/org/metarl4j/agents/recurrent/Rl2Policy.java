package org.metarl4j.agents.recurrent;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.agents.HostCopies;
import org.metarl4j.agents.ScratchMemory;
import org.metarl4j.agents.trial.TrialPolicy;
import org.metarl4j.envs.Task;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * RL²'s policy (Duan et al. 2016 §2.2) for discrete actions: a recurrent core (GRU as RL², or LSTM) reads, at every step of a trial, the observation,
 * the previous action (one-hot), the previous reward and whether the previous step ended an episode; a linear
 * softmax head gives the action distribution and a linear head the value. The hidden state runs through all the
 * episodes of a trial and starts at zero for each trial.
 *
 * <p>Parameters: the core's block, then W_π {@code [H, A]}, b_π {@code [A]}, W_v {@code [H, 1]}, b_v.
 * As a {@link TrialPolicy} it samples with fixed parameters ({@link #setParameters}) and records what the PPO update
 * needs ({@link #recording()}).
 */
public final class Rl2Policy<T extends Task> implements TrialPolicy<T> {
    private final int observationDim;
    private final int actions;
    private final RecurrentCore gru;
    private final DataType dataType;
    private INDArray params;
    private INDArray coreParams;
    private Heads heads;
    // trial state
    private int trials;
    private RecurrentCore.Sequence memory;
    private double[] previousAction;
    private double[] previousReward;
    private boolean[] previousDone;
    private Recording recording = new Recording();

    /** With a GRU core, as RL². */
    public Rl2Policy(int observationDim, int actions, int hiddenSize, DataType dataType) {
        this(observationDim, actions, new GruCore(inputSize(observationDim, actions), hiddenSize, dataType),
                dataType);
    }

    /** With any core whose input size is {@link #inputSize(int, int)}. */
    public Rl2Policy(int observationDim, int actions, RecurrentCore core, DataType dataType) {
        if (observationDim < 1 || actions < 2) {
            throw new IllegalArgumentException("RL² policy needs observationDim >= 1 and >= 2 actions, got "
                    + observationDim + ", " + actions);
        }
        if (core.inputSize() != inputSize(observationDim, actions)) {
            throw new IllegalArgumentException("the core must read " + inputSize(observationDim, actions)
                    + " inputs (observation, one-hot action, reward, done), it reads " + core.inputSize());
        }
        this.observationDim = observationDim;
        this.actions = actions;
        this.gru = core;
        this.dataType = dataType;
    }

    /** The core's input size: observation, one-hot previous action, previous reward, done flag. */
    public static int inputSize(int observationDim, int actions) {
        return observationDim + actions + 2;
    }

    public int numParams() {
        return gru.numParams() + gru.hiddenSize() * (actions + 1) + actions + 1;
    }

    public int actions() {
        return actions;
    }

    public RecurrentCore core() {
        return gru;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The core's own initialisation; heads U[−1/√H, 1/√H] as a PyTorch linear layer. */
    public double[] initialParameters(SplittableRandom rng) {
        double[] core = gru.initialParameters(rng);
        double[] p = new double[numParams()];
        System.arraycopy(core, 0, p, 0, core.length);
        double bound = 1.0 / Math.sqrt(gru.hiddenSize());
        for (int i = core.length; i < p.length; i++) {
            p[i] = bound * (2 * rng.nextDouble() - 1);
        }
        return p;
    }

    /** The linear heads as views of the flat parameters. */
    final class Heads {
        final INDArray wPi;
        final INDArray bPi;
        final INDArray wV;
        final INDArray bV;

        Heads(INDArray row) {
            int h = gru.hiddenSize();
            int o = gru.numParams();
            wPi = row.get(all(), interval(o, o + h * actions)).reshape('c', h, actions);
            o += h * actions;
            bPi = row.get(all(), interval(o, o + actions));
            o += actions;
            wV = row.get(all(), interval(o, o + h)).reshape('c', h, 1);
            o += h;
            bV = row.get(all(), interval(o, o + 1));
        }
    }

    public void setParameters(double[] flat) {
        if (flat.length != numParams()) {
            throw new IllegalArgumentException("RL² policy has " + numParams() + " parameters, got " + flat.length);
        }
        try (MemoryWorkspace ignored = ScratchMemory.outside()) { // parameters outlive any scratch scope
            params = Nd4j.create(flat, new long[] {1, flat.length}, dataType);
            coreParams = params.get(all(), interval(0, gru.numParams()));
            heads = new Heads(params);
        }
    }

    @Override
    public String name() {
        return "RL² (" + gru.name() + " " + gru.hiddenSize() + ")";
    }

    @Override
    public void startTrials(List<T> tasks) {
        trials = tasks.size();
        memory = coreParams == null ? null : gru.start(coreParams, trials, false);
        previousAction = new double[trials];
        java.util.Arrays.fill(previousAction, -1);
        previousReward = new double[trials];
        previousDone = new boolean[trials];
        recording = new Recording();
    }

    /** x = [observation, one-hot previous action, previous reward, previous done] for each trial. */
    INDArray inputs(double[] observations, double[] prevAction, double[] prevReward, boolean[] prevDone) {
        int in = gru.inputSize();
        double[] x = new double[trials * in];
        for (int i = 0; i < trials; i++) {
            System.arraycopy(observations, i * observationDim, x, i * in, observationDim);
            if (prevAction[i] >= 0) {
                x[i * in + observationDim + (int) prevAction[i]] = 1.0;
            }
            x[i * in + observationDim + actions] = prevReward[i];
            x[i * in + observationDim + actions + 1] = prevDone[i] ? 1.0 : 0.0;
        }
        return Nd4j.create(x, new long[] {trials, in}, dataType);
    }

    @Override
    public void act(double[] observations, SplittableRandom rng, double[] actionsOut) {
        if (memory == null) {
            throw new IllegalStateException("set the policy's parameters before starting trials");
        }
        INDArray x = inputs(observations, previousAction, previousReward, previousDone);
        INDArray hidden = memory.step(x);
        INDArray logits = hidden.mmul(heads.wPi).addiRowVector(heads.bPi);
        double[] values = hidden.mmul(heads.wV).addiRowVector(heads.bV).reshape(-1).toDoubleVector();
        double[][] probs = softmaxRows(logits);
        double[] logProbs = new double[trials];
        for (int i = 0; i < trials; i++) {
            double u = rng.nextDouble();
            int a = 0;
            double cumulative = probs[i][0];
            while (u >= cumulative && a < actions - 1) {
                cumulative += probs[i][++a];
            }
            actionsOut[i] = a;
            logProbs[i] = Math.log(Math.max(probs[i][a], 1e-300));
        }
        recording.add(x, actionsOut.clone(), logProbs, values);
    }

    @Override
    public void observe(double[] actionsTaken, double[] rewards, boolean[] episodeEnded) {
        System.arraycopy(actionsTaken, 0, previousAction, 0, trials);
        System.arraycopy(rewards, 0, previousReward, 0, trials);
        System.arraycopy(episodeEnded, 0, previousDone, 0, trials);
        recording.rewards.add(rewards.clone());
        recording.ended.add(episodeEnded.clone());
    }

    private static double[][] softmaxRows(INDArray logits) {
        double[][] z = HostCopies.rows(logits);
        for (double[] row : z) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int k = 0; k < row.length; k++) {
                row[k] = Math.exp(row[k] - max);
                sum += row[k];
            }
            for (int k = 0; k < row.length; k++) {
                row[k] /= sum;
            }
        }
        return z;
    }

    /** What the latest trials recorded, step by step: inputs, actions, their log-probabilities, values, rewards. */
    public Recording recording() {
        return recording;
    }

    /** One batch of trials as sampled. */
    public static final class Recording {
        public final List<INDArray> inputs = new ArrayList<>();
        public final List<double[]> actions = new ArrayList<>();
        public final List<double[]> logProbs = new ArrayList<>();
        public final List<double[]> values = new ArrayList<>();
        public final List<double[]> rewards = new ArrayList<>();
        /** Whether each trial's episode ended with the step. */
        public final List<boolean[]> ended = new ArrayList<>();

        void add(INDArray x, double[] a, double[] lp, double[] v) {
            inputs.add(x);
            actions.add(a);
            logProbs.add(lp);
            values.add(v);
        }

        public int steps() {
            return inputs.size();
        }
    }

    /** Logits {@code [B, A]}, values {@code [B, 1]} and the GRU steps of a whole recorded sequence at {@code flat}. */
    public record Unroll(RecurrentCore.Sequence sequence, List<INDArray> hidden, List<INDArray> logits,
                         List<INDArray> values) {
    }

    public Unroll unroll(double[] flat, List<INDArray> inputs) {
        setParameters(flat);
        int b = (int) inputs.get(0).size(0);
        RecurrentCore.Sequence sequence = gru.start(coreParams, b, true);
        List<INDArray> hidden = new ArrayList<>(inputs.size());
        List<INDArray> logits = new ArrayList<>(inputs.size());
        List<INDArray> values = new ArrayList<>(inputs.size());
        for (INDArray x : inputs) {
            INDArray h = sequence.step(x);
            hidden.add(h);
            logits.add(h.mmul(heads.wPi).addiRowVector(heads.bPi));
            values.add(h.mmul(heads.wV).addiRowVector(heads.bV));
        }
        return new Unroll(sequence, hidden, logits, values);
    }

    /**
     * The gradient of a loss given its derivatives with respect to every step's logits and values
     * ({@code [B, A]} and {@code [B, 1]}), through the heads and the GRU (backpropagation through time).
     */
    public double[] gradient(Unroll unroll, List<INDArray> dLogits, List<INDArray> dValues) {
        int h = gru.hiddenSize();
        INDArray dWPi = Nd4j.zeros(dataType, h, actions);
        INDArray dBPi = Nd4j.zeros(dataType, 1, actions);
        INDArray dWV = Nd4j.zeros(dataType, h, 1);
        INDArray dBV = Nd4j.zeros(dataType, 1, 1);
        List<INDArray> dh = new ArrayList<>(dLogits.size());
        for (int t = 0; t < dLogits.size(); t++) {
            INDArray hT = unroll.hidden().get(t);
            dWPi.addi(hT.transpose().mmul(dLogits.get(t)));
            dBPi.addi(dLogits.get(t).sum(true, 0));
            dWV.addi(hT.transpose().mmul(dValues.get(t)));
            dBV.addi(dValues.get(t).sum(true, 0));
            dh.add(dLogits.get(t).mmul(heads.wPi.transpose()).addi(dValues.get(t).mmul(heads.wV.transpose())));
        }
        INDArray core = unroll.sequence().backward(dh);
        return Nd4j.concat(1, core.reshape(1, -1), dWPi.reshape(1, -1), dBPi, dWV.reshape(1, -1), dBV)
                .reshape(-1).toDoubleVector();
    }
}

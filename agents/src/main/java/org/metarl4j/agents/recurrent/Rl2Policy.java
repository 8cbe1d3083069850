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
 * RL²'s policy (Duan et al. 2016 §2.2): a recurrent core (GRU as RL², LSTM, or any {@link RecurrentCore}) reads, at
 * every step of a trial, the observation, the previous action (one-hot for discrete actions, the sampled vector for
 * continuous ones), the previous reward and whether the previous step ended an episode; a linear layer feeds the
 * {@link ActionHead} (softmax, or diagonal Gaussian with a learned state-independent log-std) and a linear value head
 * gives V. The hidden state runs through all the episodes of a trial and starts at zero for each trial.
 *
 * <p>Parameters: the core's block, then W_π {@code [H, outputs]}, b_π {@code [outputs]}, W_v {@code [H, 1]}, b_v,
 * then the head's extra parameters (the log-std). As a {@link TrialPolicy} it samples with fixed parameters
 * ({@link #setParameters}) and records what the PPO update needs ({@link #recording()}).
 */
public final class Rl2Policy<T extends Task> implements TrialPolicy<T> {
    private final int observationDim;
    private final ActionHead head;
    private final RecurrentCore core;
    private final DataType dataType;
    private INDArray params;
    private INDArray coreParams;
    private Heads heads;
    private double[] extra;
    // trial state
    private int trials;
    private RecurrentCore.Sequence memory;
    private double[] previousAction;
    private double[] previousReward;
    private boolean[] previousDone;
    private Recording recording = new Recording();

    /** Discrete actions with a GRU core, as RL². */
    public Rl2Policy(int observationDim, int actions, int hiddenSize, DataType dataType) {
        this(observationDim, new CategoricalHead(actions),
                new GruCore(inputSize(observationDim, actions), hiddenSize, dataType), dataType);
    }

    /** Discrete actions with any core whose input size is {@link #inputSize(int, int)}. */
    public Rl2Policy(int observationDim, int actions, RecurrentCore core, DataType dataType) {
        this(observationDim, new CategoricalHead(actions), core, dataType);
    }

    /** Any head, with a core whose input size is {@link #inputSize(int, ActionHead)}. */
    public Rl2Policy(int observationDim, ActionHead head, RecurrentCore core, DataType dataType) {
        if (observationDim < 1) {
            throw new IllegalArgumentException("RL² policy needs observationDim >= 1, got " + observationDim);
        }
        if (core.inputSize() != inputSize(observationDim, head)) {
            throw new IllegalArgumentException("the core must read " + inputSize(observationDim, head)
                    + " inputs (observation, previous action, reward, done), it reads " + core.inputSize());
        }
        this.observationDim = observationDim;
        this.head = head;
        this.core = core;
        this.dataType = dataType;
    }

    /** The core's input size for discrete actions: observation, one-hot previous action, previous reward, done. */
    public static int inputSize(int observationDim, int actions) {
        return inputSize(observationDim, new CategoricalHead(actions));
    }

    /** The core's input size: observation, encoded previous action, previous reward, done flag. */
    public static int inputSize(int observationDim, ActionHead head) {
        return observationDim + head.encodedActionSize() + 2;
    }

    public int numParams() {
        return core.numParams() + core.hiddenSize() * (head.outputs() + 1) + head.outputs() + 1
                + head.extraParameters();
    }

    public ActionHead head() {
        return head;
    }

    public RecurrentCore core() {
        return core;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The core's own initialisation; linear heads U[−1/√H, 1/√H] as a PyTorch linear layer; the head's extras. */
    public double[] initialParameters(SplittableRandom rng) {
        double[] coreInit = core.initialParameters(rng);
        double[] p = new double[numParams()];
        System.arraycopy(coreInit, 0, p, 0, coreInit.length);
        double bound = 1.0 / Math.sqrt(core.hiddenSize());
        int extraStart = p.length - head.extraParameters();
        for (int i = coreInit.length; i < extraStart; i++) {
            p[i] = bound * (2 * rng.nextDouble() - 1);
        }
        System.arraycopy(head.initialExtraParameters(), 0, p, extraStart, head.extraParameters());
        return p;
    }

    /** The linear layers as views of the flat parameters. */
    final class Heads {
        final INDArray wPi;
        final INDArray bPi;
        final INDArray wV;
        final INDArray bV;

        Heads(INDArray row) {
            int h = core.hiddenSize();
            int outputs = head.outputs();
            int o = core.numParams();
            wPi = row.get(all(), interval(o, o + h * outputs)).reshape('c', h, outputs);
            o += h * outputs;
            bPi = row.get(all(), interval(o, o + outputs));
            o += outputs;
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
            coreParams = params.get(all(), interval(0, core.numParams()));
            heads = new Heads(params);
        }
        extra = java.util.Arrays.copyOfRange(flat, flat.length - head.extraParameters(), flat.length);
    }

    /** The head's extra parameters (the log-std) at the latest {@link #setParameters}. */
    public double[] extraParameters() {
        return extra.clone();
    }

    @Override
    public String name() {
        return "RL² (" + core.name() + " " + core.hiddenSize() + ")";
    }

    @Override
    public void startTrials(List<T> tasks) {
        trials = tasks.size();
        memory = coreParams == null ? null : core.start(coreParams, trials, false);
        previousAction = null;
        previousReward = new double[trials];
        previousDone = new boolean[trials];
        recording = new Recording();
    }

    /** x = [observation, encoded previous action, previous reward, previous done] for each trial. */
    INDArray inputs(double[] observations, double[] prevAction, double[] prevReward, boolean[] prevDone) {
        int in = core.inputSize();
        int actionDim = head.actionDim();
        int encoded = head.encodedActionSize();
        double[] x = new double[trials * in];
        for (int i = 0; i < trials; i++) {
            System.arraycopy(observations, i * observationDim, x, i * in, observationDim);
            if (prevAction != null) {
                head.encodeAction(prevAction, i * actionDim, x, i * in + observationDim);
            }
            x[i * in + observationDim + encoded] = prevReward[i];
            x[i * in + observationDim + encoded + 1] = prevDone[i] ? 1.0 : 0.0;
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
        double[][] outputs = HostCopies.rows(hidden.mmul(heads.wPi).addiRowVector(heads.bPi));
        double[] values = hidden.mmul(heads.wV).addiRowVector(heads.bV).reshape(-1).toDoubleVector();
        double[] logProbs = new double[trials];
        int actionDim = head.actionDim();
        for (int i = 0; i < trials; i++) {
            logProbs[i] = head.sample(outputs[i], extra, rng, actionsOut, i * actionDim);
        }
        recording.add(x, java.util.Arrays.copyOf(actionsOut, trials * actionDim), logProbs, values);
    }

    @Override
    public void observe(double[] actionsTaken, double[] rewards, boolean[] episodeEnded) {
        previousAction = java.util.Arrays.copyOf(actionsTaken, trials * head.actionDim());
        System.arraycopy(rewards, 0, previousReward, 0, trials);
        System.arraycopy(episodeEnded, 0, previousDone, 0, trials);
        recording.rewards.add(rewards.clone());
        recording.ended.add(episodeEnded.clone());
    }

    /** What the latest trials recorded, step by step: inputs, actions, their log-probabilities, values, rewards. */
    public Recording recording() {
        return recording;
    }

    /** One batch of trials as sampled. */
    public static final class Recording {
        public final List<INDArray> inputs = new ArrayList<>();
        /** Per step, row-major {@code [trials][actionDim]}. */
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

    /**
     * The head's outputs {@code [B, outputs]} (logits or means), values {@code [B, 1]} and the core's steps of a
     * whole recorded sequence at {@code flat}, whose extra head parameters are {@code extra}; {@code hiddenRows} is
     * every h as rows {@code [T·B, H]} (time-major) when the core made them in one matrix (see
     * {@link RecurrentCore.Unrolled#rows()}), else null.
     */
    public record Unroll(RecurrentCore.Sequence sequence, List<INDArray> hidden, INDArray hiddenRows,
                         List<INDArray> outputs, List<INDArray> values, double[] extra) {
    }

    public Unroll unroll(double[] flat, List<INDArray> inputs) {
        setParameters(flat);
        // the whole trial is known: the core may run it in one pass rather than step by step
        RecurrentCore.Unrolled run = core.unrollAll(coreParams, inputs, true);
        List<INDArray> hidden = run.outputs();
        List<INDArray> outputs = new ArrayList<>(inputs.size());
        List<INDArray> values = new ArrayList<>(inputs.size());
        if (run.rows() != null) {
            // every step's h in one matrix: the heads in two products rather than 2T
            int b = (int) inputs.get(0).size(0);
            INDArray o = run.rows().mmul(heads.wPi).addiRowVector(heads.bPi);
            INDArray v = run.rows().mmul(heads.wV).addiRowVector(heads.bV);
            for (int t = 0; t < inputs.size(); t++) {
                outputs.add(o.get(interval((long) t * b, (long) (t + 1) * b), all()));
                values.add(v.get(interval((long) t * b, (long) (t + 1) * b), all()));
            }
        } else {
            for (INDArray h : hidden) {
                outputs.add(h.mmul(heads.wPi).addiRowVector(heads.bPi));
                values.add(h.mmul(heads.wV).addiRowVector(heads.bV));
            }
        }
        return new Unroll(run.sequence(), hidden, run.rows(), outputs, values, extra.clone());
    }

    /**
     * The gradient of a loss given its derivatives with respect to every step's head outputs and values
     * ({@code [B, outputs]} and {@code [B, 1]}) and to the head's extra parameters, through the linear layers and the
     * core (backpropagation through time).
     */
    public double[] gradient(Unroll unroll, List<INDArray> dOutputs, List<INDArray> dValues, double[] dExtra) {
        if (dExtra.length != head.extraParameters()) {
            throw new IllegalArgumentException("expected " + head.extraParameters() + " extra derivatives, got "
                    + dExtra.length);
        }
        int h = core.hiddenSize();
        int outputs = head.outputs();
        INDArray dWPi = Nd4j.zeros(dataType, h, outputs);
        INDArray dBPi = Nd4j.zeros(dataType, 1, outputs);
        INDArray dWV = Nd4j.zeros(dataType, h, 1);
        INDArray dBV = Nd4j.zeros(dataType, 1, 1);
        INDArray coreGradient;
        if (unroll.hiddenRows() != null) {
            // all steps at once: ∂L/∂(head outputs) stacked as rows in (t, b) order, like the hidden rows
            int b = (int) dOutputs.get(0).size(0);
            int steps = dOutputs.size();
            INDArray dO = Nd4j.concat(0, dOutputs.toArray(new INDArray[0]));
            INDArray dV = Nd4j.concat(0, dValues.toArray(new INDArray[0]));
            INDArray hT = unroll.hiddenRows().transpose();
            dWPi.addi(hT.mmul(dO));
            dBPi.addi(dO.sum(true, 0));
            dWV.addi(hT.mmul(dV));
            dBV.addi(dV.sum(true, 0));
            // ∂L/∂h = [∂o | ∂v] [W_π | W_v]ᵀ: one product into a row-major [T·B, H] (two thin ones and a sum were
            // memory-bound)
            INDArray dHeads = Nd4j.createUninitialized(dataType, (long) steps * b, outputs + 1); // [∂o | ∂v], copied
            dHeads.get(all(), interval(0, outputs)).assign(dO);                            // (hstack is slow)
            dHeads.get(all(), interval(outputs, outputs + 1)).assign(dV);
            INDArray dh = Nd4j.createUninitialized(dataType, (long) steps * b, h);
            Nd4j.gemm(dHeads, Nd4j.hstack(heads.wPi, heads.wV), dh, false, true, 1.0, 0.0);
            coreGradient = unroll.sequence().backwardRows(dh, b, steps);
        } else {
            coreGradient = unroll.sequence().backward(stepGradients(unroll, dOutputs, dValues, dWPi, dBPi, dWV, dBV));
        }
        double[] linear = Nd4j.concat(1, coreGradient.reshape(1, -1), dWPi.reshape(1, -1), dBPi, dWV.reshape(1, -1),
                dBV).reshape(-1).toDoubleVector();
        double[] all = java.util.Arrays.copyOf(linear, numParams());
        System.arraycopy(dExtra, 0, all, linear.length, dExtra.length);
        return all;
    }

    /** The heads' gradients step by step (added to dWPi … dBV), and ∂L/∂h of each step. */
    private List<INDArray> stepGradients(Unroll unroll, List<INDArray> dOutputs, List<INDArray> dValues,
                                         INDArray dWPi, INDArray dBPi, INDArray dWV, INDArray dBV) {
        List<INDArray> dh = new ArrayList<>(dOutputs.size());
        for (int t = 0; t < dOutputs.size(); t++) {
            INDArray hT = unroll.hidden().get(t);
            dWPi.addi(hT.transpose().mmul(dOutputs.get(t)));
            dBPi.addi(dOutputs.get(t).sum(true, 0));
            dWV.addi(hT.transpose().mmul(dValues.get(t)));
            dBV.addi(dValues.get(t).sum(true, 0));
            dh.add(dOutputs.get(t).mmul(heads.wPi.transpose()).addi(dValues.get(t).mmul(heads.wV.transpose())));
        }
        return dh;
    }
}

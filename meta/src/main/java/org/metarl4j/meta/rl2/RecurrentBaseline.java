package org.metarl4j.meta.rl2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.agents.HostCopies;
import org.metarl4j.agents.ScratchMemory;
import org.metarl4j.agents.recurrent.Rl2Policy;
import org.metarl4j.envs.Task;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The history-aware part of {@link Rl2Baseline#RECURRENT}: a separate recurrent network (RL² §3 trains its baseline
 * as an RNN of its own) that reads the policy's inputs — observation, previous action, previous reward, done flag —
 * and predicts what the batch's {@link LinearBaseline} misses of the return-to-go.
 *
 * <p>Why a residual: the linear fit carries the scale and the time structure of the returns from the first batch,
 * so the network's output starts at zero (its value head is zero-initialised: the start is exactly the linear
 * baseline) and only has to learn what depends on the trial's history — what the agent has found out about its task.
 * Why separate: a value head on the policy's own core drowned the policy's gradient (README, RL² results).
 *
 * <p>As rllab's baselines, each batch's advantages use the prediction of the network fitted on earlier batches; the
 * network is then fitted to this batch ({@code epochs} full-batch Adam steps on the mean squared error).
 */
final class RecurrentBaseline<T extends Task> {
    private static final String WORKSPACE = "metarl4j-rl2-baseline";
    /** Decorrelates the network's initial weights from the policy's, which come from the seed itself. */
    private static final long SEED_SALT = 0x2545F4914F6CDD1DL;
    private final Rl2Policy<T> network;
    private final Rl2Config config;
    private final double[] theta;
    private final INDArray adamState;
    private final GradientUpdater<?> adam;

    private RecurrentBaseline(Rl2Policy<T> network, Rl2Config config, double[] theta, double[] adamState) {
        this.network = network;
        this.config = config;
        this.theta = theta;
        this.adamState = Nd4j.createFromArray(adamState).reshape(1, adamState.length);
        this.adam = new Adam(config.learningRate()).instantiate(this.adamState, false);
    }

    /**
     * The baseline a training state holds ({@link Rl2TrainingState#baselineState()}: parameters, then Adam's
     * moments), or a fresh one — value head at zero — when that state is empty.
     */
    static <T extends Task> RecurrentBaseline<T> restore(Rl2Policy<T> network, Rl2Config config, double[] state) {
        int n = network.numParams();
        if (state.length == 0) {
            double[] theta = network.initialParameters(new SplittableRandom(config.seed() ^ SEED_SALT));
            int valueHead = n - network.head().extraParameters() - (network.core().hiddenSize() + 1);
            Arrays.fill(theta, valueHead, valueHead + network.core().hiddenSize() + 1, 0.0);
            return new RecurrentBaseline<>(network, config, theta, new double[2 * n]);
        }
        if (state.length != 3 * n) {
            throw new IllegalArgumentException("the recurrent baseline's state has " + state.length
                    + " numbers; its network has " + n + " parameters, which need " + 3 * n);
        }
        return new RecurrentBaseline<>(network, config, Arrays.copyOfRange(state, 0, n),
                Arrays.copyOfRange(state, n, 3 * n));
    }

    /** Parameters, then Adam's first and second moments. */
    double[] state() {
        double[] moments = adamState.toDoubleVector();
        double[] s = Arrays.copyOf(theta, theta.length + moments.length);
        System.arraycopy(moments, 0, s, theta.length, moments.length);
        return s;
    }

    /** The network's output for every step and trial, {@code [steps][trials]}. */
    double[][] predict(List<INDArray> inputs) {
        try (MemoryWorkspace ignored = ScratchMemory.open(WORKSPACE)) {
            Rl2Policy.Unroll unroll = network.unroll(theta, inputs);
            double[][] out = new double[inputs.size()][];
            for (int t = 0; t < out.length; t++) {
                out[t] = unroll.values().get(t).reshape(-1).toDoubleVector();
            }
            return out;
        }
    }

    /**
     * {@code config.epochs()} Adam steps on the mean over valid steps of (output − target)²; returns that mean
     * before the first step.
     */
    double fit(List<INDArray> inputs, double[][] targets, double[][] mask, int iteration) {
        double count = Arrays.stream(mask).flatMapToDouble(Arrays::stream).sum();
        double firstLoss = Double.NaN;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            double[] grad;
            double loss = 0;
            try (MemoryWorkspace ignored = ScratchMemory.open(WORKSPACE)) {
                Rl2Policy.Unroll unroll = network.unroll(theta, inputs);
                int b = mask[0].length;
                List<INDArray> dOutputs = new ArrayList<>(inputs.size());
                List<INDArray> dValues = new ArrayList<>(inputs.size());
                for (int t = 0; t < inputs.size(); t++) {
                    double[] v = unroll.values().get(t).reshape(-1).toDoubleVector();
                    double[][] dv = new double[b][1];
                    for (int i = 0; i < b; i++) {
                        double error = mask[t][i] * (v[i] - targets[t][i]);
                        loss += error * error / count;
                        dv[i][0] = 2 * error / count;
                    }
                    dOutputs.add(Nd4j.zeros(network.dataType(), b, network.head().outputs()));
                    dValues.add(HostCopies.matrix(dv, network.dataType()));
                }
                grad = network.gradient(unroll, dOutputs, dValues, new double[network.head().extraParameters()]);
            }
            if (epoch == 0) {
                firstLoss = loss;
            }
            Rl2Ppo.clip(grad, config.maxGradientNorm());
            INDArray update = Nd4j.createFromArray(grad).reshape(1, grad.length);
            adam.applyUpdater(update, iteration * config.epochs() + epoch, epoch);
            double[] u = update.toDoubleVector();
            for (int k = 0; k < theta.length; k++) {
                theta[k] -= u[k];
            }
        }
        return firstLoss;
    }
}

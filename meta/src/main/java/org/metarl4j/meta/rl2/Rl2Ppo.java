package org.metarl4j.meta.rl2;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.metarl4j.agents.HostCopies;
import org.metarl4j.agents.ScratchMemory;
import org.metarl4j.agents.recurrent.ActionHead;
import org.metarl4j.agents.recurrent.Rl2Policy;
import org.metarl4j.agents.trial.TrialRunner;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.TaskDistribution;
import org.metarl4j.meta.maml.TrainingDivergedException;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * RL²'s outer loop with PPO (Schulman et al. 2017) in place of the paper's TRPO, as garage's RL2PPO does: each
 * iteration samples a batch of trials (n episodes of a fresh task each) with the current recurrent policy, computes
 * GAE advantages over each trial as one sequence (the memory runs through episode boundaries; steps after a trial's
 * last episode are masked), then takes several full-batch Adam steps on the clipped surrogate + value loss − entropy
 * bonus (or with the entropy in the rewards instead: {@link EntropyMethod}), with the gradient by backpropagation
 * through the whole trial (no truncation: trials are at most a few hundred steps).
 */
public final class Rl2Ppo<T extends Task> {
    /** One epoch's unroll and backpropagation live in this workspace (nothing of it outlives the epoch). */
    private static final String EPOCH_WORKSPACE = "metarl4j-rl2-epoch";
    private final Rl2Config config;
    private final Rl2Policy<T> policy;
    /** {@link Rl2Baseline#RECURRENT}'s network (same shape as the policy; its value output is used), else null. */
    private final Rl2Policy<T> valueNetwork;
    private final TrialRunner<T> runner;
    private final TaskDistribution<T> tasks;

    /** With the value-head or linear baseline. */
    public Rl2Ppo(Rl2Config config, Rl2Policy<T> policy, Supplier<? extends Env<T>> envFactory,
                  TaskDistribution<T> tasks) {
        this(config, policy, null, envFactory, tasks);
    }

    /**
     * @param valueNetwork the recurrent baseline's network, required with {@link Rl2Baseline#RECURRENT} (a second
     *     policy of the same shape: only its value output is used) and null otherwise
     */
    public Rl2Ppo(Rl2Config config, Rl2Policy<T> policy, Rl2Policy<T> valueNetwork,
                  Supplier<? extends Env<T>> envFactory, TaskDistribution<T> tasks) {
        if ((config.baseline() == Rl2Baseline.RECURRENT) != (valueNetwork != null)) {
            throw new IllegalArgumentException(config.baseline() == Rl2Baseline.RECURRENT
                    ? "the recurrent baseline needs its value network" : "a value network is only used by the "
                    + Rl2Baseline.RECURRENT + " baseline, not " + config.baseline());
        }
        if (valueNetwork != null && valueNetwork.core().inputSize() != policy.core().inputSize()) {
            throw new IllegalArgumentException("the value network must read the policy's " + policy.core().inputSize()
                    + " inputs, it reads " + valueNetwork.core().inputSize());
        }
        this.config = config;
        this.policy = policy;
        this.valueNetwork = valueNetwork;
        this.runner = new TrialRunner<>(envFactory);
        this.tasks = tasks;
    }

    /**
     * One iteration's summary.
     *
     * @param envSteps env steps of the iteration's trials (a trial's steps after its last episode not counted)
     * @param approxKl approximate KL from the sampling policy before the last epoch that was evaluated
     * @param epochs Adam steps taken (fewer than configured when the KL early stop ended the iteration)
     */
    public record IterationLog(int iteration, double meanTrialReturn, long envSteps, double loss, double entropy,
                               double approxKl, int epochs, double seconds) {
    }

    @FunctionalInterface
    public interface Listener {
        void onIteration(IterationLog log, double[] theta);
    }

    /** Called after each iteration with the state a resumed run would continue from. */
    @FunctionalInterface
    public interface StateListener {
        void onIteration(IterationLog log, Rl2TrainingState after);
    }

    /** Trains from {@code theta} for {@code config.iterations()} iterations; returns the final parameters. */
    public double[] train(double[] theta, Listener listener) {
        return train(Rl2TrainingState.start(theta), (log, after) -> listener.onIteration(log, after.theta()));
    }

    /**
     * Runs iterations {@code from.nextIteration()} … {@code config.iterations() − 1} from a saved state; returns the
     * final parameters. A run resumed from the state after iteration i equals the uninterrupted run bit for bit.
     *
     * @throws TrainingDivergedException when the PPO loss is not finite (naming the iteration)
     */
    public double[] train(Rl2TrainingState from, StateListener listener) {
        double[] current = from.theta();
        if (current.length != policy.numParams()) {
            throw new IllegalArgumentException("the policy has " + policy.numParams() + " parameters, the state "
                    + current.length);
        }
        INDArray state = Nd4j.createFromArray(from.adamState()).reshape(1, 2L * current.length);
        GradientUpdater<?> adam = new Adam(config.learningRate()).instantiate(state, false);
        RecurrentBaseline<T> recurrent = valueNetwork == null ? null
                : RecurrentBaseline.restore(valueNetwork, config, from.baselineState());
        for (int iteration = from.nextIteration(); iteration < config.iterations(); iteration++) {
            long t0 = System.nanoTime();
            SplittableRandom rng = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + iteration);
            List<T> batch = tasks.sample(config.trialsPerBatch(), rng.split());
            policy.setParameters(current);
            double[] trialReturns = runner.run(policy, batch, config.episodesPerTrial(), rng.split());
            Rl2Policy.Recording rec = policy.recording();
            Targets targets = targets(rec, recurrent);
            if (recurrent != null) { // after the advantages: they use the fit of earlier batches only (as rllab)
                recurrent.fit(rec.inputs, targets.residualTargets(), targets.mask(), iteration);
            }
            double loss = Double.NaN;
            double entropy = Double.NaN;
            double kl = Double.NaN;
            int epochsTaken = 0;
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                double[] grad;
                try (MemoryWorkspace scratch = ScratchMemory.open(EPOCH_WORKSPACE)) {
                    Rl2Policy.Unroll unroll = policy.unroll(current, rec.inputs);
                    Surrogate s = surrogate(unroll, rec, targets);
                    loss = s.loss;
                    entropy = s.entropy;
                    kl = s.approxKl;
                    if (stopsEarly(epoch, kl)) {
                        break;
                    }
                    grad = policy.gradient(unroll, s.dOutputs, s.dValues, s.dExtra);
                }
                clip(grad, config.maxGradientNorm());
                INDArray update = Nd4j.createFromArray(grad).reshape(1, grad.length);
                // Adam's bias correction counts every planned epoch, skipped ones too: a resumed run needs only the
                // iteration to continue bit for bit
                adam.applyUpdater(update, iteration * config.epochs() + epoch, epoch);
                epochsTaken++;
                double[] u = update.toDoubleVector();
                for (int k = 0; k < current.length; k++) {
                    current[k] -= u[k];
                }
                if (!Double.isFinite(loss)) {
                    throw new TrainingDivergedException(iteration, "the RL² PPO loss is " + loss);
                }
            }
            double mean = java.util.Arrays.stream(trialReturns).average().orElse(Double.NaN);
            IterationLog log = new IterationLog(iteration, mean, envSteps(rec, config.episodesPerTrial()), loss,
                    entropy, kl, epochsTaken, (System.nanoTime() - t0) / 1e9);
            listener.onIteration(log, new Rl2TrainingState(iteration + 1, current, state.toDoubleVector(),
                    recurrent == null ? new double[0] : recurrent.state()));
        }
        return current;
    }

    /**
     * Stable-Baselines3's early stop: once the policy has moved more than 1.5 × targetKl (approximate KL from the
     * sampling policy, measured before this epoch's step) the iteration takes no further steps.
     */
    private boolean stopsEarly(int epoch, double approxKl) {
        return config.targetKl() > 0 && epoch > 0 && approxKl > 1.5 * config.targetKl();
    }

    /** Steps each trial took up to the end of its last episode, summed over the trials. */
    private static long envSteps(Rl2Policy.Recording rec, int episodesPerTrial) {
        long steps = 0;
        int[] episodes = new int[rec.steps() == 0 ? 0 : rec.ended.get(0).length];
        for (boolean[] ended : rec.ended) {
            for (int i = 0; i < episodes.length; i++) {
                if (episodes[i] < episodesPerTrial) {
                    steps++;
                    if (ended[i]) {
                        episodes[i]++;
                    }
                }
            }
        }
        return steps;
    }

    /**
     * Per step t and trial i: advantage (normalised), return target and validity mask; with the recurrent baseline
     * also what its network is fitted to (return-to-go minus the batch's linear fit), else null.
     */
    record Targets(double[][] advantages, double[][] returns, double[][] mask, double[][] residualTargets) {
    }

    Targets targets(Rl2Policy.Recording rec) {
        return targets(rec, null);
    }

    Targets targets(Rl2Policy.Recording rec, RecurrentBaseline<T> recurrent) {
        int steps = rec.steps();
        int b = rec.logProbs.get(0).length;
        double[][] mask = new double[steps][b];
        int[] episodes = new int[b];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < b; i++) {
                mask[t][i] = episodes[i] < config.episodesPerTrial() ? 1.0 : 0.0;
                if (rec.ended.get(t)[i]) {
                    episodes[i]++;
                }
            }
        }
        double[][] returnsToGo = returnsToGo(rec, mask);
        double[][] baseline = config.baseline() == Rl2Baseline.VALUE_HEAD
                ? rec.values.toArray(new double[steps][]) : linearFit(rec, returnsToGo, mask);
        double[][] residualTargets = null;
        if (recurrent != null) {
            residualTargets = new double[steps][];
            double[][] residual = recurrent.predict(rec.inputs);
            for (int t = 0; t < steps; t++) {
                residualTargets[t] = new double[b];
                for (int i = 0; i < b; i++) {
                    residualTargets[t][i] = returnsToGo[t][i] - baseline[t][i];
                    baseline[t][i] += residual[t][i];
                }
            }
        }
        double[][] adv = new double[steps][b];
        double[][] ret = new double[steps][b];
        for (int i = 0; i < b; i++) {
            double gae = 0;
            double nextValue = 0;
            for (int t = steps - 1; t >= 0; t--) {
                if (mask[t][i] == 0) {
                    continue;
                }
                double v = baseline[t][i];
                double delta = trainingReward(rec, t, i) + config.gamma() * nextValue - v;
                gae = delta + config.gamma() * config.gaeLambda() * gae;
                adv[t][i] = gae;
                ret[t][i] = gae + v;
                nextValue = v;
            }
        }
        normalise(adv, mask);
        return new Targets(adv, ret, mask, residualTargets);
    }

    /** Advantages to mean 0 and standard deviation 1 over the valid steps (PPO's usual normalisation). */
    private static void normalise(double[][] adv, double[][] mask) {
        double sum = 0;
        double count = 0;
        for (int t = 0; t < adv.length; t++) {
            for (int i = 0; i < adv[t].length; i++) {
                sum += adv[t][i] * mask[t][i];
                count += mask[t][i];
            }
        }
        double mean = sum / count;
        double ss = 0;
        for (int t = 0; t < adv.length; t++) {
            for (int i = 0; i < adv[t].length; i++) {
                ss += mask[t][i] * (adv[t][i] - mean) * (adv[t][i] - mean);
            }
        }
        double std = Math.sqrt(ss / count) + 1e-8;
        for (int t = 0; t < adv.length; t++) {
            for (int i = 0; i < adv[t].length; i++) {
                adv[t][i] = mask[t][i] * (adv[t][i] - mean) / std;
            }
        }
    }

    /**
     * The reward the update learns from: the env's, scaled, plus with maximum-entropy rewards c·(−log π(a_t|h_t)) of
     * the sampling policy (a constant of the update: no gradient flows through it).
     */
    private double trainingReward(Rl2Policy.Recording rec, int t, int i) {
        double r = config.rewardScale() * rec.rewards.get(t)[i];
        return config.entropyMethod() == EntropyMethod.MAX ? r - config.entropyCoefficient() * rec.logProbs.get(t)[i]
                : r;
    }

    /** The discounted reward-to-go (of the training rewards) of every valid step of each trial; 0 after its end. */
    private double[][] returnsToGo(Rl2Policy.Recording rec, double[][] mask) {
        int steps = rec.steps();
        int b = mask[0].length;
        double[][] returns = new double[steps][b];
        for (int i = 0; i < b; i++) {
            double g = 0;
            for (int t = steps - 1; t >= 0; t--) {
                g = mask[t][i] == 0 ? 0 : trainingReward(rec, t, i) + config.gamma() * g;
                returns[t][i] = g;
            }
        }
        return returns;
    }

    /** The linear baseline fitted to this batch's returns-to-go. */
    private double[][] linearFit(Rl2Policy.Recording rec, double[][] returns, double[][] mask) {
        int steps = rec.steps();
        // the observation and the done flag only: a_{t−1} and r_{t−1} are consequences of the previous action, and a
        // baseline error that reads them would shift that action's advantage (GAE with λ < 1 does not cancel it)
        int obsDim = policy.core().inputSize() - policy.head().encodedActionSize() - 2;
        List<double[][]> inputs = new ArrayList<>(steps);
        for (INDArray x : rec.inputs) {
            double[][] rows = HostCopies.rows(x);
            for (int i = 0; i < rows.length; i++) {
                double[] r = java.util.Arrays.copyOf(rows[i], obsDim + 1);
                r[obsDim] = rows[i][rows[i].length - 1];
                rows[i] = r;
            }
            inputs.add(rows);
        }
        return LinearBaseline.fitAndPredict(inputs, returns, mask);
    }

    record Surrogate(double loss, double entropy, double approxKl, List<INDArray> dOutputs,
                     List<INDArray> dValues, double[] dExtra) {
    }

    /**
     * L = mean over valid steps of −min(ρA, clip(ρ, 1±ε)A) + c_v (V − R)² − c_H H(π) (the last term only with
     * {@link EntropyMethod#REGULARIZED}), and its derivatives with respect to every step's head outputs and value and
     * to the head's extra parameters (the Gaussian log-std).
     */
    Surrogate surrogate(Rl2Policy.Unroll unroll, Rl2Policy.Recording rec, Targets tg) {
        ActionHead head = policy.head();
        int steps = rec.steps();
        int b = rec.logProbs.get(0).length;
        double count = 0;
        for (double[] m : tg.mask()) {
            for (double v : m) {
                count += v;
            }
        }
        double eps = config.clip();
        // with maximum-entropy rewards the entropy is already in the advantages, not in the loss
        double cH = config.entropyMethod() == EntropyMethod.REGULARIZED ? config.entropyCoefficient() : 0.0;
        // a linear baseline leaves the value head out of the loss: the core learns for the policy only
        double cV = config.baseline() == Rl2Baseline.VALUE_HEAD ? config.valueCoefficient() : 0.0;
        double loss = 0;
        double entropy = 0;
        double kl = 0;
        double[] dExtra = new double[head.extraParameters()];
        List<INDArray> dOutputs = new ArrayList<>(steps);
        List<INDArray> dValues = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            double[][] outputs = HostCopies.rows(unroll.outputs().get(t));
            double[] values = unroll.values().get(t).reshape(-1).toDoubleVector();
            double[][] dOut = new double[b][head.outputs()];
            double[][] dv = new double[b][1];
            for (int i = 0; i < b; i++) {
                if (tg.mask()[t][i] == 0) {
                    continue;
                }
                ActionHead.Terms terms = head.evaluate(outputs[i], unroll.extra(), rec.actions.get(t),
                        i * head.actionDim());
                double oldLogProb = rec.logProbs.get(t)[i];
                double ratio = Math.exp(terms.logProb() - oldLogProb);
                double adv = tg.advantages()[t][i];
                double unclipped = ratio * adv;
                double clipped = Math.max(1 - eps, Math.min(1 + eps, ratio)) * adv;
                double valueError = values[i] - tg.returns()[t][i];
                loss += (-Math.min(unclipped, clipped) - cH * terms.entropy()
                        + cV * valueError * valueError) / count;
                // Schulman's k3 estimator of KL(old ‖ new), as Stable-Baselines3 and CleanRL: unbiased and never
                // negative per sample (the plain mean of old − new log-probabilities can be), so the early stop is safe
                kl += (ratio - 1 - (terms.logProb() - oldLogProb)) / count;
                entropy += terms.entropy() / count;
                // the min picks the unclipped term exactly when it carries the gradient: ∂(−ρA) = −ρA ∂log π
                double dLogProb = unclipped <= clipped ? -adv * ratio : 0.0;
                for (int k = 0; k < dOut[i].length; k++) {
                    dOut[i][k] = (dLogProb * terms.dLogProbDOutput()[k] - cH * terms.dEntropyDOutput()[k]) / count;
                }
                for (int k = 0; k < dExtra.length; k++) {
                    dExtra[k] += (dLogProb * terms.dLogProbDExtra()[k] - cH * terms.dEntropyDExtra()[k]) / count;
                }
                dv[i][0] = 2 * cV * valueError / count;
            }
            dOutputs.add(HostCopies.matrix(dOut, policy.dataType()));
            dValues.add(HostCopies.matrix(dv, policy.dataType()));
        }
        return new Surrogate(loss, entropy, kl, dOutputs, dValues, dExtra);
    }

    static void clip(double[] g, double maxNorm) {
        double n = 0;
        for (double v : g) {
            n += v * v;
        }
        n = Math.sqrt(n);
        if (n > maxNorm && n > 0) {
            for (int i = 0; i < g.length; i++) {
                g[i] *= maxNorm / n;
            }
        }
    }
}

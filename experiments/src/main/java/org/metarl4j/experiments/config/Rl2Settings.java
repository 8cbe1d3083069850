package org.metarl4j.experiments.config;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.gym.GymFamilies;
import org.metarl4j.meta.rl2.EntropyMethod;
import org.metarl4j.meta.rl2.Rl2Baseline;
import org.metarl4j.meta.rl2.Rl2Config;

/**
 * The {@code rl2:} section of an experiment (RL², Duan et al. 2016, trained with PPO): the task family and trial
 * length, the recurrent core, the PPO hyperparameters of {@link Rl2Config} and the size of the final evaluation. The
 * seed comes from the experiment's {@code seeds}.
 *
 * @param family task family (a name in {@code EnvFamilies}, or {@code gym} for a gym server's envs described in the
 *     experiment's {@code gym:} section): discrete actions get a softmax head, continuous ones a Gaussian head
 * @param arms bandit arms k for {@code bernoulli-bandit} (RL² Table 1: 5, 10, 50); other families take no such
 *     setting and must leave it at {@value EnvFamilies#DEFAULT_ARMS}
 * @param episodesPerTrial n, episodes of one task per trial (the memory is kept across them)
 * @param core the memory: gru (as RL²), lstm, mann (memory-augmented, Santoro et al. 2016) or snail (Mishra et al.
 *     2018, the paper's architecture)
 * @param hiddenSize units of the core (of the MANN's controller; SNAIL's sizes are the paper's and ignore it)
 * @param iterations PPO iterations, one batch of trials each
 * @param trialsPerBatch trials (fresh tasks) per iteration
 * @param gamma discount over the whole trial
 * @param gaeLambda GAE λ
 * @param clip PPO's clip ε
 * @param epochs full-batch Adam steps per iteration
 * @param learningRate Adam step size
 * @param entropyCoefficient weight of the entropy term
 * @param valueCoefficient weight of the squared value error
 * @param maxGradientNorm gradients are scaled down to this norm
 * @param rewardScale rewards are multiplied by this for training (value targets, advantages); reported returns are not
 * @param baseline what the advantages subtract: {@code value-head} (the policy's value head, trained on the shared
 *     core) or {@code linear} (rllab's linear feature baseline refitted per batch, as RL²'s own code)
 * @param targetKl PPO's early stop: an iteration's remaining epochs are skipped once the approximate KL from the
 *     sampling policy exceeds 1.5 × this (Stable-Baselines3's {@code target_kl}); 0 turns it off
 * @param entropyMethod where the entropy term goes (garage's {@code entropy_method}): {@code regularized} (a bonus in
 *     the loss) or {@code max} (c·(−log π(a_t|h_t)) added to every step's reward)
 * @param evalTasks fresh tasks of the final evaluation (RL²'s tables average over 1000)
 */
@JsonPropertyOrder({"family", "arms", "episodesPerTrial", "core", "hiddenSize", "iterations", "trialsPerBatch",
    "gamma", "gaeLambda", "clip", "epochs", "learningRate", "entropyCoefficient", "valueCoefficient",
    "maxGradientNorm", "rewardScale", "baseline", "targetKl", "entropyMethod", "evalTasks"})
public record Rl2Settings(String family, int arms, int episodesPerTrial, Rl2Core core, int hiddenSize,
                          int iterations, int trialsPerBatch, double gamma, double gaeLambda, double clip,
                          int epochs, double learningRate, double entropyCoefficient, double valueCoefficient,
                          double maxGradientNorm, double rewardScale, Rl2Baseline baseline,
                          double targetKl, EntropyMethod entropyMethod, int evalTasks) {

    /** The family whose size {@code arms} sets. */
    public static final String BANDIT = "bernoulli-bandit";

    public Rl2Settings {
        require(ExperimentConfig.familyNames().contains(family),
                "family must be one of " + ExperimentConfig.familyNames() + ", got '" + family + "'");
        require(arms >= 2, "arms must be >= 2, got " + arms);
        require(family.equals(BANDIT) || arms == EnvFamilies.DEFAULT_ARMS, "arms applies to " + BANDIT
                + " only; leave it at " + EnvFamilies.DEFAULT_ARMS + " for " + family + ", got " + arms);
        require(core != null, "core must be one of " + List.of(Rl2Core.values()));
        require(evalTasks >= 2, "evalTasks must be >= 2, got " + evalTasks);
        // the PPO settings' own checks (the fields are not assigned yet: pass the parameters)
        new Rl2Config(0, iterations, trialsPerBatch, episodesPerTrial, hiddenSize, gamma, gaeLambda, clip, epochs,
                learningRate, entropyCoefficient, valueCoefficient, maxGradientNorm, rewardScale, baseline, targetKl,
                entropyMethod);
    }

    /** The algorithm's config for one run. */
    public Rl2Config algorithm(long seed) {
        return new Rl2Config(seed, iterations, trialsPerBatch, episodesPerTrial, hiddenSize, gamma, gaeLambda, clip,
                epochs, learningRate, entropyCoefficient, valueCoefficient, maxGradientNorm, rewardScale, baseline,
                targetKl, entropyMethod);
    }

    /**
     * The built-in task family, with {@code arms} arms for bandits. A {@code gym} family needs the experiment's
     * server settings: runs open it with {@code RunFamily.open}.
     */
    public EnvFamily<?> taskFamily() {
        if (family.equals(GymFamilies.NAME)) {
            throw new IllegalStateException("the gym family is opened from the experiment's gym section");
        }
        return family.equals(BANDIT) ? EnvFamilies.bernoulliBandit(arms) : EnvFamilies.byName(family);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}

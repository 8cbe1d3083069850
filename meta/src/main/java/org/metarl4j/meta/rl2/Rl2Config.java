package org.metarl4j.meta.rl2;

/**
 * An RL² run (Duan et al. 2016): trials of {@code episodesPerTrial} episodes, a recurrent policy, PPO settings.
 *
 * @param seed the run's one seed
 * @param iterations PPO iterations (one batch of trials each)
 * @param trialsPerBatch trials (tasks) per iteration
 * @param episodesPerTrial n, episodes of one task per trial
 * @param hiddenSize units of the recurrent core
 * @param gamma discount over the whole trial
 * @param gaeLambda GAE λ
 * @param clip PPO's ε
 * @param epochs full-batch Adam steps per iteration
 * @param learningRate Adam step size
 * @param entropyCoefficient weight of the entropy term ({@code entropyMethod} says where it goes)
 * @param valueCoefficient weight of the squared value error
 * @param maxGradientNorm gradients are scaled down to this norm
 * @param rewardScale rewards are multiplied by this before the returns, advantages and value targets (the reported
 *     returns are not): keeps the value loss of tasks with large returns (2D navigation: ≈ −100 per episode) from
 *     drowning the policy's gradient in the shared core (rllab's and garage's {@code scale_reward}); 1 for the
 *     bandit and tabular rows
 * @param baseline what the advantages subtract: the policy's value head (trained with weight
 *     {@code valueCoefficient}) or a linear regression refitted per batch (the value head then gets no gradient)
 * @param targetKl PPO's early stop (Stable-Baselines3's {@code target_kl}): an iteration's remaining epochs are skipped
 *     once the approximate KL from the sampling policy exceeds 1.5 × this; 0 turns it off
 * @param entropyMethod a bonus in the loss ({@link EntropyMethod#REGULARIZED}) or maximum-entropy rewards
 *     ({@link EntropyMethod#MAX})
 */
public record Rl2Config(long seed, int iterations, int trialsPerBatch, int episodesPerTrial, int hiddenSize,
                        double gamma, double gaeLambda, double clip, int epochs, double learningRate,
                        double entropyCoefficient, double valueCoefficient, double maxGradientNorm,
                        double rewardScale, Rl2Baseline baseline, double targetKl, EntropyMethod entropyMethod) {

    /** With the entropy bonus in the loss. */
    public Rl2Config(long seed, int iterations, int trialsPerBatch, int episodesPerTrial, int hiddenSize,
                     double gamma, double gaeLambda, double clip, int epochs, double learningRate,
                     double entropyCoefficient, double valueCoefficient, double maxGradientNorm, double rewardScale,
                     Rl2Baseline baseline, double targetKl) {
        this(seed, iterations, trialsPerBatch, episodesPerTrial, hiddenSize, gamma, gaeLambda, clip, epochs,
                learningRate, entropyCoefficient, valueCoefficient, maxGradientNorm, rewardScale, baseline, targetKl,
                EntropyMethod.REGULARIZED);
    }

    /** Without the KL early stop. */
    public Rl2Config(long seed, int iterations, int trialsPerBatch, int episodesPerTrial, int hiddenSize,
                     double gamma, double gaeLambda, double clip, int epochs, double learningRate,
                     double entropyCoefficient, double valueCoefficient, double maxGradientNorm, double rewardScale,
                     Rl2Baseline baseline) {
        this(seed, iterations, trialsPerBatch, episodesPerTrial, hiddenSize, gamma, gaeLambda, clip, epochs,
                learningRate, entropyCoefficient, valueCoefficient, maxGradientNorm, rewardScale, baseline, 0.0);
    }

    /** With the value head as the baseline. */
    public Rl2Config(long seed, int iterations, int trialsPerBatch, int episodesPerTrial, int hiddenSize,
                     double gamma, double gaeLambda, double clip, int epochs, double learningRate,
                     double entropyCoefficient, double valueCoefficient, double maxGradientNorm, double rewardScale) {
        this(seed, iterations, trialsPerBatch, episodesPerTrial, hiddenSize, gamma, gaeLambda, clip, epochs,
                learningRate, entropyCoefficient, valueCoefficient, maxGradientNorm, rewardScale,
                Rl2Baseline.VALUE_HEAD);
    }

    public Rl2Config {
        require(entropyMethod != null, "entropyMethod must be one of "
                + java.util.Arrays.toString(EntropyMethod.values()));
        require(baseline != null, "baseline must be one of " + java.util.Arrays.toString(Rl2Baseline.values()));
        require(iterations >= 0, "iterations must be >= 0, got " + iterations);
        require(trialsPerBatch >= 1, "trialsPerBatch must be >= 1, got " + trialsPerBatch);
        require(episodesPerTrial >= 1, "episodesPerTrial must be >= 1, got " + episodesPerTrial);
        require(hiddenSize >= 1, "hiddenSize must be >= 1, got " + hiddenSize);
        require(gamma > 0 && gamma <= 1, "gamma must be in (0, 1], got " + gamma);
        require(gaeLambda >= 0 && gaeLambda <= 1, "gaeLambda must be in [0, 1], got " + gaeLambda);
        require(clip > 0, "clip must be > 0, got " + clip);
        require(epochs >= 1, "epochs must be >= 1, got " + epochs);
        require(learningRate > 0, "learningRate must be > 0, got " + learningRate);
        require(rewardScale > 0 && Double.isFinite(rewardScale), "rewardScale must be > 0, got " + rewardScale);
        require(entropyCoefficient >= 0, "entropyCoefficient must be >= 0, got " + entropyCoefficient);
        require(valueCoefficient >= 0, "valueCoefficient must be >= 0, got " + valueCoefficient);
        require(maxGradientNorm > 0, "maxGradientNorm must be > 0, got " + maxGradientNorm);
        require(targetKl >= 0 && Double.isFinite(targetKl), "targetKl must be >= 0 (0: no early stop), got "
                + targetKl);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Our starting point for bandits and tabular MDPs (PPO in place of RL²'s TRPO; not tuned per table row). */
    public static Rl2Config defaults(int episodesPerTrial) {
        return new Rl2Config(1, 500, 250, episodesPerTrial, 64, 0.99, 0.3, 0.2, 4, 3e-3, 0.01, 0.5, 1.0, 1.0);
    }
}

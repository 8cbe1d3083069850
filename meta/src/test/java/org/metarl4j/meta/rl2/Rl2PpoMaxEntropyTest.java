package org.metarl4j.meta.rl2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.agents.recurrent.Rl2Policy;
import org.metarl4j.agents.trial.TrialRunner;
import org.metarl4j.envs.bandit.BanditTask;
import org.metarl4j.envs.bandit.BanditTaskDistribution;
import org.metarl4j.envs.bandit.BernoulliBanditEnv;
import org.nd4j.linalg.api.buffer.DataType;

/** {@link EntropyMethod#MAX}: c·(−log π(a|h)) as a reward (garage's {@code entropy_method='max'}). */
class Rl2PpoMaxEntropyTest {
    private static final int TRIALS = 6;
    private static final int PULLS = 4;
    private static final double GAMMA = 0.9;
    private static final double LAMBDA = 0.8;

    private static Rl2Config config(double entropyCoefficient, EntropyMethod method) {
        return new Rl2Config(1, 1, TRIALS, PULLS, 5, GAMMA, LAMBDA, 0.2, 1, 1e-3, entropyCoefficient, 0.5, 1.0, 1.0,
                Rl2Baseline.VALUE_HEAD, 0.0, method);
    }

    private static Rl2Ppo<BanditTask> ppo(Rl2Config config, Rl2Policy<BanditTask> policy) {
        return new Rl2Ppo<>(config, policy, () -> new BernoulliBanditEnv(3), new BanditTaskDistribution(3));
    }

    /** One batch of trials with V = 0, so that the targets are plain discounted sums of the training rewards. */
    private static Rl2Policy<BanditTask> sampledPolicy() {
        Rl2Policy<BanditTask> policy = new Rl2Policy<>(1, 3, 5, DataType.DOUBLE);
        SplittableRandom rng = new SplittableRandom(2);
        policy.setParameters(policy.initialParameters(rng));
        new TrialRunner<BanditTask>(() -> new BernoulliBanditEnv(3)).run(policy,
                new BanditTaskDistribution(3).sample(TRIALS, rng.split()), PULLS, rng.split());
        Rl2Policy.Recording rec = policy.recording();
        for (int t = 0; t < rec.steps(); t++) {
            java.util.Arrays.fill(rec.values.get(t), 0.0);
        }
        return policy;
    }

    @Test
    void theReturnsCarryTheDiscountedNegativeLogLikelihoodAndTheAdvantagesAreNormalised() {
        Rl2Policy<BanditTask> policy = sampledPolicy();
        Rl2Policy.Recording rec = policy.recording();
        double c = 0.3;
        Rl2Ppo.Targets max = ppo(config(c, EntropyMethod.MAX), policy).targets(rec);
        Rl2Ppo.Targets plain = ppo(config(c, EntropyMethod.REGULARIZED), policy).targets(rec);
        // by hand, per trial, backwards: with V = 0 the GAE advantage and the return target are both Σ (γλ)^k r'_{t+k},
        // where r' = r − c·log π(a|h) with MAX and r with REGULARIZED
        List<Double> raw = new ArrayList<>();
        double[][] expected = new double[rec.steps()][TRIALS];
        for (int i = 0; i < TRIALS; i++) {
            double withEntropy = 0;
            double without = 0;
            for (int t = rec.steps() - 1; t >= 0; t--) {
                double r = rec.rewards.get(t)[i];
                withEntropy = r - c * rec.logProbs.get(t)[i] + GAMMA * LAMBDA * withEntropy;
                without = r + GAMMA * LAMBDA * without;
                assertEquals(withEntropy, max.returns()[t][i], 1e-12);
                assertEquals(without, plain.returns()[t][i], 1e-12);
                expected[t][i] = withEntropy;
                raw.add(withEntropy);
            }
        }
        double mean = raw.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sd = Math.sqrt(raw.stream().mapToDouble(v -> (v - mean) * (v - mean)).average().orElseThrow());
        for (int t = 0; t < rec.steps(); t++) {
            for (int i = 0; i < TRIALS; i++) {
                assertEquals((expected[t][i] - mean) / sd, max.advantages()[t][i], 1e-6);
            }
        }
        assertTrue(max.returns()[0][0] > plain.returns()[0][0], "−log π > 0 for a discrete action");
    }

    @Test
    void withMaximumEntropyRewardsTheLossHasNoEntropyTerm() {
        Rl2Policy<BanditTask> policy = sampledPolicy();
        Rl2Policy.Recording rec = policy.recording();
        double[] theta = policy.initialParameters(new SplittableRandom(2));
        Rl2Policy.Unroll unroll = policy.unroll(theta, rec.inputs);
        // the same advantages under both coefficients' MAX configs differ only through the rewards: with the targets
        // fixed, the loss must not depend on the coefficient
        Rl2Ppo<BanditTask> small = ppo(config(0.0, EntropyMethod.MAX), policy);
        Rl2Ppo<BanditTask> large = ppo(config(5.0, EntropyMethod.MAX), policy);
        Rl2Ppo.Targets targets = small.targets(rec);
        Rl2Ppo.Surrogate a = small.surrogate(unroll, rec, targets);
        Rl2Ppo.Surrogate b = large.surrogate(unroll, rec, targets);
        assertEquals(a.loss(), b.loss(), 1e-12);
        assertEquals(a.entropy(), b.entropy(), 1e-12);
        Rl2Ppo.Surrogate regularized = ppo(config(5.0, EntropyMethod.REGULARIZED), policy).surrogate(unroll, rec,
                targets);
        assertEquals(a.loss() - 5.0 * a.entropy(), regularized.loss(), 1e-9);
    }

    /** A large entropy reward keeps the policy close to uniform where plain PPO on the same batches commits. */
    @Test
    void aLargeEntropyRewardKeepsThePolicyExploring() {
        double plain = finalEntropy(config8(0.0, EntropyMethod.MAX));
        double rewarded = finalEntropy(config8(2.0, EntropyMethod.MAX));
        assertTrue(rewarded > plain + 0.05, "entropy with the reward " + rewarded + ", without " + plain);
        assertTrue(rewarded > 0.95 * Math.log(3), "entropy with the reward " + rewarded);
    }

    private static Rl2Config config8(double c, EntropyMethod method) {
        return new Rl2Config(3, 30, 16, 5, 8, 0.99, 0.3, 0.2, 4, 3e-2, c, 0.5, 1.0, 1.0, Rl2Baseline.LINEAR, 0.0,
                method);
    }

    private static double finalEntropy(Rl2Config config) {
        Rl2Policy<BanditTask> policy = new Rl2Policy<>(1, 3, 8, DataType.FLOAT);
        List<Double> entropies = new ArrayList<>();
        ppo(config, policy).train(policy.initialParameters(new SplittableRandom(3)),
                (log, theta) -> entropies.add(log.entropy()));
        return entropies.get(entropies.size() - 1);
    }
}

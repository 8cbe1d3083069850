package org.metarl4j.meta.rl2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.agents.recurrent.Rl2Policy;
import org.metarl4j.agents.trial.TrialRunner;
import org.metarl4j.envs.tabular.TabularMdpEnv;
import org.metarl4j.envs.tabular.TabularMdpTask;
import org.metarl4j.envs.tabular.TabularMdpTaskDistribution;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * RL² targets on multi-step episodes (tabular MDPs, T = 10): what the policy reads at episode boundaries, GAE through
 * the time-limit truncations inside a trial, the per-action shift a baseline
 * that reads the previous action puts into the advantages, and the linear baseline's place in the loss.
 */
class Rl2TabularTargetsTest {
    private static final int STATES = 10;
    private static final int ACTIONS = 5;
    private static final int EPISODES = 3;

    private static Rl2Policy.Recording sample(Rl2Policy<TabularMdpTask> policy, int trials, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        policy.setParameters(policy.initialParameters(rng));
        List<TabularMdpTask> tasks = TabularMdpTaskDistribution.standard().sample(trials, rng.split());
        new TrialRunner<TabularMdpTask>(() -> new TabularMdpEnv(STATES, ACTIONS)).run(policy, tasks, EPISODES,
                rng.split());
        return policy.recording();
    }

    private static Rl2Ppo<TabularMdpTask> ppo(Rl2Policy<TabularMdpTask> policy, double gamma, double lambda,
                                              double rewardScale, Rl2Baseline baseline) {
        Rl2Config config = new Rl2Config(1, 1, 8, EPISODES, policy.core().hiddenSize(), gamma, lambda, 0.2, 1, 1e-3,
                0.01, 0.5, 1.0, rewardScale, baseline);
        return new Rl2Ppo<>(config, policy, () -> new TabularMdpEnv(STATES, ACTIONS),
                TabularMdpTaskDistribution.standard());
    }

    /** Step t's input is [one-hot s_t, one-hot a_{t−1}, r_{t−1}, done_{t−1}], the memory runs through boundaries. */
    @Test
    void thePolicyReadsStateActionRewardAndDoneAcrossEpisodeBoundaries() {
        Rl2Policy<TabularMdpTask> policy = new Rl2Policy<>(STATES, ACTIONS, 8, DataType.DOUBLE);
        Rl2Policy.Recording rec = sample(policy, 4, 3);
        int T = TabularMdpEnv.DEFAULT_HORIZON;
        assertEquals(EPISODES * T, rec.steps());
        for (int t = 0; t < rec.steps(); t++) {
            double[][] x = org.metarl4j.agents.HostCopies.rows(rec.inputs.get(t));
            for (int i = 0; i < 4; i++) {
                double stateSum = 0;
                for (int s = 0; s < STATES; s++) {
                    stateSum += x[i][s];
                }
                assertEquals(1.0, stateSum, "one-hot state");
                if (t % T == 0) {
                    assertEquals(1.0, x[i][0], "every episode starts in state 0");
                }
                boolean boundary = t > 0 && t % T == 0;
                assertEquals(boundary ? 1.0 : 0.0, x[i][STATES + ACTIONS + 1], "done flag of the previous step");
                assertEquals(t % T == T - 1, rec.ended.get(t)[i], "episodes end by truncation after T steps");
                if (t > 0) {
                    int previous = (int) rec.actions.get(t - 1)[i];
                    for (int a = 0; a < ACTIONS; a++) {
                        assertEquals(a == previous ? 1.0 : 0.0, x[i][STATES + a], "one-hot previous action");
                    }
                    assertEquals(rec.rewards.get(t - 1)[i], x[i][STATES + ACTIONS], 1e-12, "unscaled reward");
                }
            }
        }
    }

    /**
     * A truncation inside a trial does not end the trial: the GAE chain and the value targets run through the
     * episode boundaries and bootstrap from the next episode's first value; only the trial's last step has none.
     */
    @Test
    void gaeRunsThroughTheTruncationsInsideATrial() {
        Rl2Policy<TabularMdpTask> policy = new Rl2Policy<>(STATES, ACTIONS, 8, DataType.DOUBLE);
        Rl2Policy.Recording rec = sample(policy, 4, 5);
        double gamma = 0.9;
        double lambda = 0.7;
        double scale = 0.5;
        Rl2Ppo.Targets targets = ppo(policy, gamma, lambda, scale, Rl2Baseline.VALUE_HEAD).targets(rec);
        for (int i = 0; i < 4; i++) {
            double gae = 0;
            for (int t = rec.steps() - 1; t >= 0; t--) {
                double next = t + 1 < rec.steps() ? rec.values.get(t + 1)[i] : 0.0;
                double delta = scale * rec.rewards.get(t)[i] + gamma * next - rec.values.get(t)[i];
                gae = delta + gamma * lambda * gae;
                assertEquals(gae + rec.values.get(t)[i], targets.returns()[t][i], 1e-9, "step " + t);
            }
        }
    }

    /** Mean normalised advantage of each action over the batch; by symmetry of the task prior the truth is 0. */
    private static double worstActionShift(Rl2Policy.Recording rec, Rl2Ppo.Targets targets) {
        double[] sum = new double[ACTIONS];
        double[] count = new double[ACTIONS];
        for (int t = 0; t < rec.steps(); t++) {
            for (int i = 0; i < rec.actions.get(t).length; i++) {
                int a = (int) rec.actions.get(t)[i];
                sum[a] += targets.advantages()[t][i];
                count[a]++;
            }
        }
        double worst = 0;
        for (int a = 0; a < ACTIONS; a++) {
            worst = Math.max(worst, Math.abs(sum[a] / count[a]));
        }
        return worst;
    }

    /**
     * Why tabular RL² collapsed to a deterministic policy at chance: a baseline that reads a_t (V(h_{t+1}) sees the
     * previous-action input) shifts the advantage of every a_t by its error, which GAE with λ = 0.3 does not cancel;
     * with small reward scales the shift is tenths of a standard deviation, and PPO follows it. The linear baseline
     * reads the state, the done flag and the step only, and leaves no shift.
     */
    @Test
    void theLinearBaselineLeavesNoPerActionShiftInTheAdvantages() {
        Rl2Policy<TabularMdpTask> policy = new Rl2Policy<>(STATES, ACTIONS, 16, DataType.DOUBLE);
        Rl2Policy.Recording rec = sample(policy, 200, 7);
        double valueHead = worstActionShift(rec, ppo(policy, 0.99, 0.3, 0.01, Rl2Baseline.VALUE_HEAD).targets(rec));
        double linear = worstActionShift(rec, ppo(policy, 0.99, 0.3, 0.01, Rl2Baseline.LINEAR).targets(rec));
        assertTrue(valueHead > 0.1, "the value head's shift " + valueHead + " (linear " + linear + ")");
        assertTrue(linear < 0.08, "the linear baseline's shift " + linear); // 0.14 while it read a_{t−1}, r_{t−1}
    }

    /** With the linear baseline the value head is out of the loss: it gets no gradient. */
    @Test
    void theLinearBaselineGivesTheValueHeadNoGradient() {
        Rl2Policy<TabularMdpTask> policy = new Rl2Policy<>(STATES, ACTIONS, 8, DataType.DOUBLE);
        Rl2Policy.Recording rec = sample(policy, 6, 9);
        Rl2Ppo<TabularMdpTask> ppo = ppo(policy, 0.99, 0.3, 1.0, Rl2Baseline.LINEAR);
        double[] theta = policy.initialParameters(new SplittableRandom(9));
        Rl2Policy.Unroll unroll = policy.unroll(theta, rec.inputs);
        Rl2Ppo.Surrogate s = ppo.surrogate(unroll, rec, ppo.targets(rec));
        double[] grad = policy.gradient(unroll, s.dOutputs(), s.dValues(), s.dExtra());
        int valueHead = policy.core().numParams() + 8 * ACTIONS + ACTIONS;
        for (int k = valueHead; k < valueHead + 8 + 1; k++) {
            assertEquals(0.0, grad[k], "value-head parameter " + k);
        }
        assertTrue(java.util.Arrays.stream(grad, 0, valueHead).anyMatch(g -> g != 0), "the policy still learns");
    }
}

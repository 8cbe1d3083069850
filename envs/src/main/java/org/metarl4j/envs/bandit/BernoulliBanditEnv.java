package org.metarl4j.envs.bandit;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.metarl4j.envs.AbstractEnv;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;
import org.metarl4j.envs.space.Space;

/**
 * The Bernoulli multi-armed bandit of RL² (Duan et al. 2016, §3.1) and pytorch-maml-rl's {@code BernoulliBanditEnv}
 * ({@code maml_rl/envs/bandit.py}): k arms, pulling arm a pays 1 with probability p_a and 0 otherwise (reward
 * r ~ Bernoulli(p_a), returned as 0.0 / 1.0), with the arm probabilities p given by the {@link BanditTask}.
 *
 * <p>Spaces as the reference: the action is {@code Discrete(k)}; the observation is a Box of shape (1,) that is always
 * 0 (the bandit has no state; what the agent learns from is its own action/reward history, which RL²-style agents
 * receive as extra inputs).
 *
 * <p>Episodes: each episode is one pull — the step terminates it ({@link #terminated()} true, horizon 1). An RL² trial
 * of n pulls on one task is therefore n episodes of this env with the same task (the tables of RL² Table 1 report the
 * total reward over those n pulls). Rewards draw from the generator given to the latest reset, so with one seeded
 * generator per trial the rewards are reproducible.
 */
public final class BernoulliBanditEnv extends AbstractEnv<BanditTask> {
    public static final String ID = "BernoulliBandit-v0";
    /** One pull per episode. */
    public static final int HORIZON = 1;
    private static final Box OBSERVATION_SPACE = Box.uniform(1, 0.0, 0.0);

    private final int arms;
    private final Discrete actionSpace;
    private boolean pulled;

    /**
     * A k-armed bandit set to the neutral task p_i = 0.5 for every arm (set a sampled task with {@link #setTask}).
     *
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public BernoulliBanditEnv(int k) {
        this(k, neutralTask(k));
    }

    /**
     * A k-armed bandit set to {@code task}.
     *
     * @throws IllegalArgumentException if {@code k < 1}, the task is invalid, or it does not have k arms
     */
    public BernoulliBanditEnv(int k, BanditTask task) {
        super(ID, HORIZON);
        checkArmCount(k);
        this.arms = k;
        this.actionSpace = new Discrete(k);
        setTask(task);
    }

    private static BanditTask neutralTask(int k) {
        checkArmCount(k);
        double[] p = new double[k];
        Arrays.fill(p, 0.5);
        return new BanditTask(p);
    }

    private static void checkArmCount(int k) {
        if (k < 1) {
            throw new IllegalArgumentException(ID + ": number of arms k must be >= 1, got " + k);
        }
    }

    @Override
    protected void checkCompatible(BanditTask task) {
        if (task.arms() != arms) {
            throw new IllegalArgumentException(ID + " has k = " + arms + " arms but the task has " + task.arms()
                    + " arm probabilities; use a task with exactly " + arms + " arms or a " + task.arms()
                    + "-armed env");
        }
    }

    /** Number of arms k. */
    public int arms() {
        return arms;
    }

    @Override
    public Space observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    @Override
    protected void resetState(SplittableRandom rng) {
        pulled = false;
    }

    /** Pulls arm a: 1.0 with probability p_a (one uniform u, reward 1 iff u &lt; p_a), else 0.0. */
    @Override
    protected double advance(double[] actions, int offset) {
        int arm = (int) actions[offset];
        pulled = true;
        return rng.nextDouble() < task().probability(arm) ? 1.0 : 0.0;
    }

    @Override
    protected boolean isTerminal() {
        return pulled;
    }

    @Override
    protected void observe(double[] out, int offset) {
        out[offset] = 0.0;
    }
}

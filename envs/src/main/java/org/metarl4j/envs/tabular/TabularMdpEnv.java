package org.metarl4j.envs.tabular;

import java.util.SplittableRandom;
import org.metarl4j.envs.AbstractEnv;
import org.metarl4j.envs.random.Sampling;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;
import org.metarl4j.envs.space.Space;

/**
 * The random tabular MDP of RL² (Duan et al. 2016, §3.2) and pytorch-maml-rl's {@code TabularMDPEnv}
 * ({@code maml_rl/envs/mdp.py}); the reference setting is S = 10 states, A = 5 actions, T = 10 steps per episode.
 *
 * <ul>
 *   <li>Each episode starts in state 0.
 *   <li>The observation is the one-hot encoding of the current state, a Box [0, 1]^S.
 *   <li>The action is {@code Discrete(A)}.
 *   <li>Taking a in s gives the reward r ~ N(μ(s, a), 1), with μ = {@link TabularMdpTask#rewardMeans()} and s the
 *       state <em>before</em> the transition, then moves to s' ~ P(·|s, a) = {@code transitions[s][a]}. Per step the
 *       generator of the latest reset gives first the reward (two uniforms, {@link Sampling#gaussian}) and then the
 *       next state (one uniform, inverse CDF, {@link Sampling#categorical}), the reference's order.
 *   <li>No state is terminal; episodes are truncated after T steps (default {@value #DEFAULT_HORIZON}). RL² runs n
 *       such episodes per trial on one task.
 * </ul>
 *
 * <p>The oracle "value iteration" score the RL² and SNAIL tables compare to is {@link ValueIteration#optimalValue}.
 */
public final class TabularMdpEnv extends AbstractEnv<TabularMdpTask> {
    public static final String ID = "TabularMDP-v0";
    /** The episode length T of RL² §3.2. */
    public static final int DEFAULT_HORIZON = 10;
    /** The reward noise standard deviation of RL² §3.2. */
    public static final double REWARD_STD = 1.0;

    private final int numStates;
    private final int numActions;
    private final Box observationSpace;
    private final Discrete actionSpace;
    /** The current task's transition rows and mean rewards, cached (copied once) at setTask. */
    private double[][][] transitions;
    private double[][] rewardMeans;
    private int state;

    /** S states, A actions, set to {@code task}, time limit {@value #DEFAULT_HORIZON}. */
    public TabularMdpEnv(int numStates, int numActions, TabularMdpTask task) {
        this(numStates, numActions, task, DEFAULT_HORIZON);
    }

    /**
     * S states, A actions, set to {@code task}, time limit {@code horizon} steps.
     *
     * @throws IllegalArgumentException if S or A is &lt; 1, horizon &lt; 1, the task is invalid or not S x A
     */
    public TabularMdpEnv(int numStates, int numActions, TabularMdpTask task, int horizon) {
        super(ID, horizon);
        checkSizes(numStates, numActions);
        this.numStates = numStates;
        this.numActions = numActions;
        this.observationSpace = Box.uniform(numStates, 0.0, 1.0);
        this.actionSpace = new Discrete(numActions);
        setTask(task);
    }

    /**
     * S states, A actions, set to a neutral placeholder task (uniform transitions, zero mean rewards); set a sampled
     * task with {@link #setTask} — handy as a {@code VectorEnv} factory.
     */
    public TabularMdpEnv(int numStates, int numActions) {
        this(numStates, numActions, neutralTask(numStates, numActions));
    }

    private static TabularMdpTask neutralTask(int states, int actions) {
        checkSizes(states, actions);
        double[][][] p = new double[states][actions][states];
        for (double[][] rows : p) {
            for (double[] row : rows) {
                java.util.Arrays.fill(row, 1.0 / states);
            }
        }
        return new TabularMdpTask(p, new double[states][actions]);
    }

    private static void checkSizes(int states, int actions) {
        if (states < 1) {
            throw new IllegalArgumentException(ID + ": number of states S must be >= 1, got " + states);
        }
        if (actions < 1) {
            throw new IllegalArgumentException(ID + ": number of actions A must be >= 1, got " + actions);
        }
    }

    /** Checks the shape before the superclass validates the task (fields are not yet set then). */
    @Override
    protected void checkCompatible(TabularMdpTask task) {
        if (task.numStates() != numStates || task.numActions() != numActions) {
            throw new IllegalArgumentException(ID + " has S = " + numStates + " states and A = " + numActions
                    + " actions but the task has " + task.numStates() + " states and " + task.numActions()
                    + " actions");
        }
    }

    @Override
    protected void onTaskSet(TabularMdpTask task) {
        transitions = task.transitions();
        rewardMeans = task.rewardMeans();
    }

    public int numStates() {
        return numStates;
    }

    public int numActions() {
        return numActions;
    }

    /** The current state index (0 right after reset). */
    public int stateIndex() {
        return state;
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    @Override
    protected void resetState(SplittableRandom rng) {
        state = 0;
    }

    @Override
    protected double advance(double[] actions, int offset) {
        int a = (int) actions[offset];
        double reward = Sampling.gaussian(rng, rewardMeans[state][a], REWARD_STD);
        state = Sampling.categorical(rng, transitions[state][a]);
        return reward;
    }

    @Override
    protected boolean isTerminal() {
        return false;
    }

    @Override
    protected void observe(double[] out, int offset) {
        java.util.Arrays.fill(out, offset, offset + observationSpace.flatDim(), 0.0);
        out[offset + state] = 1.0;
    }
}

package org.metarl4j.envs.tabular;

/**
 * Finite-horizon dynamic programming on a known {@link TabularMdpTask}: the "value iteration" oracle that RL² Table 2
 * and SNAIL Table 4 compare learned agents to (an agent that knows the true MDP and plays its optimal
 * non-stationary policy for an episode of T steps).
 *
 * <p>With V_T(s) = 0 and, for t = T-1 down to 0,
 * Q_t(s, a) = μ(s, a) + Σ_{s'} P(s'|s, a) V_{t+1}(s') and V_t(s) = max_a Q_t(s, a),
 * V_0(0) is the optimal expected total (undiscounted) reward of one episode from the start state 0. Rewards are
 * N(μ, 1) in the env, so only the means matter for expectations. Cost O(T S² A).
 */
public final class ValueIteration {

    private ValueIteration() {
    }

    /** V_0(s) for every state s: the optimal expected total reward of {@code horizon} steps starting in s. */
    public static double[] optimalValues(TabularMdpTask task, int horizon) {
        return solve(task, horizon, null);
    }

    /** V_0(0): the optimal expected total reward of an episode of {@code horizon} steps from the start state 0. */
    public static double optimalValue(TabularMdpTask task, int horizon) {
        return optimalValues(task, horizon)[0];
    }

    /**
     * An optimal non-stationary policy: {@code policy[t][s]} is an action maximising Q_t(s, ·) (the lowest index
     * on ties) when t steps have been taken.
     */
    public static int[][] optimalPolicy(TabularMdpTask task, int horizon) {
        int[][] policy = new int[Math.max(horizon, 0)][];
        solve(task, horizon, policy);
        return policy;
    }

    private static double[] solve(TabularMdpTask task, int horizon, int[][] policy) {
        if (horizon < 0) {
            throw new IllegalArgumentException("value iteration horizon must be >= 0, got " + horizon);
        }
        task.validate();
        int states = task.numStates();
        int actions = task.numActions();
        double[] next = new double[states];
        double[] current = new double[states];
        for (int t = horizon - 1; t >= 0; t--) {
            int[] greedy = policy == null ? null : new int[states];
            for (int s = 0; s < states; s++) {
                double best = Double.NEGATIVE_INFINITY;
                int bestAction = 0;
                for (int a = 0; a < actions; a++) {
                    double q = task.rewardMean(s, a);
                    for (int s2 = 0; s2 < states; s2++) {
                        q += task.transition(s, a, s2) * next[s2];
                    }
                    if (q > best) {
                        best = q;
                        bestAction = a;
                    }
                }
                current[s] = best;
                if (greedy != null) {
                    greedy[s] = bestAction;
                }
            }
            if (policy != null) {
                policy[t] = greedy;
            }
            double[] swap = next;
            next = current;
            current = swap;
        }
        return next.clone();
    }
}

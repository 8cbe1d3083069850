package org.metarl4j.experiments.survey;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.VectorEnv;
import org.metarl4j.envs.bandit.BanditTask;
import org.metarl4j.envs.tabular.TabularMdpEnv;
import org.metarl4j.envs.tabular.TabularMdpTask;
import org.metarl4j.envs.tabular.ValueIteration;

/** Oracles that are told the task: the upper reference of the bandit and tabular-MDP tables. */
final class OraclePolicies {
    private OraclePolicies() {
    }

    /** Always pulls the arm with the highest success probability (expected reward E[max p] = k/(k+1) per pull). */
    static final class BestArm implements ReferencePolicy {
        @Override
        public String name() {
            return "oracle";
        }

        @Override
        public boolean appliesTo(EnvFamily<?> family) {
            return ReferencePolicy.drawsTasksOf(family, BanditTask.class);
        }

        @Override
        public void act(VectorEnv<?> vec, SplittableRandom rng, double[] actions) {
            for (int i = 0; i < vec.numEnvs(); i++) {
                BanditTask task = (BanditTask) vec.env(i).task();
                int best = 0;
                for (int a = 1; a < task.arms(); a++) {
                    if (task.probability(a) > task.probability(best)) {
                        best = a;
                    }
                }
                actions[i] = best;
            }
        }
    }

    /** Plays the optimal finite-horizon policy of the true MDP (RL² Table 2's value-iteration reference). */
    static final class ValueIterationOracle implements ReferencePolicy {
        private final Map<TabularMdpTask, int[][]> policies = new IdentityHashMap<>();

        @Override
        public String name() {
            return "oracle";
        }

        @Override
        public boolean appliesTo(EnvFamily<?> family) {
            return ReferencePolicy.drawsTasksOf(family, TabularMdpTask.class);
        }

        @Override
        public void act(VectorEnv<?> vec, SplittableRandom rng, double[] actions) {
            for (int i = 0; i < vec.numEnvs(); i++) {
                Env<?> env = vec.env(i);
                if (!vec.active(i)) {
                    actions[i] = 0;
                    continue;
                }
                TabularMdpEnv mdp = (TabularMdpEnv) env;
                int[][] policy = policies.computeIfAbsent(mdp.task(),
                        task -> ValueIteration.optimalPolicy(task, mdp.maxEpisodeSteps()));
                actions[i] = policy[mdp.elapsedSteps()][mdp.stateIndex()];
            }
        }
    }
}

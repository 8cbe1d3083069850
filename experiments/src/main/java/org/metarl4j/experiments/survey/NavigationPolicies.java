package org.metarl4j.experiments.survey;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.VectorEnv;
import org.metarl4j.envs.navigation.NavigationTask;

/**
 * The two computed bounds of 2D navigation in the project's reference notes: staying put (−100·E‖g‖ = −38.26) and a
 * greedy oracle that moves straight at the goal it is told (≈ −0.51).
 */
final class NavigationPolicies {
    private NavigationPolicies() {
    }

    /** Always the zero action. */
    static final class StayPut implements ReferencePolicy {
        @Override
        public String name() {
            return "stay-put";
        }

        @Override
        public boolean appliesTo(EnvFamily<?> family) {
            return ReferencePolicy.drawsTasksOf(family, NavigationTask.class);
        }

        @Override
        public void act(VectorEnv<?> vec, SplittableRandom rng, double[] actions) {
            Arrays.fill(actions, 0.0);
        }
    }

    /** Steps toward the true goal (the env clips each coordinate to 0.1). */
    static final class GreedyOracle implements ReferencePolicy {
        @Override
        public String name() {
            return "oracle";
        }

        @Override
        public boolean appliesTo(EnvFamily<?> family) {
            return ReferencePolicy.drawsTasksOf(family, NavigationTask.class);
        }

        @Override
        public void act(VectorEnv<?> vec, SplittableRandom rng, double[] actions) {
            double[] obs = vec.observations();
            for (int i = 0; i < vec.numEnvs(); i++) {
                NavigationTask goal = (NavigationTask) vec.env(i).task();
                actions[2 * i] = goal.goalX() - obs[2 * i];
                actions[2 * i + 1] = goal.goalY() - obs[2 * i + 1];
            }
        }
    }
}

package org.metarl4j.agents.rl4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.deeplearning4j.rl4j.observation.Observation;
import org.deeplearning4j.rl4j.policy.DQNPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.classic.CartPoleEnv;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/** RL4J's DQN ({@code QLearningDiscreteDense}) trains on one of our envs through {@link Rl4jMdp}. */
class Rl4jDqnTest {
    /** The env DQN trains on: our gym-identical CartPole-v1. */
    private static final Supplier<Env<?>> ENV = CartPoleEnv::new;

    /** In its own thread, so the timeout fails the test even if RL4J ignores the interrupt. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void dqnTrainsThroughTheAdapterAndItsPolicyActs() {
        Rl4jMdp<Env<?>> mdp = Rl4jMdp.of(ENV, 42);
        QLearningConfiguration ql = QLearningConfiguration.builder()
                .seed(123L)
                .maxEpochStep(50)
                .maxStep(400)
                .expRepMaxSize(1000)
                .batchSize(16)
                .targetDqnUpdateFreq(50)
                .updateStart(20)
                .rewardFactor(1.0)
                .gamma(0.95)
                .errorClamp(1.0)
                .minEpsilon(0.1)
                .epsilonNbStep(300)
                .doubleDQN(true)
                .build();
        DQNDenseNetworkConfiguration net = DQNDenseNetworkConfiguration.builder()
                .numLayers(2)
                .numHiddenNodes(16)
                .updater(new Adam(1e-3))
                .build();
        QLearningDiscreteDense<Rl4jObservation> dqn = new QLearningDiscreteDense<>(mdp, net, ql);

        long start = System.nanoTime();
        dqn.train();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(dqn.getStepCount() >= 400, "trained for " + dqn.getStepCount() + " steps");

        DQNPolicy<Rl4jObservation> policy = dqn.getPolicy();
        INDArray first = mdp.reset().getData();
        int action = policy.nextAction(new Observation(first.reshape(1, first.length())));
        assertTrue(action >= 0 && action < mdp.getActionSpace().getSize(), "action " + action);

        @SuppressWarnings("deprecation") // Policy.play(MDP) is deprecated in M1.1 but is RL4J's way to run a policy.
        double total = policy.play(mdp);
        assertTrue(Double.isFinite(total), "play returned " + total);
        assertTrue(mdp.isDone(), "play runs an episode to its end");
        System.out.printf("RL4J DQN: %d steps on %s in %.1f s; greedy episode return %.2f%n",
                dqn.getStepCount(), mdp.env().id(), seconds, total);
        mdp.close();
    }
}

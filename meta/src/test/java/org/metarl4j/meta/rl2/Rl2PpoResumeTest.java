package org.metarl4j.meta.rl2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.agents.recurrent.Rl2Policy;
import org.metarl4j.envs.bandit.BanditTask;
import org.metarl4j.envs.bandit.BanditTaskDistribution;
import org.metarl4j.envs.bandit.BernoulliBanditEnv;
import org.metarl4j.meta.maml.TrainingDivergedException;
import org.nd4j.linalg.api.buffer.DataType;

class Rl2PpoResumeTest {
    private static final Rl2Config CONFIG = new Rl2Config(11, 5, 8, 4, 6, 0.99, 0.3, 0.2, 3, 3e-3, 0.01, 0.5, 1.0, 1.0);

    private static Rl2Ppo<BanditTask> ppo(Rl2Config config, Rl2Policy<BanditTask> policy) {
        return new Rl2Ppo<>(config, policy, () -> new BernoulliBanditEnv(3), new BanditTaskDistribution(3));
    }

    /** Stopping after iteration 1 and continuing from the saved state (fresh objects) gives the same run. */
    @Test
    void aRunResumedFromItsStateEqualsTheUninterruptedRun() {
        Rl2Policy<BanditTask> policy = new Rl2Policy<>(1, 3, 6, DataType.FLOAT);
        double[] initial = policy.initialParameters(new SplittableRandom(11));
        List<Rl2Ppo.IterationLog> whole = new ArrayList<>();
        List<Rl2TrainingState> states = new ArrayList<>();
        double[] uninterrupted = ppo(CONFIG, policy).train(Rl2TrainingState.start(initial), (log, after) -> {
            whole.add(log);
            states.add(after);
        });

        Rl2TrainingState saved = states.get(1);
        assertEquals(2, saved.nextIteration());
        assertTrue(java.util.Arrays.stream(saved.adamState()).anyMatch(v -> v != 0), "Adam's moments are saved");
        Rl2Policy<BanditTask> fresh = new Rl2Policy<>(1, 3, 6, DataType.FLOAT);
        List<Rl2Ppo.IterationLog> rest = new ArrayList<>();
        double[] resumed = ppo(CONFIG, fresh).train(saved, (log, after) -> rest.add(log));

        assertArrayEquals(uninterrupted, resumed);
        assertEquals(3, rest.size());
        for (int i = 0; i < rest.size(); i++) {
            Rl2Ppo.IterationLog a = whole.get(i + 2);
            Rl2Ppo.IterationLog b = rest.get(i);
            assertEquals(a.iteration(), b.iteration());
            assertEquals(a.meanTrialReturn(), b.meanTrialReturn());
            assertEquals(a.envSteps(), b.envSteps());
            assertEquals(a.loss(), b.loss());
            assertEquals(a.entropy(), b.entropy());
            assertEquals(a.approxKl(), b.approxKl());
        }
        // a bandit trial of 4 pulls is 4 env steps: 8 trials, 32 steps
        assertEquals(32, whole.get(0).envSteps());
    }

    @Test
    void resumingWithoutAdamsStateWouldDifferSoTheStateMatters() {
        Rl2Policy<BanditTask> policy = new Rl2Policy<>(1, 3, 6, DataType.FLOAT);
        double[] initial = policy.initialParameters(new SplittableRandom(11));
        List<Rl2TrainingState> states = new ArrayList<>();
        double[] uninterrupted = ppo(CONFIG, policy).train(Rl2TrainingState.start(initial),
                (log, after) -> states.add(after));
        Rl2TrainingState withoutMoments = new Rl2TrainingState(2, states.get(1).theta(),
                new double[states.get(1).adamState().length]);
        double[] other = ppo(CONFIG, new Rl2Policy<>(1, 3, 6, DataType.FLOAT)).train(withoutMoments, (l, a) -> { });
        assertTrue(!java.util.Arrays.equals(uninterrupted, other));
    }

    @Test
    void aNonFiniteLossIsATrainingDivergedExceptionNamingTheIteration() {
        Rl2Config exploding = new Rl2Config(11, 3, 8, 4, 6, 0.99, 0.3, 0.2, 3, 1e300, 0.01, 0.5, 1.0, 1.0);
        Rl2Policy<BanditTask> policy = new Rl2Policy<>(1, 3, 6, DataType.FLOAT);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> ppo(exploding, policy)
                .train(policy.initialParameters(new SplittableRandom(1)), (log, theta) -> { }));
        assertEquals(0, e.iteration());
        assertTrue(e.getMessage().contains("training diverged at iteration 0"), e.getMessage());
    }
}

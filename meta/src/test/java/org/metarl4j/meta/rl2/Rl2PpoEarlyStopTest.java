package org.metarl4j.meta.rl2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.agents.recurrent.Rl2Policy;
import org.metarl4j.envs.bandit.BanditTask;
import org.metarl4j.envs.bandit.BanditTaskDistribution;
import org.metarl4j.envs.bandit.BernoulliBanditEnv;
import org.nd4j.linalg.api.buffer.DataType;

/** PPO's KL early stop ({@link Rl2Config#targetKl()}). */
class Rl2PpoEarlyStopTest {
    private static final int EPOCHS = 4;

    private static Rl2Config config(double targetKl) {
        return new Rl2Config(5, 4, 8, 4, 6, 0.99, 0.3, 0.2, EPOCHS, 3e-2, 0.01, 0.5, 1.0, 1.0, Rl2Baseline.LINEAR,
                targetKl);
    }

    private record Run(double[] theta, List<Rl2Ppo.IterationLog> logs, List<Rl2TrainingState> states) {
    }

    private static Run train(Rl2Config config, Rl2TrainingState from) {
        Rl2Policy<BanditTask> policy = new Rl2Policy<>(1, 3, 6, DataType.FLOAT);
        List<Rl2Ppo.IterationLog> logs = new ArrayList<>();
        List<Rl2TrainingState> states = new ArrayList<>();
        double[] theta = new Rl2Ppo<>(config, policy, () -> new BernoulliBanditEnv(3), new BanditTaskDistribution(3))
                .train(from, (log, after) -> {
                    logs.add(log);
                    states.add(after);
                });
        return new Run(theta, logs, states);
    }

    private static Rl2TrainingState start() {
        return Rl2TrainingState.start(new Rl2Policy<BanditTask>(1, 3, 6, DataType.FLOAT)
                .initialParameters(new SplittableRandom(5)));
    }

    @Test
    void offOrNeverReachedItTakesEveryEpoch() {
        Run off = train(config(0), start());
        Run loose = train(config(1e6), start());
        assertArrayEquals(off.theta(), loose.theta());
        assertTrue(off.logs().stream().allMatch(l -> l.epochs() == EPOCHS));
    }

    @Test
    void aTinyTargetStopsAfterTheFirstEpochAndChangesTheRun() {
        Run off = train(config(0), start());
        Run tight = train(config(1e-12), start());
        // epoch 0 measures KL 0 against the sampling policy itself, so one step is always taken; by epoch 1 the
        // policy has moved more than 1.5e-12
        assertTrue(tight.logs().stream().allMatch(l -> l.epochs() == 1), tight.logs().toString());
        assertTrue(tight.logs().stream().allMatch(l -> l.approxKl() > 1.5e-12), tight.logs().toString());
        assertFalse(Arrays.equals(off.theta(), tight.theta()));
    }

    @Test
    void aRunWithEarlyStopsResumesBitForBit() {
        Rl2Config config = config(1e-3);
        Run whole = train(config, start());
        assertTrue(whole.logs().stream().anyMatch(l -> l.epochs() < EPOCHS),
                "the target should stop some iteration early: " + whole.logs());
        Run rest = train(config, whole.states().get(1));
        assertArrayEquals(whole.theta(), rest.theta());
        assertEquals(whole.logs().subList(2, 4).stream().map(Rl2Ppo.IterationLog::epochs).toList(),
                rest.logs().stream().map(Rl2Ppo.IterationLog::epochs).toList());
    }
}

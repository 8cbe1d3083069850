package org.metarl4j.meta.rl2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.agents.recurrent.Rl2Policy;
import org.metarl4j.agents.trial.TrialRunner;
import org.metarl4j.envs.bandit.BanditTask;
import org.metarl4j.envs.bandit.BanditTaskDistribution;
import org.metarl4j.envs.bandit.BernoulliBanditEnv;
import org.nd4j.linalg.api.buffer.DataType;

/** {@link Rl2Baseline#RECURRENT}: the residual network on top of the linear fit, its fitting, and resuming. */
class RecurrentBaselineTest {
    private static final int ARMS = 3;
    private static final int PULLS = 6;

    private static Rl2Config config(Rl2Baseline baseline, int iterations) {
        return new Rl2Config(7, iterations, 16, PULLS, 8, 0.99, 0.3, 0.2, 3, 1e-2, 0.01, 0.5, 1.0, 1.0, baseline);
    }

    private static Rl2Policy<BanditTask> network() {
        return new Rl2Policy<>(1, ARMS, 8, DataType.DOUBLE);
    }

    private static Rl2Ppo<BanditTask> ppo(Rl2Config config) {
        Rl2Policy<BanditTask> valueNetwork = config.baseline() == Rl2Baseline.RECURRENT ? network() : null;
        return new Rl2Ppo<>(config, network(), valueNetwork, () -> new BernoulliBanditEnv(ARMS),
                new BanditTaskDistribution(ARMS));
    }

    private static Rl2Policy.Recording sample(Rl2Policy<BanditTask> policy, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        policy.setParameters(policy.initialParameters(rng));
        List<BanditTask> tasks = new BanditTaskDistribution(ARMS).sample(32, rng.split());
        new TrialRunner<BanditTask>(() -> new BernoulliBanditEnv(ARMS)).run(policy, tasks, PULLS, rng.split());
        return policy.recording();
    }

    /** The value head starts at zero, so the first batch's advantages are exactly the linear baseline's. */
    @Test
    void aFreshNetworkAddsNothingToTheLinearFit() {
        Rl2Policy<BanditTask> policy = network();
        Rl2Policy.Recording rec = sample(policy, 3);
        RecurrentBaseline<BanditTask> fresh = RecurrentBaseline.restore(network(), config(Rl2Baseline.RECURRENT, 1),
                new double[0]);
        for (double[] row : fresh.predict(rec.inputs)) {
            for (double v : row) {
                assertEquals(0.0, v);
            }
        }
        Rl2Ppo.Targets linear = ppo(config(Rl2Baseline.LINEAR, 1)).targets(rec);
        Rl2Ppo.Targets recurrent = ppo(config(Rl2Baseline.RECURRENT, 1)).targets(rec, fresh);
        assertEquals(null, linear.residualTargets());
        assertTrue(Arrays.deepEquals(linear.advantages(), recurrent.advantages()));
    }

    /** Repeated fits on one batch drive its squared error down: the network learns the history-dependent part. */
    @Test
    void fittingReducesTheSquaredErrorOnTheBatch() {
        Rl2Policy.Recording rec = sample(network(), 5);
        double[][] mask = new double[rec.steps()][32];
        double[][] targets = new double[rec.steps()][32];
        for (int t = 0; t < rec.steps(); t++) {
            for (int i = 0; i < 32; i++) {
                mask[t][i] = 1;
                // a target only the history can predict: the reward of the previous pull (an input of step t)
                targets[t][i] = t == 0 ? 0 : rec.rewards.get(t - 1)[i] - 0.5;
            }
        }
        RecurrentBaseline<BanditTask> baseline = RecurrentBaseline.restore(network(),
                config(Rl2Baseline.RECURRENT, 1), new double[0]);
        double first = baseline.fit(rec.inputs, targets, mask, 0);
        double last = first;
        for (int i = 1; i < 40; i++) {
            last = baseline.fit(rec.inputs, targets, mask, i);
        }
        assertEquals(0.25 * (rec.steps() - 1) / rec.steps(), first, 0.05, "zero output: the targets' mean square");
        assertTrue(last < 0.3 * first, "fitted error " + last + " vs " + first);
    }

    @Test
    void aRunWithTheRecurrentBaselineResumesBitForBit() {
        Rl2Config config = config(Rl2Baseline.RECURRENT, 4);
        double[] initial = network().initialParameters(new SplittableRandom(7));
        List<Rl2TrainingState> states = new ArrayList<>();
        double[] whole = ppo(config).train(Rl2TrainingState.start(initial), (log, after) -> states.add(after));
        Rl2TrainingState saved = states.get(1);
        assertEquals(3 * network().numParams(), saved.baselineState().length);
        // through a checkpoint's single optimizer-state array and back
        Rl2TrainingState reloaded = Rl2TrainingState.fromOptimizerState(saved.nextIteration(), saved.theta(),
                saved.optimizerState());
        assertArrayEquals(saved.baselineState(), reloaded.baselineState());
        double[] resumed = ppo(config).train(reloaded, (log, after) -> { });
        assertArrayEquals(whole, resumed);

        double[] linear = ppo(config(Rl2Baseline.LINEAR, 4)).train(Rl2TrainingState.start(initial), (l, a) -> { });
        assertTrue(!Arrays.equals(whole, linear), "the network changes the advantages after the first batch");
    }

    @Test
    void theValueNetworkGoesWithTheRecurrentBaselineOnly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Rl2Ppo<>(
                config(Rl2Baseline.RECURRENT, 1), network(), null, () -> new BernoulliBanditEnv(ARMS),
                new BanditTaskDistribution(ARMS)));
        assertTrue(e.getMessage().contains("needs its value network"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Rl2Ppo<>(config(Rl2Baseline.LINEAR, 1),
                network(), network(), () -> new BernoulliBanditEnv(ARMS), new BanditTaskDistribution(ARMS)));
        assertTrue(e.getMessage().contains("only used by the recurrent baseline"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RecurrentBaseline.restore(network(),
                config(Rl2Baseline.RECURRENT, 1), new double[5]));
        assertTrue(e.getMessage().contains("the recurrent baseline's state has 5 numbers"), e.getMessage());
    }
}

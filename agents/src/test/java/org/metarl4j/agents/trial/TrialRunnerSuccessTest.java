package org.metarl4j.agents.trial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.agents.testenv.FlagEnv;
import org.metarl4j.agents.testenv.FlagEnv.FlagTask;
import org.metarl4j.envs.TaskDistribution;

/** Per-episode success flags of trials, read before the same-step auto-reset clears them. */
class TrialRunnerSuccessTest {

    private static final class Still implements TrialPolicy<FlagTask> {
        @Override
        public String name() {
            return "still";
        }

        @Override
        public void startTrials(List<FlagTask> tasks) {
        }

        @Override
        public void act(double[] observations, SplittableRandom rng, double[] actionsOut) {
            java.util.Arrays.fill(actionsOut, 0.0);
        }

        @Override
        public void observe(double[] actions, double[] rewards, boolean[] episodeEnded) {
        }
    }

    @Test
    void flagsFollowEachEpisodeOfEachTrial() {
        TrialRunner<FlagTask> runner = new TrialRunner<>(FlagEnv::new);
        List<FlagTask> tasks = List.of(new FlagTask(true, false), new FlagTask(false, true),
                new FlagTask(false, false));
        TrialRunner.Trials trials = runner.trials(new Still(), tasks, 3, new SplittableRandom(1));
        assertArrayEquals(new boolean[] {true, false, false}, trials.successes()[0]);
        assertArrayEquals(new boolean[] {false, true, true}, trials.successes()[1]);
        assertArrayEquals(new boolean[] {false, false, false}, trials.successes()[2]);
        assertArrayEquals(new double[] {1, 0, 0}, trials.returns()[0]);
    }

    @Test
    void scoreHasSuccessRatesPerEpisodeAndPerTrial() {
        // 3 of 4 tasks fail their first episode and succeed later; 1 of 4 never succeeds
        TaskDistribution<FlagTask> distribution = new TaskDistribution<>() {
            @Override
            public FlagTask sample(SplittableRandom rng) {
                return new FlagTask(false, rng.nextInt(4) != 0);
            }
        };
        TrialScore score = new TrialRunner<>(FlagEnv::new).evaluate(new Still(), distribution, 200, 2, 5);
        assertEquals(0.0, score.episodeSuccess()[0], 0.0);
        assertEquals(score.trialSuccess(), score.episodeSuccess()[1], 0.0);
        assertEquals(0.75, score.trialSuccess(), 0.1);
        assertEquals(score.trialSuccess(), score.episodeMeans()[1], 1e-12);
    }

    @Test
    void envsWithoutSuccessGiveNoRates() {
        TrialScore score = TrialScore.of("x", new double[][] {{1, 2}, {3, 4}});
        assertNull(score.episodeSuccess());
        assertNull(score.trialSuccess());
    }
}

package org.metarl4j.experiments.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.agents.stats.MeanInterval;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.VectorEnv;
import org.metarl4j.envs.robotics.RoboticsEnv;

/**
 * Runs reference policies on tasks drawn from each family, all tasks of a family stepped in one {@link VectorEnv}.
 * A task's return is the mean over its episodes; the reported figure is the mean over tasks with a 95% CI.
 * Random-policy rows reproduce the "Random" columns of RL² Tables 1-2 per episode (bandit 0.5 per pull, tabular MDP
 * ≈ 10.0 per 10-step episode) and the 2D-navigation bounds in the reference notes.
 */
public final class EnvSurvey {
    private final List<ReferencePolicy> policies;

    public EnvSurvey(List<ReferencePolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    /** The survey's policies applicable to {@code family}, in order. */
    public List<ReferencePolicy> policiesFor(EnvFamily<?> family) {
        return policies.stream().filter(p -> p.appliesTo(family)).toList();
    }

    /**
     * Surveys one family with tasks drawn from {@code taskRng}; each policy's episodes use generators split from
     * {@code rolloutRng} in policy order.
     */
    public <T extends Task> List<SurveyResult> run(EnvFamily<T> family, List<T> tasks, int episodesPerTask,
                                                   SplittableRandom rolloutRng) {
        List<SurveyResult> results = new ArrayList<>();
        for (ReferencePolicy policy : policiesFor(family)) {
            SplittableRandom rng = rolloutRng.split();
            long start = System.nanoTime();
            try (VectorEnv<T> vec = VectorEnv.of(family.envFactory(), tasks, VectorEnv.AutoReset.OFF)) {
                double[] taskReturns = new double[tasks.size()];
                long steps = 0;
                int successes = 0;
                for (int episode = 0; episode < episodesPerTask; episode++) {
                    steps += runEpisodes(vec, policy, rng, taskReturns);
                    successes += successes(vec);
                }
                double successRate = vec.env(0) instanceof RoboticsEnv<?>
                        ? successes / (double) (tasks.size() * episodesPerTask) : Double.NaN;
                for (int i = 0; i < taskReturns.length; i++) {
                    taskReturns[i] /= episodesPerTask;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                results.add(new SurveyResult(family.name(), family.envId(), policy.name(), tasks.size(),
                        episodesPerTask, MeanInterval.mean(taskReturns), MeanInterval.halfWidth95(taskReturns), steps, seconds, successRate));
            }
        }
        return results;
    }

    /** How many of {@code vec}'s envs reached their success flag in the episode just run (0 without one). */
    private static int successes(VectorEnv<?> vec) {
        int n = 0;
        for (int i = 0; i < vec.numEnvs(); i++) {
            if (vec.env(i) instanceof RoboticsEnv<?> env && env.everSucceeded()) {
                n++;
            }
        }
        return n;
    }

    /** One episode in every env; adds each env's return to {@code returns}; returns the env steps taken. */
    private static long runEpisodes(VectorEnv<?> vec, ReferencePolicy policy, SplittableRandom rng,
                                    double[] returns) {
        double[] actions = new double[vec.numEnvs() * vec.actionDim()];
        vec.reset(rng.split());
        long steps = 0;
        while (vec.anyActive()) {
            for (int i = 0; i < vec.numEnvs(); i++) {
                steps += vec.active(i) ? 1 : 0;
            }
            policy.act(vec, rng, actions);
            vec.step(actions);
            double[] rewards = vec.rewards();
            for (int i = 0; i < rewards.length; i++) {
                returns[i] += rewards[i];
            }
        }
        return steps;
    }
}

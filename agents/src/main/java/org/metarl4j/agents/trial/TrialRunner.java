package org.metarl4j.agents.trial;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.TaskDistribution;
import org.metarl4j.envs.VectorEnv;

/**
 * Runs trials of a {@link TrialPolicy}: each of B envs gets one task and plays {@code episodesPerTrial} episodes of
 * it back to back (auto-reset within the step), the policy acting for all trials at once. A trial that has finished
 * its episodes stops being stepped while the others go on (episode lengths may differ).
 */
public final class TrialRunner<T extends Task> {
    private final Supplier<? extends Env<T>> envFactory;

    public TrialRunner(Supplier<? extends Env<T>> envFactory) {
        this.envFactory = envFactory;
    }

    /** The total reward of each trial, one trial per task. */
    public double[] run(TrialPolicy<T> policy, List<T> tasks, int episodesPerTrial, SplittableRandom rng) {
        double[][] episodes = episodeReturns(policy, tasks, episodesPerTrial, rng);
        double[] totals = new double[episodes.length];
        for (int i = 0; i < totals.length; i++) {
            for (double r : episodes[i]) {
                totals[i] += r;
            }
        }
        return totals;
    }

    /**
     * The return of each episode of each trial, {@code [trial][episode]}: how the policy's return grows from the
     * first episode to the last measures what it adapts inside a trial.
     */
    public double[][] episodeReturns(TrialPolicy<T> policy, List<T> tasks, int episodesPerTrial,
                                     SplittableRandom rng) {
        return trials(policy, tasks, episodesPerTrial, rng).returns();
    }

    /**
     * Per-trial, per-episode returns {@code [trial][episode]} and, for envs that report success, whether each episode
     * succeeded at any step (null otherwise).
     */
    public record Trials(double[][] returns, boolean[][] successes) {
    }

    /** As {@link #episodeReturns}, with each episode's success flag where the env reports one. */
    public Trials trials(TrialPolicy<T> policy, List<T> tasks, int episodesPerTrial, SplittableRandom rng) {
        if (episodesPerTrial < 1) {
            throw new IllegalArgumentException("a trial needs at least one episode, got " + episodesPerTrial);
        }
        int n = tasks.size();
        double[][] returns = new double[n][episodesPerTrial];
        boolean[][] successes = new boolean[n][episodesPerTrial];
        boolean reportsSuccess;
        try (VectorEnv<T> envs = VectorEnv.of(envFactory, tasks, VectorEnv.AutoReset.SAME_STEP)) {
            reportsSuccess = envs.reportsSuccess();
            int actionDim = envs.actionDim();
            double[] actions = new double[n * actionDim];
            boolean[] ended = new boolean[n];
            int[] episodes = new int[n];
            policy.startTrials(tasks);
            double[] obs = envs.reset(rng.split());
            SplittableRandom policyRng = rng.split();
            int running = n;
            while (running > 0) {
                policy.act(obs, policyRng, actions);
                // finished trials keep stepping (their envs restart) until all are done; their rewards are ignored
                envs.step(actions);
                double[] rewards = envs.rewards();
                for (int i = 0; i < n; i++) {
                    ended[i] = false;
                    if (episodes[i] >= episodesPerTrial) {
                        continue;
                    }
                    returns[i][episodes[i]] += rewards[i];
                    if (envs.terminated(i) || envs.truncated(i)) {
                        ended[i] = true;
                        successes[i][episodes[i]] = envs.succeeded(i);
                        if (++episodes[i] == episodesPerTrial) {
                            running--;
                        }
                    }
                }
                policy.observe(actions, rewards, ended);
                obs = envs.observations();
            }
        }
        return new Trials(returns, reportsSuccess ? successes : null);
    }

    /** Mean total reward per trial over {@code count} fresh tasks with a normal 95% interval, in chunks of 100. */
    public TrialScore evaluate(TrialPolicy<T> policy, TaskDistribution<T> distribution, int count,
                               int episodesPerTrial, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<T> tasks = distribution.sample(count, rng.split());
        double[][] all = new double[count][];
        boolean[][] success = new boolean[count][];
        boolean reportsSuccess = true;
        for (int start = 0; start < count; start += 100) {
            List<T> chunk = tasks.subList(start, Math.min(count, start + 100));
            Trials trials = trials(policy, chunk, episodesPerTrial, rng.split());
            System.arraycopy(trials.returns(), 0, all, start, chunk.size());
            if (trials.successes() == null) {
                reportsSuccess = false;
            } else {
                System.arraycopy(trials.successes(), 0, success, start, chunk.size());
            }
        }
        return TrialScore.of(policy.name(), all, reportsSuccess ? success : null);
    }
}

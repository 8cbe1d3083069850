package org.metarl4j.agents.trial;

import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.envs.Task;

/**
 * A policy that adapts inside a trial — n episodes of one task (RL², Duan et al. 2016 §2.2) — with no gradient step:
 * what it learns lives in its own memory (a recurrent state, bandit statistics, a posterior). It acts on a batch of
 * trials in lockstep: one {@link #act} per time step for every trial, then {@link #observe} with what the envs
 * returned. Memory is kept across episode boundaries and reset by {@link #startTrials}.
 *
 * @param <T> the task type (oracles may read the tasks; learners must not)
 */
public interface TrialPolicy<T extends Task> {

    /** A short name for tables, e.g. "UCB1". */
    String name();

    /** Starts one trial per task, forgetting everything from earlier trials. */
    void startTrials(List<T> tasks);

    /**
     * Chooses the next action of every trial.
     *
     * @param observations row-major {@code [trials][observationDim]}
     * @param rng the only source of randomness
     * @param actionsOut row-major {@code [trials][actionDim]}, written
     */
    void act(double[] observations, SplittableRandom rng, double[] actionsOut);

    /**
     * What the step after the latest {@link #act} gave: the action taken, its reward, and whether the trial's
     * episode ended with it (the next observation then starts a new episode of the same task).
     */
    void observe(double[] actions, double[] rewards, boolean[] episodeEnded);
}

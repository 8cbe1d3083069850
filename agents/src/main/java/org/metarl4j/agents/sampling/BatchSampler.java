package org.metarl4j.agents.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.metarl4j.agents.policy.BatchedPolicy;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.VectorEnv;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Samples {@code E} episodes for each of {@code T} tasks in one vectorised pass: a {@link VectorEnv} of {@code T·E}
 * envs ({@link VectorEnv.AutoReset#OFF}), env {@code i·E + e} running episode {@code e} of task {@code i}, and one
 * {@link BatchedPolicy#sample} call per time step over all of them (observations {@code [T][E][obsDim]}, so the
 * policy sees {@code perTask = E}). This is what pytorch-maml-rl's {@code SamplerWorker.sample_trajectories}
 * ({@code maml_rl/samplers/multi_task_sampler.py}) does for one task with a {@code SyncVectorEnv} of E envs, done
 * for all tasks at once: step until every episode has ended, recording for each still-running env the observation
 * before the step, the sampled action (unclipped; the env clips) and the reward; finished envs are frozen and their
 * padding stays 0. The horizon is {@code H = env.maxEpisodeSteps()}.
 *
 * <p><b>Parameters.</b> {@code params} is {@code [T, P]} (row i drives task i: adapted parameters θ'ᵢ) or
 * {@code [1, P]} (one parameter vector shared by all tasks: the pre-adaptation θ), as {@link BatchedPolicy}
 * routes them; a rank-1 {@code [P]} vector is taken as {@code [1, P]}.
 *
 * <p><b>Seeding.</b> From the one generator passed to {@link #sample}, exactly two generators are split, in this
 * order: first the env generator (handed to {@link VectorEnv#reset(SplittableRandom)}, which splits one per env in
 * env order for its reset and stochastic dynamics), then the action generator (passed to every
 * {@code policy.sample} call; the policy draws for all {@code T·E} envs every step, finished ones included). So the
 * same seed, tasks, parameters and policy give an identical batch, and the caller's generator advances by exactly
 * two splits per call.
 *
 * <p><b>Reuse.</b> The vector env is kept between calls and reused (new tasks set, then reset) while {@code T·E}
 * stays the same, so repeated sampling allocates no envs. Not thread-safe. {@link #close} closes the envs.
 *
 * @param <T> the task type of the family
 */
public final class BatchSampler<T extends Task> implements AutoCloseable {
    private final Supplier<? extends Env<T>> envFactory;
    private VectorEnv<T> vectorEnv;
    private long totalEnvSteps;
    private long lastEnvSteps;
    private double[] lastSuccessRates;

    /** A sampler whose envs come from {@code envFactory} (each env is set to its task before use). */
    public BatchSampler(Supplier<? extends Env<T>> envFactory) {
        this.envFactory = Objects.requireNonNull(envFactory, "envFactory");
    }

    /** A sampler for the envs of {@code family}. */
    public static <T extends Task> BatchSampler<T> of(EnvFamily<T> family) {
        return new BatchSampler<>(family.envFactory());
    }

    /** Env steps taken by all {@link #sample} calls so far (Σ episode lengths). */
    public long totalEnvSteps() {
        return totalEnvSteps;
    }

    /** Env steps taken by the latest {@link #sample} call. */
    public long lastEnvSteps() {
        return lastEnvSteps;
    }

    /**
     * Per task of the latest {@link #sample} call, the fraction of its episodes that succeeded at any step; null
     * when the family's envs do not report success ({@link org.metarl4j.envs.SuccessAware}).
     */
    public double[] lastSuccessRates() {
        return lastSuccessRates == null ? null : lastSuccessRates.clone();
    }

    /**
     * Samples {@code episodesPerTask} episodes of each task.
     *
     * @param policy the policy; its observation and action dimensions must match the env's
     * @param params {@code [T, P]}, {@code [1, P]} or {@code [P]}
     * @param tasks the T tasks (task i → episodes {@code [i][*]} and parameter row i)
     * @param episodesPerTask E ≥ 1
     * @param rng split twice (envs, then actions); see the class comment
     * @return the batch, horizon {@code env.maxEpisodeSteps()}
     */
    public EpisodeBatch sample(BatchedPolicy policy, INDArray params, List<? extends T> tasks, int episodesPerTask,
                               SplittableRandom rng) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(rng, "rng");
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("need at least one task");
        }
        if (episodesPerTask < 1) {
            throw new IllegalArgumentException("episodesPerTask must be >= 1, got " + episodesPerTask);
        }
        int numTasks = tasks.size();
        int e = episodesPerTask;
        INDArray p = checkParams(policy, params, numTasks);

        List<T> perEnv = new ArrayList<>(numTasks * e);
        for (T task : tasks) {
            Objects.requireNonNull(task, "tasks must not contain null");
            for (int j = 0; j < e; j++) {
                perEnv.add(task);
            }
        }
        VectorEnv<T> vec = vectorEnvFor(perEnv);
        int n = vec.numEnvs();
        int obsDim = vec.observationDim();
        int actDim = vec.actionDim();
        if (policy.observationDim() != obsDim || policy.actionDim() != actDim) {
            throw new IllegalArgumentException("policy has observation/action dims " + policy.observationDim() + "/"
                    + policy.actionDim() + " but the env (" + vec.env(0).id() + ") has " + obsDim + "/" + actDim);
        }
        int horizon = vec.env(0).maxEpisodeSteps();

        double[] observations = new double[n * horizon * obsDim];
        double[] actions = new double[n * horizon * actDim];
        double[] rewards = new double[n * horizon];
        int[] lengths = new int[n];
        double[] actionBuffer = new double[n * actDim];
        boolean[] wasActive = new boolean[n];

        SplittableRandom envRng = rng.split();
        SplittableRandom actionRng = rng.split();
        double[] obs = vec.reset(envRng);
        int t = 0;
        for (; t < horizon && vec.anyActive(); t++) {
            policy.sample(p, obs, numTasks, e, actionRng, actionBuffer);
            for (int i = 0; i < n; i++) {
                wasActive[i] = vec.active(i);
                if (wasActive[i]) {
                    int step = i * horizon + t;
                    System.arraycopy(obs, i * obsDim, observations, step * obsDim, obsDim);
                    System.arraycopy(actionBuffer, i * actDim, actions, step * actDim, actDim);
                }
            }
            vec.step(actionBuffer);
            double[] r = vec.rewards();
            for (int i = 0; i < n; i++) {
                if (wasActive[i]) {
                    rewards[i * horizon + t] = r[i];
                    if (!vec.active(i)) {
                        lengths[i] = t + 1;
                    }
                }
            }
        }
        if (vec.anyActive()) {
            throw new IllegalStateException("envs still running after maxEpisodeSteps = " + horizon
                    + " steps; the env does not truncate at its own time limit");
        }
        lastSuccessRates = successRates(vec, numTasks, e);
        EpisodeBatch batch = new EpisodeBatch(tasks, e, horizon, obsDim, actDim, observations, actions, rewards,
                lengths, true);
        lastEnvSteps = batch.totalSteps();
        totalEnvSteps += lastEnvSteps;
        return batch;
    }

    /** Finished envs keep their episode's success flag (AutoReset.OFF), so it is read once, after the loop. */
    private static double[] successRates(VectorEnv<?> vec, int numTasks, int episodesPerTask) {
        if (!vec.reportsSuccess()) {
            return null;
        }
        int[] counts = new int[numTasks];
        for (int i = 0; i < vec.numEnvs(); i++) {
            if (vec.succeeded(i)) {
                counts[i / episodesPerTask]++;
            }
        }
        double[] rates = new double[numTasks];
        for (int i = 0; i < numTasks; i++) {
            rates[i] = counts[i] / (double) episodesPerTask;
        }
        return rates;
    }

    private static INDArray checkParams(BatchedPolicy policy, INDArray params, int numTasks) {
        INDArray p = params;
        if (p.rank() == 1) {
            p = p.reshape(1, p.length());
        }
        if (p.rank() != 2 || (p.rows() != 1 && p.rows() != numTasks) || p.columns() != policy.numParams()) {
            throw new IllegalArgumentException("params must be [T, P] = [" + numTasks + ", " + policy.numParams()
                    + "] or [1, " + policy.numParams() + "], got " + java.util.Arrays.toString(params.shape()));
        }
        return p;
    }

    private VectorEnv<T> vectorEnvFor(List<T> perEnv) {
        if (vectorEnv != null && vectorEnv.numEnvs() == perEnv.size()) {
            vectorEnv.setTasks(perEnv);
            return vectorEnv;
        }
        if (vectorEnv != null) {
            vectorEnv.close();
            vectorEnv = null;
        }
        VectorEnv<T> vec = VectorEnv.of(envFactory, perEnv, VectorEnv.AutoReset.OFF);
        int horizon = vec.env(0).maxEpisodeSteps();
        for (int i = 1; i < vec.numEnvs(); i++) {
            if (vec.env(i).maxEpisodeSteps() != horizon) {
                vec.close();
                throw new IllegalArgumentException("the env factory makes envs with different time limits ("
                        + horizon + " and " + vec.env(i).maxEpisodeSteps() + ")");
            }
        }
        vectorEnv = vec;
        return vec;
    }

    @Override
    public void close() {
        if (vectorEnv != null) {
            VectorEnv<T> vec = vectorEnv;
            vectorEnv = null;
            vec.close();
        }
    }
}

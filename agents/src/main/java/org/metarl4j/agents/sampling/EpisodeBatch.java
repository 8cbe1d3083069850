package org.metarl4j.agents.sampling;

import java.util.List;
import java.util.Objects;
import org.metarl4j.envs.Task;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Episodes of {@code T} tasks, {@code E} episodes per task, padded to a common horizon {@code H}: the batch of
 * trajectories meta-RL consumes (pytorch-maml-rl's {@code BatchEpisodes}, one per task, stacked over tasks).
 *
 * <h2>Layout</h2>
 * Every per-step quantity is stored flat and row-major as {@code [T][E][H]} (then {@code [obsDim]} or
 * {@code [actDim]}): step {@code t} of episode {@code e} of task {@code i} is at flat step index
 * {@code (i·E + e)·H + t}. Within a task the samples are <b>episode-major</b>: sample {@code n = e·H + t}, so
 * the ND4J views {@code [T, E·H, ·]} line up with {@link org.metarl4j.agents.policy.BatchedPolicy}'s
 * {@code [T, N, ·]} with {@code N = E·H}. (pytorch-maml-rl stores time-major {@code [H, E]} per task; only the order
 * differs, every sum and mean here is the same.)
 *
 * <p>Episode {@code (i, e)} has {@link #length(int, int)} {@code L ∈ [1, H]} valid steps {@code t < L}; at each valid
 * step the batch holds the observation <em>before</em> the step, the action as sampled (unclipped: log-probabilities
 * are computed on it, as pytorch-maml-rl does) and the reward of the step. Every padded step {@code t ≥ L} holds
 * zeros in observations, actions and rewards (checked by the constructor), and has mask 0.
 *
 * <h2>Ownership</h2>
 * The batch is immutable: the public constructor copies its arrays and every accessor returning an array returns a
 * fresh copy, so callers may modify what they get.
 */
public final class EpisodeBatch {
    private final List<Task> tasks;
    private final int numTasks;
    private final int episodesPerTask;
    private final int horizon;
    private final int obsDim;
    private final int actDim;
    private final double[] observations;
    private final double[] actions;
    private final double[] rewards;
    private final int[] lengths;

    /**
     * A batch from flat row-major arrays (copied).
     *
     * @param tasks the T tasks, task i for the episodes {@code [i][*]}
     * @param episodesPerTask E
     * @param horizon H, the padded episode length
     * @param obsDim observation size
     * @param actDim action size
     * @param observations {@code [T][E][H][obsDim]}
     * @param actions {@code [T][E][H][actDim]}
     * @param rewards {@code [T][E][H]}
     * @param lengths {@code [T][E]}, each in {@code [1, H]}
     * @throws IllegalArgumentException on inconsistent sizes, a length outside {@code [1, H]} or non-zero padding
     */
    public EpisodeBatch(List<? extends Task> tasks, int episodesPerTask, int horizon, int obsDim, int actDim,
                        double[] observations, double[] actions, double[] rewards, int[] lengths) {
        this(tasks, episodesPerTask, horizon, obsDim, actDim, copy(observations), copy(actions), copy(rewards),
                lengths == null ? null : lengths.clone(), true);
    }

    /** Takes ownership of the arrays (no copy); for the sampler, which builds fresh arrays. */
    EpisodeBatch(List<? extends Task> tasks, int episodesPerTask, int horizon, int obsDim, int actDim,
                 double[] observations, double[] actions, double[] rewards, int[] lengths, boolean owned) {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(rewards, "rewards");
        Objects.requireNonNull(lengths, "lengths");
        this.tasks = List.copyOf(tasks);
        this.numTasks = this.tasks.size();
        this.episodesPerTask = episodesPerTask;
        this.horizon = horizon;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.observations = observations;
        this.actions = actions;
        this.rewards = rewards;
        this.lengths = lengths;
        validate();
    }

    /**
     * A batch from nested arrays (copied): {@code observations[T][E][H][obsDim]}, {@code actions[T][E][H][actDim]},
     * {@code rewards[T][E][H]}, {@code lengths[T][E]}; convenient in tests and for hand-made batches.
     */
    public static EpisodeBatch fromNested(List<? extends Task> tasks, double[][][][] observations,
                                          double[][][][] actions, double[][][] rewards, int[][] lengths) {
        int t = rewards.length;
        int e = t == 0 ? 0 : rewards[0].length;
        int h = e == 0 ? 0 : rewards[0][0].length;
        int od = h == 0 ? 0 : observations[0][0][0].length;
        int ad = h == 0 ? 0 : actions[0][0][0].length;
        double[] o = new double[t * e * h * od];
        double[] a = new double[t * e * h * ad];
        double[] r = new double[t * e * h];
        int[] l = new int[t * e];
        for (int i = 0; i < t; i++) {
            requireLength(observations[i].length, e, "observations[" + i + "]");
            requireLength(actions[i].length, e, "actions[" + i + "]");
            requireLength(rewards[i].length, e, "rewards[" + i + "]");
            requireLength(lengths[i].length, e, "lengths[" + i + "]");
            for (int j = 0; j < e; j++) {
                l[i * e + j] = lengths[i][j];
                requireLength(rewards[i][j].length, h, "rewards[" + i + "][" + j + "]");
                System.arraycopy(rewards[i][j], 0, r, (i * e + j) * h, h);
                requireLength(observations[i][j].length, h, "observations[" + i + "][" + j + "]");
                requireLength(actions[i][j].length, h, "actions[" + i + "][" + j + "]");
                for (int s = 0; s < h; s++) {
                    int step = (i * e + j) * h + s;
                    requireLength(observations[i][j][s].length, od, "observations[" + i + "][" + j + "][" + s + "]");
                    requireLength(actions[i][j][s].length, ad, "actions[" + i + "][" + j + "][" + s + "]");
                    System.arraycopy(observations[i][j][s], 0, o, step * od, od);
                    System.arraycopy(actions[i][j][s], 0, a, step * ad, ad);
                }
            }
        }
        return new EpisodeBatch(tasks, e, h, od, ad, o, a, r, l, true);
    }

    private static void requireLength(int actual, int expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException(what + " has length " + actual + ", expected " + expected);
        }
    }

    private static double[] copy(double[] a) {
        return a == null ? null : a.clone();
    }

    private void validate() {
        if (numTasks < 1 || episodesPerTask < 1 || horizon < 1 || obsDim < 1 || actDim < 1) {
            throw new IllegalArgumentException("an EpisodeBatch needs >= 1 task, episode, step, observation and action"
                    + " dimension; got T=" + numTasks + ", E=" + episodesPerTask + ", H=" + horizon + ", obsDim="
                    + obsDim + ", actDim=" + actDim);
        }
        int steps = numTasks * episodesPerTask * horizon;
        requireLength(observations.length, steps * obsDim, "observations (T*E*H*obsDim)");
        requireLength(actions.length, steps * actDim, "actions (T*E*H*actDim)");
        requireLength(rewards.length, steps, "rewards (T*E*H)");
        requireLength(lengths.length, numTasks * episodesPerTask, "lengths (T*E)");
        for (int i = 0; i < numTasks; i++) {
            for (int e = 0; e < episodesPerTask; e++) {
                int len = lengths[i * episodesPerTask + e];
                if (len < 1 || len > horizon) {
                    throw new IllegalArgumentException("episode " + e + " of task " + i + " has length " + len
                            + ", expected 1.." + horizon);
                }
                int base = (i * episodesPerTask + e) * horizon;
                for (int t = len; t < horizon; t++) {
                    int s = base + t;
                    boolean zero = rewards[s] == 0.0;
                    for (int k = 0; k < obsDim && zero; k++) {
                        zero = observations[s * obsDim + k] == 0.0;
                    }
                    for (int k = 0; k < actDim && zero; k++) {
                        zero = actions[s * actDim + k] == 0.0;
                    }
                    if (!zero) {
                        throw new IllegalArgumentException("episode " + e + " of task " + i + " (length " + len
                                + ") has non-zero padding at step " + t);
                    }
                }
            }
        }
    }

    // ---- sizes ----

    /** T. */
    public int numTasks() {
        return numTasks;
    }

    /** E. */
    public int episodesPerTask() {
        return episodesPerTask;
    }

    /** H, the padded episode length. */
    public int horizon() {
        return horizon;
    }

    /** N = E·H, the samples per task of the ND4J views. */
    public int samplesPerTask() {
        return episodesPerTask * horizon;
    }

    public int observationDim() {
        return obsDim;
    }

    public int actionDim() {
        return actDim;
    }

    /** The tasks, task i for episodes {@code [i][*]} (unmodifiable). */
    public List<Task> tasks() {
        return tasks;
    }

    public Task task(int i) {
        return tasks.get(i);
    }

    /** Flat step index of step {@code t} of episode {@code e} of task {@code task}: {@code (task·E + e)·H + t}. */
    public int stepIndex(int task, int episode, int t) {
        return (task * episodesPerTask + episode) * horizon + t;
    }

    // ---- element access (no copies) ----

    public int length(int task, int episode) {
        return lengths[task * episodesPerTask + episode];
    }

    public double observation(int task, int episode, int t, int k) {
        return observations[stepIndex(task, episode, t) * obsDim + k];
    }

    public double action(int task, int episode, int t, int k) {
        return actions[stepIndex(task, episode, t) * actDim + k];
    }

    public double reward(int task, int episode, int t) {
        return rewards[stepIndex(task, episode, t)];
    }

    /** Σ lengths: the number of env steps (valid samples) in the batch. */
    public long totalSteps() {
        long n = 0;
        for (int len : lengths) {
            n += len;
        }
        return n;
    }

    // ---- flat copies ----

    /** Copy of all observations, flat {@code [T][E][H][obsDim]}. */
    public double[] observationsFlat() {
        return observations.clone();
    }

    /** Copy of all actions, flat {@code [T][E][H][actDim]}. */
    public double[] actionsFlat() {
        return actions.clone();
    }

    /** Copy of all rewards, flat {@code [T][E][H]}. */
    public double[] rewardsFlat() {
        return rewards.clone();
    }

    /** Copy of all lengths, flat {@code [T][E]}. */
    public int[] lengthsFlat() {
        return lengths.clone();
    }

    /** Copy of the mask, flat {@code [T][E][H]}: 1 at valid steps, 0 at padding. */
    public double[] maskFlat() {
        double[] m = new double[rewards.length];
        for (int i = 0; i < lengths.length; i++) {
            java.util.Arrays.fill(m, i * horizon, i * horizon + lengths[i], 1.0);
        }
        return m;
    }

    /** Copy of task {@code task}'s observations, flat {@code [E][H][obsDim]}. */
    public double[] observations(int task) {
        int n = episodesPerTask * horizon * obsDim;
        return java.util.Arrays.copyOfRange(observations, task * n, (task + 1) * n);
    }

    /** Copy of task {@code task}'s actions, flat {@code [E][H][actDim]}. */
    public double[] actions(int task) {
        int n = episodesPerTask * horizon * actDim;
        return java.util.Arrays.copyOfRange(actions, task * n, (task + 1) * n);
    }

    /** Copy of task {@code task}'s rewards, flat {@code [E][H]}. */
    public double[] rewards(int task) {
        int n = episodesPerTask * horizon;
        return java.util.Arrays.copyOfRange(rewards, task * n, (task + 1) * n);
    }

    /** Copy of task {@code task}'s episode lengths, {@code [E]}. */
    public int[] lengths(int task) {
        return java.util.Arrays.copyOfRange(lengths, task * episodesPerTask, (task + 1) * episodesPerTask);
    }

    // ---- nested summaries ----

    /** Episode lengths {@code [T][E]}. */
    public int[][] lengths() {
        int[][] out = new int[numTasks][];
        for (int i = 0; i < numTasks; i++) {
            out[i] = lengths(i);
        }
        return out;
    }

    /** The mask {@code [T][E][H]}: 1 at valid steps, 0 at padding. */
    public double[][][] mask() {
        double[][][] m = new double[numTasks][episodesPerTask][horizon];
        for (int i = 0; i < numTasks; i++) {
            for (int e = 0; e < episodesPerTask; e++) {
                java.util.Arrays.fill(m[i][e], 0, length(i, e), 1.0);
            }
        }
        return m;
    }

    /** Undiscounted episode returns {@code [T][E]}. */
    public double[][] episodeReturns() {
        double[][] out = new double[numTasks][episodesPerTask];
        for (int i = 0; i < numTasks; i++) {
            for (int e = 0; e < episodesPerTask; e++) {
                int base = stepIndex(i, e, 0);
                double sum = 0.0;
                for (int t = 0; t < length(i, e); t++) {
                    sum += rewards[base + t];
                }
                out[i][e] = sum;
            }
        }
        return out;
    }

    /** Mean undiscounted episode return of each task, {@code [T]}. */
    public double[] meanEpisodeReturnPerTask() {
        double[][] r = episodeReturns();
        double[] out = new double[numTasks];
        for (int i = 0; i < numTasks; i++) {
            double sum = 0.0;
            for (double v : r[i]) {
                sum += v;
            }
            out[i] = sum / episodesPerTask;
        }
        return out;
    }

    /** Mean undiscounted episode return of task {@code task}. */
    public double meanEpisodeReturn(int task) {
        return meanEpisodeReturnPerTask()[task];
    }

    /** Mean undiscounted episode return over all T·E episodes (the figure MAML papers report). */
    public double meanEpisodeReturn() {
        double sum = 0.0;
        for (double[] row : episodeReturns()) {
            for (double v : row) {
                sum += v;
            }
        }
        return sum / (numTasks * episodesPerTask);
    }

    // ---- ND4J views (fresh arrays) ----

    /** Observations as {@code [T, E·H, obsDim]} of type {@code dataType} (sample n = e·H + t). */
    public INDArray observations(DataType dataType) {
        return Nd4j.create(observations, new long[] {numTasks, samplesPerTask(), obsDim}, dataType);
    }

    /** Actions (as sampled, unclipped) as {@code [T, E·H, actDim]} of type {@code dataType}. */
    public INDArray actions(DataType dataType) {
        return Nd4j.create(actions, new long[] {numTasks, samplesPerTask(), actDim}, dataType);
    }

    /** Rewards as {@code [T, E·H]} of type {@code dataType}. */
    public INDArray rewards(DataType dataType) {
        return Nd4j.create(rewards, new long[] {numTasks, samplesPerTask()}, dataType);
    }

    /** The mask as {@code [T, E·H]} of type {@code dataType}: 1 at valid steps, 0 at padding. */
    public INDArray mask(DataType dataType) {
        return Nd4j.create(maskFlat(), new long[] {numTasks, samplesPerTask()}, dataType);
    }

    /** A flat per-step array {@code [T][E][H]} (e.g. advantages) as {@code [T, E·H]}. */
    public INDArray perStep(double[] values, DataType dataType) {
        requireLength(values.length, numTasks * samplesPerTask(), "per-step values (T*E*H)");
        return Nd4j.create(values, new long[] {numTasks, samplesPerTask()}, dataType);
    }

    @Override
    public String toString() {
        return "EpisodeBatch[T=" + numTasks + ", E=" + episodesPerTask + ", H=" + horizon + ", obsDim=" + obsDim
                + ", actDim=" + actDim + ", steps=" + totalSteps() + "]";
    }
}

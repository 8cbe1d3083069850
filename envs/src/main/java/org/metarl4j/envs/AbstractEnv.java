package org.metarl4j.envs;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.metarl4j.envs.space.Discrete;
import org.metarl4j.envs.space.Space;

/**
 * The episode bookkeeping shared by in-process envs: task validation, reset/step order, action checks, the step
 * counter and time-limit truncation. A family implements only its dynamics: {@link #resetState}, {@link #advance},
 * {@link #isTerminal} and {@link #observe}.
 *
 * <p>A subclass constructor initialises its own fields first and then calls {@link #setTask} with its initial task,
 * so the task hooks ({@link #checkCompatible}, {@link #onTaskSet}) always see a fully built env.
 */
public abstract class AbstractEnv<T extends Task> implements Env<T> {
    private final String id;
    private final int maxEpisodeSteps;
    private T task;
    private int elapsedSteps;
    private boolean running;
    private boolean terminated;
    private boolean truncated;
    /** The generator of the current episode, for stochastic dynamics. */
    protected SplittableRandom rng;

    protected AbstractEnv(String id, int maxEpisodeSteps) {
        if (maxEpisodeSteps <= 0) {
            throw new IllegalArgumentException(id + ": maxEpisodeSteps must be > 0, got " + maxEpisodeSteps);
        }
        this.id = id;
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    @Override
    public final T task() {
        return task;
    }

    @Override
    public final void setTask(T task) {
        Objects.requireNonNull(task, () -> id + ": task must not be null");
        task.validate();
        checkCompatible(task);
        this.task = task;
        this.running = false;
        onTaskSet(task);
    }

    /** Rejects a valid task that this env instance cannot take (e.g. a bandit with a different number of arms). */
    protected void checkCompatible(T task) {
    }

    /** Caches constants derived from the task. Called after validation. */
    protected void onTaskSet(T task) {
    }

    @Override
    public final void resetInto(SplittableRandom rng, double[] obs, int offset) {
        beginEpisode(Objects.requireNonNull(rng, "rng"));
        resetState(rng);
        observe(obs, offset);
    }

    /**
     * Starts an episode from the given internal state instead of a random one (to replay recorded transitions, to
     * test, or to script a start) and returns its first observation. The layout is {@link #stateNames()}; stochastic
     * dynamics keep drawing from the generator of the latest reset (a fixed one if there was none).
     *
     * @throws IllegalArgumentException unless {@code state} has one finite number per state variable
     * @throws UnsupportedOperationException if this family has no settable state
     */
    public final double[] resetTo(double[] state) {
        List<String> names = stateNames();
        if (names.isEmpty()) {
            throw new UnsupportedOperationException(id + " cannot start from a given internal state");
        }
        if (state == null || state.length != names.size()) {
            throw new IllegalArgumentException(id + " expects a state of length " + names.size() + " "
                    + names + ", got " + (state == null ? "null" : "length " + state.length));
        }
        for (int i = 0; i < state.length; i++) {
            if (!Double.isFinite(state[i])) {
                throw new IllegalArgumentException(id + ": state variable " + names.get(i) + " is " + state[i]
                        + "; states must be finite");
            }
        }
        beginEpisode(rng != null ? rng : new SplittableRandom(0));
        restoreState(state.clone());
        double[] obs = new double[observationSpace().flatDim()];
        observe(obs, 0);
        return obs;
    }

    private void beginEpisode(SplittableRandom rng) {
        if (task == null) {
            throw new IllegalStateException(id + ": reset called before any task was set");
        }
        this.rng = rng;
        elapsedSteps = 0;
        terminated = false;
        truncated = false;
        running = true;
    }

    /** A copy of the internal state, laid out as {@link #stateNames()}. */
    public double[] state() {
        throw new UnsupportedOperationException(id + " does not expose its internal state");
    }

    /** Names of the internal state variables, in {@link #state()} order; empty if the state cannot be set. */
    protected List<String> stateNames() {
        return List.of();
    }

    /** Sets the internal state from {@code state} (validated: {@link #stateNames()} layout, all finite). */
    protected void restoreState(double[] state) {
        throw new UnsupportedOperationException(id + " cannot start from a given internal state");
    }

    @Override
    public final double stepInto(double[] actions, int actionOffset, double[] obs, int obsOffset) {
        if (!running) {
            throw new IllegalStateException(id + ": step called "
                    + (terminated || truncated ? "after the episode ended" : "before reset") + "; call reset first");
        }
        checkAction(actions, actionOffset);
        double reward = advance(actions, actionOffset);
        elapsedSteps++;
        terminated = isTerminal();
        truncated = !terminated && elapsedSteps >= maxEpisodeSteps;
        running = !(terminated || truncated);
        observe(obs, obsOffset);
        return reward;
    }

    private void checkAction(double[] actions, int offset) {
        Space space = actionSpace();
        if (space instanceof Discrete d) {
            if (!d.contains(actions, offset)) {
                throw new IllegalArgumentException(id + ": action " + actions[offset]
                        + " is not in Discrete(" + d.n() + "): expected an integer in [0, " + (d.n() - 1) + "]");
            }
        } else {
            for (int i = 0; i < space.flatDim(); i++) {
                if (!Double.isFinite(actions[offset + i])) {
                    throw new IllegalArgumentException(id + ": action coordinate " + i + " is "
                            + actions[offset + i] + "; actions must be finite");
                }
            }
        }
    }

    @Override
    public final boolean terminated() {
        return terminated;
    }

    @Override
    public final boolean truncated() {
        return truncated;
    }

    @Override
    public final int elapsedSteps() {
        return elapsedSteps;
    }

    /** Draws the initial state of an episode. */
    protected abstract void resetState(SplittableRandom rng);

    /** Applies a valid action (read at {@code offset}) to the state and returns the reward. */
    protected abstract double advance(double[] actions, int offset);

    /** Whether the current state is terminal for the task. */
    protected abstract boolean isTerminal();

    /** Writes the observation of the current state. */
    protected abstract void observe(double[] out, int offset);
}

package org.metarl4j.envs;

import java.util.SplittableRandom;
import org.metarl4j.envs.space.Space;

/**
 * An environment of one task family, set to one task at a time. Plain Java on {@code double[]}.
 *
 * <p>Two ways to step: {@link #reset(SplittableRandom)} / {@link #step(double[])} allocate and return results (easy to
 * use); {@link #resetInto} / {@link #stepInto} read and write caller-owned flat buffers and allocate nothing (what
 * {@link VectorEnv} and samplers use). After {@code stepInto}, {@link #terminated()} and {@link #truncated()} describe
 * the step just taken.
 *
 * <p>Stochastic dynamics (bandits, tabular MDPs) draw from the generator passed to the latest reset, so one seeded
 * generator per environment fixes the whole trajectory.
 *
 * @param <T> the task type of this family
 */
public interface Env<T extends Task> extends AutoCloseable {

    /** The registered id, e.g. {@code "CartPole-v1"}. */
    String id();

    Space observationSpace();

    Space actionSpace();

    /** The time limit: an episode is truncated after this many steps. */
    int maxEpisodeSteps();

    T task();

    /** Switches to {@code task} (validated first; the current episode, if any, is abandoned: reset next). */
    void setTask(T task);

    /** Starts an episode; writes the first observation into {@code obs} at {@code offset}. */
    void resetInto(SplittableRandom rng, double[] obs, int offset);

    /**
     * Applies the action read from {@code actions} at {@code actionOffset}, writes the next observation into {@code obs}
     * at {@code obsOffset} and returns the reward.
     *
     * @throws IllegalArgumentException for an action outside the action space's domain (NaN, a non-integer or
     *     out-of-range discrete action); continuous actions beyond the bounds are clipped as the reference envs do
     * @throws IllegalStateException if called before reset or after the episode ended
     */
    double stepInto(double[] actions, int actionOffset, double[] obs, int obsOffset);

    /** Whether the last step reached a terminal state of the task. */
    boolean terminated();

    /** Whether the last step hit the time limit without terminating. */
    boolean truncated();

    /** Steps taken in the current episode. */
    int elapsedSteps();

    default double[] reset(SplittableRandom rng) {
        double[] obs = new double[observationSpace().flatDim()];
        resetInto(rng, obs, 0);
        return obs;
    }

    /** Steps with an action of exactly {@code actionSpace().flatDim()} numbers. */
    default Step step(double[] action) {
        if (action == null || action.length != actionSpace().flatDim()) {
            throw new IllegalArgumentException(id() + " expects an action of length " + actionSpace().flatDim()
                    + ", got " + (action == null ? "null" : "length " + action.length));
        }
        double[] obs = new double[observationSpace().flatDim()];
        double reward = stepInto(action, 0, obs, 0);
        return new Step(obs, reward, terminated(), truncated(), java.util.Map.of());
    }

    /** Releases external resources (remote envs, physics worlds); a no-op for in-process envs. */
    @Override
    default void close() {
    }
}

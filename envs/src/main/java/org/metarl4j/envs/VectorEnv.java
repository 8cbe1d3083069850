package org.metarl4j.envs;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * N environments stepped in lockstep over flat, row-major buffers ({@code observations()[i * obsDim + j]} is
 * coordinate j of env i). Each env may hold a different task of the same family; all share observation and action
 * dimensions. Buffers are owned by this object and overwritten by each call: copy what you keep.
 *
 * <p><b>Auto-reset.</b> With {@link AutoReset#SAME_STEP} an env whose episode ends during {@link #step} is reset in the
 * same call: {@code observations()} then holds the first observation of its next episode, and the last observation of
 * the finished episode is in {@code finalObservations()} (needed to bootstrap truncated episodes), as gym 0.21's vector
 * envs and gymnasium's same-step mode. With {@link AutoReset#OFF} a finished env is frozen until the next
 * {@link #reset}: it ignores its action, reports reward 0 and keeps its last observation; {@link #active(int)} tells
 * which envs still run — what an episode sampler with padding and masks wants.
 *
 * <p><b>Seeding.</b> {@link #reset(SplittableRandom)} splits one generator per env, in env order; each env then draws
 * its resets and stochastic transitions from its own generator, so results do not depend on stepping order.
 */
public final class VectorEnv<T extends Task> implements AutoCloseable {

    /** What happens to an env whose episode ends. */
    public enum AutoReset { SAME_STEP, OFF }

    private final List<Env<T>> envs;
    private final AutoReset autoReset;
    private final int obsDim;
    private final int actionDim;
    private final double[] observations;
    private final double[] finalObservations;
    private final double[] rewards;
    private final boolean[] terminated;
    private final boolean[] truncated;
    private final boolean[] active;
    /** Per env: the episode that ran in the latest step succeeded at some step (false for envs without success). */
    private final boolean[] succeeded;
    private final SplittableRandom[] rngs;
    private boolean wasReset;

    public VectorEnv(List<? extends Env<T>> envs, AutoReset autoReset) {
        if (envs == null || envs.isEmpty()) {
            throw new IllegalArgumentException("a VectorEnv needs at least one env");
        }
        this.envs = List.copyOf(envs);
        this.autoReset = autoReset;
        Env<T> first = this.envs.get(0);
        obsDim = first.observationSpace().flatDim();
        actionDim = first.actionSpace().flatDim();
        for (int i = 1; i < this.envs.size(); i++) {
            Env<T> e = this.envs.get(i);
            if (e.observationSpace().flatDim() != obsDim || e.actionSpace().flatDim() != actionDim) {
                throw new IllegalArgumentException("env " + i + " (" + e.id() + ") has observation/action dims "
                        + e.observationSpace().flatDim() + "/" + e.actionSpace().flatDim() + " but env 0 has "
                        + obsDim + "/" + actionDim);
            }
        }
        int n = this.envs.size();
        observations = new double[n * obsDim];
        finalObservations = new double[n * obsDim];
        rewards = new double[n];
        terminated = new boolean[n];
        truncated = new boolean[n];
        active = new boolean[n];
        succeeded = new boolean[n];
        rngs = new SplittableRandom[n];
    }

    /** {@code tasks.size()} envs from {@code factory}, env i set to task i. */
    public static <T extends Task> VectorEnv<T> of(Supplier<? extends Env<T>> factory, List<T> tasks,
                                                   AutoReset autoReset) {
        List<Env<T>> envs = new java.util.ArrayList<>(tasks.size());
        for (T task : tasks) {
            Env<T> env = factory.get();
            env.setTask(task);
            envs.add(env);
        }
        return new VectorEnv<>(envs, autoReset);
    }

    public int numEnvs() {
        return envs.size();
    }

    public int observationDim() {
        return obsDim;
    }

    public int actionDim() {
        return actionDim;
    }

    public Env<T> env(int i) {
        return envs.get(i);
    }

    /** Sets env i to task i; takes effect at the next reset. */
    public void setTasks(List<T> tasks) {
        if (tasks.size() != envs.size()) {
            throw new IllegalArgumentException("got " + tasks.size() + " tasks for " + envs.size() + " envs");
        }
        for (int i = 0; i < tasks.size(); i++) {
            envs.get(i).setTask(tasks.get(i));
        }
        wasReset = false;
    }

    /** Resets every env with its own generator split from {@code rng}; returns {@link #observations()}. */
    public double[] reset(SplittableRandom rng) {
        for (int i = 0; i < envs.size(); i++) {
            rngs[i] = rng.split();
            envs.get(i).resetInto(rngs[i], observations, i * obsDim);
            active[i] = true;
            succeeded[i] = false;
        }
        Arrays.fill(rewards, 0.0);
        Arrays.fill(terminated, false);
        Arrays.fill(truncated, false);
        wasReset = true;
        return observations;
    }

    /**
     * Steps every active env with its slice of {@code actions} ({@code numEnvs() * actionDim()} numbers, row-major).
     */
    public void step(double[] actions) {
        if (!wasReset) {
            throw new IllegalStateException("VectorEnv.step called before reset (or after setTasks)");
        }
        if (actions == null || actions.length != envs.size() * actionDim) {
            throw new IllegalArgumentException("expected " + envs.size() + " x " + actionDim + " = "
                    + envs.size() * actionDim + " action values, got "
                    + (actions == null ? "null" : String.valueOf(actions.length)));
        }
        for (int i = 0; i < envs.size(); i++) {
            terminated[i] = false;
            truncated[i] = false;
            if (!active[i]) {
                rewards[i] = 0.0;
                continue;
            }
            Env<T> env = envs.get(i);
            int o = i * obsDim;
            rewards[i] = env.stepInto(actions, i * actionDim, observations, o);
            terminated[i] = env.terminated();
            truncated[i] = env.truncated();
            // read before a same-step reset clears the env's own flag
            succeeded[i] = env instanceof SuccessAware s && s.everSucceeded();
            if (terminated[i] || truncated[i]) {
                System.arraycopy(observations, o, finalObservations, o, obsDim);
                if (autoReset == AutoReset.SAME_STEP) {
                    env.resetInto(rngs[i], observations, o);
                } else {
                    active[i] = false;
                }
            }
        }
    }

    /** Current observations, {@code numEnvs() * observationDim()}. */
    public double[] observations() {
        return observations;
    }

    /** Last observation of each episode that ended in the latest step (rows of other envs are stale). */
    public double[] finalObservations() {
        return finalObservations;
    }

    public double[] rewards() {
        return rewards;
    }

    /** Whether env i's episode reached a terminal state in the latest step. */
    public boolean terminated(int i) {
        return terminated[i];
    }

    /** Whether env i's episode hit the time limit in the latest step. */
    public boolean truncated(int i) {
        return truncated[i];
    }

    /** Whether env i is still running (always true with {@link AutoReset#SAME_STEP}). */
    public boolean active(int i) {
        return active[i];
    }

    /** Whether the envs report success ({@link SuccessAware}); {@link #succeeded} is always false otherwise. */
    public boolean reportsSuccess() {
        return envs.get(0) instanceof SuccessAware;
    }

    /**
     * Whether env i's episode that ran in the latest step (the one that ended there, if it ended) has succeeded at
     * any step so far; with {@link AutoReset#OFF} a finished env keeps its episode's value until the next reset.
     */
    public boolean succeeded(int i) {
        return succeeded[i];
    }

    /** Whether any env is still running. */
    public boolean anyActive() {
        for (boolean a : active) {
            if (a) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (Env<T> env : envs) {
            try {
                env.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}

package org.metarl4j.envs.gym;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.Step;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;
import org.metarl4j.envs.space.Space;

/**
 * An env that runs on a gym-http-api server, behind our {@link Env} API, so every agent (MAML, RL², SNAIL) trains on
 * it as on an in-process env: in a {@link org.metarl4j.envs.VectorEnv}, in the samplers, through an
 * {@link org.metarl4j.envs.EnvFamily} ({@link GymFamilies#remote}).
 *
 * <p><b>Instances.</b> The server instance is created lazily, at the first reset after a task change (its env id and
 * parameters go into the create call; its seed is drawn from the reset generator as {@link GymSeeding} says), and
 * reused for later episodes of the same task. {@link #close()} closes it; idempotent.
 *
 * <p><b>Episodes.</b> gym 0.21's {@code done} becomes {@link #terminated()} unless gym's TimeLimit cut the episode
 * ({@code info["TimeLimit.truncated"]}), which is {@link #truncated()}; so is reaching our own
 * {@link #maxEpisodeSteps()} first. Discrete actions must be whole numbers in range and Box actions finite, as for
 * in-process envs; Box actions are clipped to the bounds before they are sent.
 *
 * <p><b>Faults.</b> A reset or create is retried by the client; if the server no longer knows the instance (it
 * restarted), the reset creates a new one. In the middle of an episode nothing is repeated: a lost connection, a
 * timed-out step or an unknown instance raise {@link GymInstanceLostException}, and the next reset starts over on a
 * new instance. Not thread-safe (one env, one episode at a time).
 */
public final class GymRemoteEnv implements Env<GymTask> {
    private static final System.Logger LOG = System.getLogger(GymRemoteEnv.class.getName());

    /** What is known about the server instance. */
    private enum Instance {
        /** None yet, or closed. */
        NONE,
        /** Ready for its task's next episode. */
        READY,
        /** A call failed mid-episode and its effect is unknown: close it and make a new one at the next reset. */
        SUSPECT,
        /** The server lost it (restart, crash): forget it and make a new one at the next reset. */
        GONE
    }

    private final GymClient client;
    private final GymEnvSpec spec;
    private final double[] action;
    private GymTask task;
    private String instanceId;
    private GymTask instanceTask;
    private Instance instance = Instance.NONE;
    private int elapsedSteps;
    private boolean running;
    private boolean terminated;
    private boolean truncated;
    private boolean closed;
    private Map<String, Object> lastInfo = Map.of();

    /** An env of {@code spec}'s family set to {@code task}; no server call until the first reset. */
    public GymRemoteEnv(GymClient client, GymEnvSpec spec, GymTask task) {
        this.client = Objects.requireNonNull(client, "client");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.action = new double[spec.actionSpace().flatDim()];
        setTask(task);
    }

    /** A remote env of {@code task}'s env id, its spaces read from the server first ({@link GymEnvSpec#probe}). */
    public static GymRemoteEnv open(GymClient client, GymTask task, int maxEpisodeSteps, GymSeeding seeding) {
        Objects.requireNonNull(task, "task").validate();
        return new GymRemoteEnv(client, GymEnvSpec.probe(client, List.of(task.envId()), maxEpisodeSteps, seeding),
                task);
    }

    @Override
    public String id() {
        return task.envId();
    }

    @Override
    public Space observationSpace() {
        return spec.observationSpace();
    }

    @Override
    public Space actionSpace() {
        return spec.actionSpace();
    }

    @Override
    public int maxEpisodeSteps() {
        return spec.maxEpisodeSteps();
    }

    @Override
    public GymTask task() {
        return task;
    }

    public GymClient client() {
        return client;
    }

    /** The server instance's id, or null before the first reset and after close. */
    public String instanceId() {
        return instanceId;
    }

    /**
     * Switches to {@code task} at the next reset.
     *
     * @throws IllegalArgumentException if the task is invalid or its env id is not one of the spec's (whose spaces
     *     were checked)
     */
    @Override
    public void setTask(GymTask task) {
        Objects.requireNonNull(task, "task must not be null");
        task.validate();
        if (!spec.envIds().contains(task.envId())) {
            throw new IllegalArgumentException("gym env id " + task.envId() + " is not one of this remote env's "
                    + spec.envIds() + " (the ids whose spaces were read from " + client.url() + ")");
        }
        this.task = task;
        this.running = false;
    }

    @Override
    public void resetInto(SplittableRandom rng, double[] obs, int offset) {
        Objects.requireNonNull(rng, "rng");
        ensureOpen();
        running = false;
        terminated = false;
        truncated = false;
        elapsedSteps = 0;
        lastInfo = Map.of();
        double[] first;
        if (instance != Instance.READY || !task.equals(instanceTask) || spec.seeding() == GymSeeding.PER_EPISODE) {
            replaceInstance(rng);
            first = client.reset(instanceId);
        } else {
            try {
                first = client.reset(instanceId);
            } catch (GymRequestException e) {
                if (!e.unknownInstance()) {
                    throw e;
                }
                LOG.log(System.Logger.Level.INFO, () -> "gym instance " + instanceId + " (" + task.envId() + ") at "
                        + client.url() + " is gone (server restarted?); creating a new one");
                instance = Instance.GONE;
                replaceInstance(rng);
                first = client.reset(instanceId);
            }
        }
        checkObservation(first, "reset");
        System.arraycopy(first, 0, obs, offset, first.length);
        running = true;
    }

    /** Drops the current instance (closing it if the server may still have it) and creates one for the task. */
    private void replaceInstance(SplittableRandom rng) {
        if (instanceId != null) {
            String old = instanceId;
            instanceId = null;
            if (instance == Instance.GONE) {
                client.forget(old);
            } else {
                client.closeQuietly(old);
            }
        }
        instance = Instance.NONE;
        Long seed = spec.seeding() == GymSeeding.NONE ? null : 1L + rng.nextInt(Integer.MAX_VALUE);
        instanceId = client.create(task.envId(), task.parameters(), seed);
        instanceTask = task;
        instance = Instance.READY;
    }

    @Override
    public double stepInto(double[] actions, int actionOffset, double[] obs, int obsOffset) {
        ensureOpen();
        if (!running) {
            throw new IllegalStateException(id() + ": step called " + (terminated || truncated
                    ? "after the episode ended" : "before reset") + "; call reset first");
        }
        readAction(actions, actionOffset);
        GymStep step;
        try {
            step = client.step(instanceId, spec.actionSpace(), action, 0);
        } catch (GymConnectionException e) {
            throw lost(Instance.GONE, "the connection to the server failed", e);
        } catch (GymTimeoutException e) {
            throw lost(Instance.SUSPECT, "the step timed out, so its outcome is unknown", e);
        } catch (GymRequestException e) {
            if (e.unknownInstance()) {
                throw lost(Instance.GONE, "the server no longer knows the instance (restarted?)", e);
            }
            abandon(Instance.SUSPECT);
            throw e;
        } catch (GymException e) {
            abandon(Instance.SUSPECT);
            throw e;
        }
        try {
            checkObservation(step.observation(), "step");
        } catch (GymProtocolException e) {
            abandon(Instance.SUSPECT);
            throw e;
        }
        elapsedSteps++;
        boolean cut = step.truncatedByTimeLimit();
        terminated = step.done() && !cut;
        truncated = !terminated && (cut || elapsedSteps >= spec.maxEpisodeSteps());
        running = !(terminated || truncated);
        lastInfo = step.info();
        System.arraycopy(step.observation(), 0, obs, obsOffset, step.observation().length);
        return step.reward();
    }

    /** Checks the action as in-process envs do and copies it into the send buffer, clipped to a Box's bounds. */
    private void readAction(double[] actions, int offset) {
        Space space = spec.actionSpace();
        if (space instanceof Discrete d) {
            if (!d.contains(actions, offset)) {
                throw new IllegalArgumentException(id() + ": action " + actions[offset] + " is not in Discrete("
                        + d.n() + "): expected an integer in [0, " + (d.n() - 1) + "]");
            }
            action[0] = actions[offset];
            return;
        }
        for (int i = 0; i < action.length; i++) {
            double a = actions[offset + i];
            if (!Double.isFinite(a)) {
                throw new IllegalArgumentException(id() + ": action coordinate " + i + " is " + a
                        + "; actions must be finite");
            }
            action[i] = a;
        }
        ((Box) space).clip(action, 0);
    }

    private GymInstanceLostException lost(Instance state, String why, GymException cause) {
        int step = elapsedSteps + 1;
        String id = instanceId;
        abandon(state);
        return new GymInstanceLostException(task.envId() + " instance " + id + " at " + client.url()
                + " was lost at step " + step + " of an episode: " + why + "; the episode cannot go on, the next "
                + "reset creates a new instance. Cause: " + cause.getMessage(), cause);
    }

    private void abandon(Instance state) {
        running = false;
        instance = state;
    }

    private void checkObservation(double[] observation, String call) {
        int expected = spec.observationSpace().flatDim();
        if (observation.length != expected) {
            throw new GymProtocolException(task.envId() + " at " + client.url() + ": " + call + " returned an "
                    + "observation of " + observation.length + " numbers; the observation space "
                    + spec.observationSpace() + " has " + expected, null);
        }
    }

    /** Steps, as {@link Env#step}, and also returns the server's info dict (entries with null values dropped). */
    @Override
    public Step step(double[] actionValues) {
        if (actionValues == null || actionValues.length != action.length) {
            throw new IllegalArgumentException(id() + " expects an action of length " + action.length + ", got "
                    + (actionValues == null ? "null" : "length " + actionValues.length));
        }
        double[] obs = new double[spec.observationSpace().flatDim()];
        double reward = stepInto(actionValues, 0, obs, 0);
        Map<String, Object> info = new LinkedHashMap<>();
        lastInfo.forEach((k, v) -> {
            if (v != null) {
                info.put(k, v);
            }
        });
        return new Step(obs, reward, terminated, truncated, info);
    }

    @Override
    public boolean terminated() {
        return terminated;
    }

    @Override
    public boolean truncated() {
        return truncated;
    }

    @Override
    public int elapsedSteps() {
        return elapsedSteps;
    }

    /** Closes the server instance if there is one (quietly: a server that went away has nothing to close). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        if (instanceId != null) {
            if (instance == Instance.GONE) {
                client.forget(instanceId);
            } else {
                client.closeQuietly(instanceId);
            }
            instanceId = null;
        }
        instance = Instance.NONE;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(task.envId() + " remote env at " + client.url() + " is closed");
        }
    }

    @Override
    public String toString() {
        return "GymRemoteEnv[" + task.envId() + " at " + client.url() + (instanceId == null ? "" : ", instance "
                + instanceId) + "]";
    }
}

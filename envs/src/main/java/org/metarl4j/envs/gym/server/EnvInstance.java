package org.metarl4j.envs.gym.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.Step;
import org.metarl4j.envs.Tasks;

/**
 * One env served under an instance id, with its own generators and a lock: every method is synchronized, so
 * concurrent requests on one instance run one after another while different instances step in parallel.
 *
 * <p>Generators: the instance's root generator (from the create request's seed, else split from the server's) gives
 * two streams, split in this order: episode starts (reset k uses the k-th split of the first stream, so an episode's
 * start does not depend on how long earlier episodes ran or how many actions were sampled) and
 * {@code action_space/sample}. A seeded instance therefore replays exactly.
 *
 * <p>Step answers use gym 0.21's conventions: {@code done} is terminated or truncated, and once the time limit is
 * reached {@code info} holds {@code "TimeLimit.truncated"}, true unless the task's own terminal state was reached on
 * that same step (gym's {@code TimeLimit} wrapper: {@code info["TimeLimit.truncated"] = not done}).
 */
final class EnvInstance {
    static final String TIME_LIMIT_TRUNCATED = "TimeLimit.truncated";

    private final String id;
    private final String envId;
    private final Env<?> env;
    private final SplittableRandom episodeStarts;
    private final SplittableRandom actionSamples;
    private EpisodeMonitor monitor;
    private boolean closed;

    EnvInstance(String id, Env<?> env, SplittableRandom root) {
        this.id = id;
        this.envId = env.id();
        this.env = env;
        this.episodeStarts = root.split();
        this.actionSamples = root.split();
    }

    String id() {
        return id;
    }

    String envId() {
        return envId;
    }

    /** Starts an episode; returns the first observation as JSON. */
    synchronized Object reset() {
        checkOpen();
        double[] observation = env.reset(episodeStarts.split());
        if (monitor != null) {
            monitor.onReset();
        }
        return SpaceJson.element(env.observationSpace(), observation);
    }

    /**
     * One step; returns {@code observation}, {@code reward}, {@code done}, {@code info}.
     *
     * @throws GymRequestException (400) for an action of the wrong form or out of the action space, and for a step
     *     before reset or after the episode ended (upstream: 500, or for some envs reward 0 and done again)
     */
    synchronized Map<String, Object> step(JsonNode action) {
        checkOpen();
        double[] flatAction = SpaceJson.action(envId, env.actionSpace(), action);
        Step step;
        try {
            step = env.step(flatAction);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw GymRequestException.badRequest(e.getMessage());
        }
        if (monitor != null) {
            monitor.onStep(step.reward(), step.done());
        }
        Map<String, Object> info = new TreeMap<>();
        if (env.elapsedSteps() >= env.maxEpisodeSteps()) {
            info.put(TIME_LIMIT_TRUNCATED, step.truncated());
        }
        Map<String, Object> answer = new TreeMap<>();
        answer.put("observation", SpaceJson.element(env.observationSpace(), step.observation()));
        answer.put("reward", step.reward());
        answer.put("done", step.done());
        answer.put("info", info);
        return answer;
    }

    synchronized Map<String, Object> actionSpaceInfo() {
        checkOpen();
        return SpaceJson.info(env.actionSpace());
    }

    synchronized Map<String, Object> observationSpaceInfo() {
        checkOpen();
        return SpaceJson.info(env.observationSpace());
    }

    /** A uniform draw from the action space, as JSON. */
    synchronized Object sampleAction() {
        checkOpen();
        return SpaceJson.element(env.actionSpace(), env.actionSpace().sample(actionSamples));
    }

    synchronized boolean actionSpaceContains(String x) {
        checkOpen();
        return SpaceJson.containsIndex(env.actionSpace(), x);
    }

    /** Starts recording episode statistics into {@code directory}; a monitor already running is closed first. */
    synchronized void startMonitor(String directory, boolean force, boolean resume) {
        checkOpen();
        closeMonitor();
        JsonNode task = GymJson.tree(Tasks.toJson(env.task()));
        monitor = EpisodeMonitor.start(directory, force, resume, envId, task);
    }

    /** Writes the monitor's files; nothing to do if none is running. */
    synchronized void closeMonitor() {
        checkOpen();
        if (monitor == null) {
            return;
        }
        EpisodeMonitor closing = monitor;
        monitor = null;
        try {
            closing.close();
        } catch (IOException e) {
            throw GymRequestException.badRequest("cannot write the monitor files: " + e);
        }
    }

    /** Closes the monitor (writing its files) and the env; later calls answer "unknown instance". */
    synchronized void close() {
        if (closed) {
            return;
        }
        try {
            closeMonitor();
        } finally {
            closed = true;
            env.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw EnvInstances.unknown(id);
        }
    }
}

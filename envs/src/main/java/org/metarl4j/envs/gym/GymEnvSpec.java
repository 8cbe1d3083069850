package org.metarl4j.envs.gym;

import java.util.List;
import java.util.Objects;
import org.metarl4j.envs.space.Space;

/**
 * What the {@link GymRemoteEnv}s of one family share: the env ids they may run (all with these spaces), the spaces,
 * the time limit and the seeding. The spaces are read from the server once ({@link #probe}) rather than by every env.
 *
 * <p>The time limit must be given: gym-http-api does not tell it, yet samplers size their buffers by it. Give gym's
 * registered limit (CartPole-v1 500, Pendulum-v1 200, MountainCarContinuous-v0 999, Acrobot-v1 500) or a shorter
 * one; the server's own TimeLimit ends episodes that are longer, reported as truncated through
 * {@code info["TimeLimit.truncated"]}.
 *
 * @param envIds the env ids these envs may be set to, at least one
 * @param observationSpace the observation space of every one of them
 * @param actionSpace the action space of every one of them
 * @param maxEpisodeSteps our time limit: an episode still running after this many steps is truncated
 * @param seeding how instances are seeded
 */
public record GymEnvSpec(List<String> envIds, Space observationSpace, Space actionSpace, int maxEpisodeSteps,
                         GymSeeding seeding) {

    public GymEnvSpec {
        if (envIds == null || envIds.isEmpty()) {
            throw new IllegalArgumentException("a gym env spec needs at least one env id");
        }
        envIds = List.copyOf(envIds);
        Objects.requireNonNull(observationSpace, "observationSpace");
        Objects.requireNonNull(actionSpace, "actionSpace");
        Objects.requireNonNull(seeding, "seeding");
        if (maxEpisodeSteps <= 0) {
            throw new IllegalArgumentException("maxEpisodeSteps must be > 0, got " + maxEpisodeSteps
                    + " (gym-http-api does not report an env's time limit: give it, e.g. 500 for CartPole-v1)");
        }
    }

    /**
     * Reads the spaces of each env id from the server (an unseeded instance per id, closed again) and checks that
     * they are equal, as envs stepped together must be.
     *
     * @throws IllegalArgumentException if two env ids have different spaces
     * @throws GymException if the server cannot be reached or fails
     */
    public static GymEnvSpec probe(GymClient client, List<String> envIds, int maxEpisodeSteps, GymSeeding seeding) {
        if (envIds == null || envIds.isEmpty()) {
            throw new IllegalArgumentException("a gym env spec needs at least one env id");
        }
        Space observations = null;
        Space actions = null;
        String first = null;
        for (String envId : envIds) {
            String instance = client.create(envId);
            Space obs;
            Space act;
            try {
                obs = client.observationSpace(instance);
                act = client.actionSpace(instance);
            } finally {
                client.closeQuietly(instance);
            }
            if (first == null) {
                first = envId;
                observations = obs;
                actions = act;
            } else if (!obs.equals(observations) || !act.equals(actions)) {
                throw new IllegalArgumentException("gym envs " + first + " and " + envId + " at " + client.url()
                        + " have different spaces (observation " + observations + " vs " + obs + ", action "
                        + actions + " vs " + act + "); envs of one task distribution need equal spaces");
            }
        }
        return new GymEnvSpec(envIds, observations, actions, maxEpisodeSteps, seeding);
    }
}

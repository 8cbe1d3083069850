package org.metarl4j.envs.gym;

import org.metarl4j.envs.EnvFamily;

/** Task families served by a gym-http-api server, for everything that trains on an {@link EnvFamily}. */
public final class GymFamilies {
    /** The family name of remote envs ({@code maml.family: gym}, {@code rl2.family: gym} in experiment configs). */
    public static final String NAME = "gym";

    private GymFamilies() {
    }

    /**
     * The family of {@code tasks} on {@code client}'s server: reads the spaces of its env ids once (they must be
     * equal), then makes {@link GymRemoteEnv}s that create their server instances at their first reset. Closing
     * the envs closes their instances; closing the client closes any left.
     *
     * @param maxEpisodeSteps the time limit (the protocol does not report gym's; see {@link GymEnvSpec})
     */
    public static EnvFamily<GymTask> remote(GymClient client, GymTaskDistribution tasks, int maxEpisodeSteps,
                                            GymSeeding seeding) {
        GymEnvSpec spec = GymEnvSpec.probe(client, tasks.envIds(), maxEpisodeSteps, seeding);
        GymTask initial = new GymTask(tasks.envIds().get(0));
        return new EnvFamily<>(NAME, () -> new GymRemoteEnv(client, spec, initial), tasks,
                "gym-http-api server at " + client.url() + ": " + String.join(", ", tasks.envIds()));
    }
}

package org.metarl4j.experiments.run;

import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.gym.GymClient;
import org.metarl4j.envs.gym.GymFamilies;
import org.metarl4j.experiments.config.ExperimentConfig;
import org.metarl4j.experiments.config.GymSettings;

/**
 * The task family a run trains on, open for the length of the run: a built-in family, or the envs of the gym server
 * in the experiment's {@code gym:} section, whose client {@link #close()} closes every server instance still open
 * when the run ends (a JVM shutdown hook does so if the process is stopped first).
 *
 * @param family the family
 * @param client the gym client behind a {@code gym} family; null for built-in families
 */
record RunFamily(EnvFamily<?> family, GymClient client) implements AutoCloseable {

    /** Opens the family {@code config}'s agent names; for {@code gym}, connects and reads the envs' spaces. */
    static RunFamily open(ExperimentConfig config) {
        String name = config.family();
        if (!name.equals(GymFamilies.NAME)) {
            return new RunFamily(config.rl2() != null ? config.rl2().taskFamily() : EnvFamilies.byName(name), null);
        }
        GymSettings gym = config.gym();
        GymClient client = new GymClient(gym.clientConfig());
        try {
            return new RunFamily(GymFamilies.remote(client, gym.tasks(), gym.maxEpisodeSteps(), gym.seeding()),
                    client);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}

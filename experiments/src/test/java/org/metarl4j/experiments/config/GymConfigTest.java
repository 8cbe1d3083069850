package org.metarl4j.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metarl4j.envs.gym.GymClientConfig;
import org.metarl4j.envs.gym.GymSeeding;
import org.metarl4j.envs.gym.GymTask;

/** The {@code gym:} section: defaults, validation with messages that name the key, and a round trip. */
class GymConfigTest {
    private static final String GYM = """
            base: maml-navigation2d-short
            name: maml-gym
            maml:
              family: gym
            gym:
              url: http://127.0.0.1:5000
              envIds: [CartPole-v1]
              maxEpisodeSteps: 500
            """;

    private static ExperimentConfig load(Path dir, String yaml, String... overrides) throws Exception {
        Path file = dir.resolve("gym.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file.toString(), List.of(overrides));
    }

    private static String error(Path dir, String yaml, String... overrides) {
        return assertThrows(ConfigException.class, () -> load(dir, yaml, overrides)).getMessage();
    }

    @Test
    void theRequiredKeysAreEnoughAndTheRestHaveDefaults(@TempDir Path dir) throws Exception {
        ExperimentConfig config = load(dir, GYM);
        GymSettings gym = config.gym();
        assertEquals("gym", config.family());
        assertEquals(List.of("CartPole-v1"), gym.envIds());
        assertEquals(GymSeeding.PER_INSTANCE, gym.seeding());
        assertEquals(Map.of(), gym.parameters());
        GymClientConfig client = gym.clientConfig();
        assertEquals(Duration.ofSeconds(5), client.connectTimeout());
        assertEquals(Duration.ofSeconds(30), client.requestTimeout());
        assertEquals(3, client.retries());
        assertEquals(Duration.ofMillis(500), client.backoff());
        Path resolved = dir.resolve("config.json");
        Files.writeString(resolved, ConfigLoader.toJson(config));
        assertTrue(Files.readString(resolved).contains("\"seeding\" : \"per-instance\""));
        assertEquals(config, ConfigLoader.read(resolved));
    }

    @Test
    void parameterRangesBecomeTheTaskDistribution(@TempDir Path dir) throws Exception {
        ExperimentConfig config = load(dir, GYM + "  parameters: {poleLength: [0.25, 0.75], gravity: [9.8, 9.8]}\n"
                + "  seeding: per-episode\n  requestTimeoutSeconds: 2.5\n", "gym.retries=0");
        GymTask task = config.gym().tasks().sample(new SplittableRandom(1));
        assertEquals(9.8, task.parameters().get("gravity"));
        double pole = (Double) task.parameters().get("poleLength");
        assertTrue(pole >= 0.25 && pole <= 0.75);
        assertEquals(GymSeeding.PER_EPISODE, config.gym().seeding());
        assertEquals(Duration.ofMillis(2500), config.gym().clientConfig().requestTimeout());
        assertEquals(0, config.gym().clientConfig().retries());
    }

    @Test
    void mistakesAreNamedByTheirKey(@TempDir Path dir) {
        assertEquals("gym.yaml: maml.family gym needs a 'gym' section (url, envIds, maxEpisodeSteps) naming the "
                + "server to train on", error(dir, "base: maml-navigation2d-short\nmaml:\n  family: gym\n")
                .replace(dir.resolve("gym.yaml").toString(), "gym.yaml"));
        assertTrue(error(dir, GYM.replace("family: gym", "family: cartpole")).contains(
                "key 'gym' applies only to maml.family: gym, got 'cartpole'"));
        assertTrue(error(dir, GYM.replace("  maxEpisodeSteps: 500\n", "")).contains(
                "missing key 'gym.maxEpisodeSteps'"));
        assertTrue(error(dir, GYM.replace("http://127.0.0.1:5000", "127.0.0.1:5000")).contains(
                "gym.url: gym server url must be http(s)://host[:port][/path], got '127.0.0.1:5000'"));
        assertTrue(error(dir, GYM + "  timeout: 3\n").contains("unknown key 'gym.timeout'; allowed under 'gym': "
                + "backoffSeconds, connectTimeoutSeconds, envIds, maxEpisodeSteps, parameters, requestTimeoutSeconds,"
                + " retries, seeding, url"));
        assertTrue(error(dir, GYM + "  seeding: always\n").contains("'always' is not a valid choice; allowed: none, "
                + "per-instance, per-episode"));
        assertTrue(error(dir, GYM + "  parameters: {poleLength: [0.75, 0.25]}\n").contains(
                "gym.parameters.poleLength must be [min, max] with finite min <= max, got [0.75, 0.25]"));
        assertTrue(error(dir, GYM, "gym.maxEpisodeSteps=0").contains("gym.maxEpisodeSteps must be >= 1"));
        assertTrue(error(dir, GYM, "gym.envIds=[]").contains("gym.envIds must list at least one env id"));
        assertTrue(error(dir, GYM, "gym.retries=11").contains("gym.retries must be in [0, 10], got 11"));
        assertTrue(error(dir, GYM + "bogus: 1\n").contains("allowed at the top level: agent, checkpoints, "
                + "evaluation, gym, maml,"));
    }

    @Test
    void rl2TakesTheGymFamilyToo(@TempDir Path dir) throws Exception {
        ExperimentConfig config = load(dir, GYM.replace("maml-navigation2d-short", "rl2-navigation2d")
                .replace("maml:", "rl2:"));
        assertEquals("gym", config.rl2().family());
        assertNull(config.maml());
        assertThrows(IllegalStateException.class, () -> config.rl2().taskFamily());
    }
}

package org.metarl4j.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metarl4j.envs.gym.server.GymServer;
import org.metarl4j.envs.gym.server.GymServerConfig;
import org.metarl4j.experiments.config.ConfigLoader;
import org.metarl4j.experiments.config.ExperimentConfig;

/**
 * Training on a gym server: tiny MAML and RL² (SNAIL memory) runs on envs served in-process by our {@link GymServer}
 * over loopback ({@code family: gym} and a {@code gym:} section), each leaving no instance open on the server. A MAML
 * run stopped after its first iteration and resumed (reconnecting from its config.json) ends with the uninterrupted
 * run's numbers: every instance is seeded from the run's generators, and each iteration's new tasks get new
 * instances.
 */
class GymRunTest {
    private final GymServer server = GymServer.start(GymServerConfig.defaults().withPort(0));
    private final Progress quiet = Progress.lines(new PrintStream(new ByteArrayOutputStream()));

    @AfterEach
    void stop() {
        server.close();
    }

    private ExperimentConfig config(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("gym.yaml");
        Files.writeString(file, yaml.replace("URL", server.uri().toString()));
        return ConfigLoader.load(file.toString(), List.of());
    }

    @Test
    void mamlTrainsOnAParameterizedCartPoleServedOverHttp(@TempDir Path root) throws Exception {
        ExperimentConfig config = config(root, """
                base: maml-navigation2d-short
                name: maml-gym-cartpole
                seeds: [3]
                maml:
                  family: gym
                  iterations: 2
                  metaBatchSize: 2
                  episodesPerTask: 2
                  hiddenSizes: [8]
                  evalTasks: 2
                  workers: 1
                evaluation: {every: 1, tasks: 2}
                gym:
                  url: URL
                  envIds: [CartPole-v1]
                  maxEpisodeSteps: 20
                  parameters: {poleLength: [0.25, 0.75]}
                  requestTimeoutSeconds: 10
                """);
        MamlRun.Result first = MamlRun.start(config, root.resolve("a"), quiet, List.of());
        assertEquals(0, server.instanceCount(), "the run closed its instances");
        List<String> progress = Files.readAllLines(first.directory().resolve("progress.csv"));
        assertEquals(3, progress.size());
        assertTrue(Files.readString(first.directory().resolve("config.json")).contains("\"url\" : \""
                + server.uri()));
        assertTrue(Files.isRegularFile(first.directory().resolve("eval.json")));
        Path evaluated = EvalRun.evaluate(first.directory(), "final", 2, 7, quiet);
        assertTrue(Files.readString(evaluated).contains("\"evaluation\""));

        Progress stopAfterOne = new Progress(new PrintStream(new ByteArrayOutputStream())) {
            @Override
            public void iteration(String run, int done, int total, String values, double secondsPerIteration,
                                  double etaSeconds) {
                throw new IllegalStateException("stopped");
            }
        };
        assertThrows(IllegalStateException.class, () -> MamlRun.start(config, root.resolve("b"), stopAfterOne,
                List.of()));
        assertEquals(0, server.instanceCount(), "a run that fails closes its instances too");
        Path stopped;
        try (Stream<Path> dirs = Files.list(root.resolve("b").resolve("maml-gym-cartpole"))) {
            stopped = dirs.findFirst().orElseThrow();
        }
        MamlRun.Result resumed = MamlRun.resume(stopped, quiet, List.of());
        assertEquals(progress, Files.readAllLines(resumed.directory().resolve("progress.csv")));
        assertArrayEquals(first.theta(), resumed.theta());
        assertEquals(0, server.instanceCount());
    }

    @Test
    void rl2WithSnailTrainsOnPendulumServedOverHttp(@TempDir Path root) throws Exception {
        ExperimentConfig config = config(root, """
                base: rl2-navigation2d
                name: rl2-gym-pendulum
                seeds: [4]
                rl2:
                  family: gym
                  iterations: 2
                  trialsPerBatch: 2
                  episodesPerTrial: 2
                  core: snail
                  hiddenSize: 8
                  evalTasks: 2
                evaluation: {every: 0, tasks: 2}
                gym:
                  url: URL
                  envIds: [Pendulum-v1]
                  maxEpisodeSteps: 8
                """);
        Rl2Run.Result result = Rl2Run.start(config, root, quiet, List.of());
        assertEquals(3, Files.readAllLines(result.directory().resolve("progress.csv")).size());
        assertEquals("gym", result.evaluation().family());
        assertTrue(result.evaluation().baselines().isEmpty());
        assertEquals(0, server.instanceCount());
    }
}

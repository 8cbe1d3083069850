package org.metarl4j.experiments.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.metarl4j.envs.Step;
import org.metarl4j.envs.gym.GymClient;
import org.metarl4j.envs.gym.GymClientConfig;
import org.metarl4j.envs.gym.GymException;
import org.metarl4j.envs.gym.GymRemoteEnv;
import org.metarl4j.envs.gym.GymSeeding;
import org.metarl4j.envs.gym.GymTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gym check}: is this server usable for training? Creates the env through our client, prints its spaces, runs
 * a few episodes of seeded random actions through {@link GymRemoteEnv} (what training uses) and prints their returns.
 * A fault (no server, a time-out, a 500 page, malformed answers) ends it with one line saying what and exit code 2.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks a gym-http-api server (upstream's or `gym serve`): creates the env, prints its spaces",
            "and runs episodes of random actions, printing each return. Exits 2 with a one-line error if the",
            "server cannot be reached or answers wrongly."})
final class GymCheckCommand implements Callable<Integer> {

    @Option(names = "--url", required = true, description = "The server, e.g. http://127.0.0.1:5000.")
    String url;

    @Option(names = "--env", required = true, description = "The env id, e.g. CartPole-v1.")
    String envId;

    @Option(names = "--episodes", defaultValue = "3", description = "Episodes to run (default ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the instance and the random actions (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-steps", defaultValue = "1000",
            description = {"Our time limit per episode (default ${DEFAULT-VALUE}); the server's own time limit",
                "ends episodes earlier (CartPole-v1 500, Pendulum-v1 200)."})
    int maxSteps;

    @Option(names = "--timeout", defaultValue = "10",
            description = "Seconds allowed for each request (default ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--retries", defaultValue = "0",
            description = "Retries of a refused or timed-out create/reset (default ${DEFAULT-VALUE}: report at once).")
    int retries;

    @Option(names = "--task", paramLabel = "NAME=VALUE",
            description = {"A task parameter for a server that takes them (`gym serve`), e.g. --task poleLength=0.8;",
                "repeat for more."})
    Map<String, Double> task = new LinkedHashMap<>();

    @Override
    public Integer call() {
        if (episodes < 1) {
            throw new IllegalArgumentException("--episodes must be >= 1, got " + episodes);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("--max-steps must be >= 1, got " + maxSteps);
        }
        if (!(timeoutSeconds > 0 && timeoutSeconds <= 3600)) {
            throw new IllegalArgumentException("--timeout must be in (0, 3600] seconds, got " + timeoutSeconds);
        }
        Duration timeout = Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        GymClientConfig config = GymClientConfig.of(url).withTimeouts(timeout, timeout)
                .withRetries(retries, Duration.ofMillis(500));
        try (GymClient client = new GymClient(config);
             GymRemoteEnv env = GymRemoteEnv.open(client, new GymTask(envId, new LinkedHashMap<>(task)), maxSteps,
                     GymSeeding.PER_INSTANCE)) {
            System.out.println("server:            " + client.url());
            System.out.println("env:               " + envId + (task.isEmpty() ? "" : " with task " + task));
            System.out.println("observation space: " + env.observationSpace());
            System.out.println("action space:      " + env.actionSpace());
            SplittableRandom rng = new SplittableRandom(seed);
            SplittableRandom actions = rng.split();
            double sum = 0;
            for (int episode = 1; episode <= episodes; episode++) {
                env.reset(rng);
                double total = 0;
                Step step;
                do {
                    step = env.step(env.actionSpace().sample(actions));
                    total += step.reward();
                } while (!step.done());
                sum += total;
                System.out.printf(Locale.ROOT, "episode %d: return %.3f over %d steps (%s)%n", episode, total,
                        env.elapsedSteps(), step.terminated() ? "terminated" : "truncated");
            }
            System.out.printf(Locale.ROOT, "mean return over %d episodes: %.3f%n", episodes, sum / episodes);
            return 0;
        } catch (GymException e) {
            System.err.println("error: " + e.getMessage());
            return MetaRl4jCli.EXIT_BAD_INPUT;
        }
    }
}

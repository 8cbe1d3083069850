package org.metarl4j.experiments.cli;

import java.util.concurrent.Callable;
import org.metarl4j.envs.gym.server.GymServer;
import org.metarl4j.envs.gym.server.GymServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gym serve}: runs a {@link GymServer} until {@code POST /v1/shutdown/} or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves every MetaRL4J env over the gym-http-api protocol (upstream gym_http_client.py works",
            "unchanged) until POST /v1/shutdown/ or Ctrl-C. Env ids as in `list` (CartPole-v1, Pendulum-v1, ...);",
            "POST /v1/envs/ may carry a \"task\" object of the family's parameters, e.g.",
            "{\"env_id\":\"CartPole-v1\",\"task\":{\"poleLength\":0.8}}."})
final class GymServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "" + GymServerConfig.DEFAULT_PORT,
            description = "TCP port; 0 picks a free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = GymServerConfig.DEFAULT_HOST,
            description = {"Address to bind (default ${DEFAULT-VALUE}: this machine only). Anyone who can reach",
                "the server can create envs and write monitor files where this process may."})
    String host;

    @Option(names = "--max-instances", defaultValue = "" + GymServerConfig.DEFAULT_MAX_INSTANCES,
            description = "Env instances open at once; more are refused with a 400 (default ${DEFAULT-VALUE}).")
    int maxInstances;

    @Option(names = "--threads", defaultValue = "" + GymServerConfig.DEFAULT_THREADS,
            description = "Request threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws InterruptedException {
        GymServerConfig config = GymServerConfig.defaults().withHost(host).withPort(port)
                .withMaxInstances(maxInstances).withThreads(threads);
        GymServer server = GymServer.start(config);
        Thread closeOnExit = new Thread(server::close, "gym-server-exit");
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        System.out.println("Gym server listening on " + server.uri() + " (at most " + maxInstances
                + " env instances; env ids: " + String.join(", ", GymServer.envIds()) + ")");
        System.out.println("Stop it with POST " + server.uri() + "/v1/shutdown/ or Ctrl-C.");
        try {
            server.awaitShutdown();
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(closeOnExit);
            } catch (IllegalStateException exiting) {
                // the JVM is already shutting down (Ctrl-C): the hook closes the server
            }
        }
        System.out.println("Gym server stopped.");
        return 0;
    }
}

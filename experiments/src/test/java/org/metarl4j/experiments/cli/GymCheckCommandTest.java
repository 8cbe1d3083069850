package org.metarl4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.gym.server.GymServer;
import org.metarl4j.envs.gym.server.GymServerConfig;

class GymCheckCommandTest extends ConsoleCapture {

    @Test
    void checkPrintsTheSpacesAndEveryEpisodesReturn() {
        try (GymServer server = GymServer.start(GymServerConfig.defaults().withPort(0))) {
            assertEquals(0, MetaRl4jCli.execute("gym", "check", "--url", server.uri().toString(), "--env",
                    "CartPole-v1", "--episodes", "2", "--seed", "5", "--task", "poleLength=0.8"),
                    err.toString(StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("action space:      Discrete[n=2]")
                    && printed.contains("observation space: Box(low=[-4.8")
                    && printed.contains("with task {poleLength=0.8}")
                    && printed.contains("episode 1: return ") && printed.contains("episode 2: return ")
                    && printed.contains("(terminated)") && printed.contains("mean return over 2 episodes"), printed);
            assertEquals(0, server.instanceCount());
            assertEquals(0, MetaRl4jCli.execute("gym", "check", "--url", server.uri().toString(), "--env",
                    "Pendulum-v1", "--episodes", "1", "--max-steps", "5"));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("over 5 steps (truncated)"));
        }
    }

    @Test
    void faultsEndWithOneLineAndExitCodeTwo() throws IOException {
        String url;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            url = "http://127.0.0.1:" + free.getLocalPort();
        }
        assertEquals(2, MetaRl4jCli.execute("gym", "check", "--url", url, "--env", "CartPole-v1", "--timeout", "1"));
        String error = err.toString(StandardCharsets.UTF_8);
        assertTrue(error.startsWith("error: cannot connect to " + url), error);
        assertEquals(1, error.strip().lines().count(), error);
        assertFalse(error.contains("\tat "), "no stack trace");
        try (GymServer server = GymServer.start(GymServerConfig.defaults().withPort(0))) {
            err.reset();
            assertEquals(2, MetaRl4jCli.execute("gym", "check", "--url", server.uri().toString(), "--env",
                    "NoSuchEnv-v0"));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("malformed environment ID 'NoSuchEnv-v0'"));
        }
        assertEquals(2, MetaRl4jCli.execute("gym", "check", "--url", "not a url", "--env", "CartPole-v1"));
        assertEquals(2, MetaRl4jCli.execute("gym", "check", "--env", "CartPole-v1"));
        assertEquals(0, MetaRl4jCli.execute("gym", "check", "--help"));
    }
}

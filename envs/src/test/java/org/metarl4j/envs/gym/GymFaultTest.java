package org.metarl4j.envs.gym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.gym.ScriptedGymServer.Reply;

/**
 * Every way a server can fail comes back as a typed {@link GymException} with a message that says what happened, in
 * bounded time: refused connections, silence, a body that stalls, HTML 500 pages (the Box-space bug among them),
 * malformed JSON, wrong paths; repeatable calls are retried with doubling back-off, steps never.
 */
class GymFaultTest {
    private static final String ID = "32944ead";
    private static final Duration SHORT = Duration.ofMillis(300);

    private final List<Duration> waits = new ArrayList<>();

    private GymClient client(String url, int retries) {
        GymClientConfig config = GymClientConfig.of(url).withTimeouts(SHORT, SHORT)
                .withRetries(retries, Duration.ofMillis(100));
        return new GymClient(config, waits::add);
    }

    private static String refusedUrl() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    @Test
    void aRefusedConnectionIsRetriedWithDoublingBackoffThenReported() throws IOException {
        String url = refusedUrl();
        try (GymClient client = client(url, 3)) {
            GymConnectionException e = assertThrows(GymConnectionException.class, () -> client.create("CartPole-v1"));
            assertTrue(e.getMessage().contains("cannot connect to " + url) && e.getMessage().contains("refused")
                    && e.getMessage().contains("gave up after 4 attempts"), e.getMessage());
            assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), waits);
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndRepeatableCallsTryAgain() throws IOException {
        try (SilentServer silent = new SilentServer(""); GymClient client = client(silent.url(), 2)) {
            GymTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(GymTimeoutException.class, () -> client.reset(ID)));
            assertTrue(e.getMessage().contains("POST /v1/envs/" + ID + "/reset/")
                    && e.getMessage().contains("requestTimeout") && e.getMessage().contains("3 attempts"),
                    e.getMessage());
            assertEquals(3, silent.connections());
            assertEquals(2, waits.size());
        }
    }

    @Test
    void aBodyThatStallsAfterTheHeadersStillTimesOut() throws IOException {
        String headers = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"obs";
        try (SilentServer stalling = new SilentServer(headers); GymClient client = client(stalling.url(), 0)) {
            GymTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(GymTimeoutException.class, () -> client.step(ID, 1)));
            assertTrue(e.getMessage().contains("no complete answer"), e.getMessage());
        }
    }

    @Test
    void theUpstreamBoxSpaceBugIsNamedInTheMessageAndNotRetried() {
        try (ScriptedGymServer server = ScriptedGymServer.start(); GymClient client = client(server.url(), 3)) {
            server.on("GET", "/v1/envs/" + ID + "/observation_space/", Reply.internalError());
            GymServerErrorException e = assertThrows(GymServerErrorException.class,
                    () -> client.observationSpace(ID));
            assertEquals(500, e.status());
            assertTrue(e.getMessage().contains("500 Internal Server Error") && e.getMessage().contains("float32")
                    && e.getMessage().contains("#73") && e.getMessage().contains("gym serve"), e.getMessage());
            assertEquals(1, server.requests().size());
            assertTrue(waits.isEmpty());
        }
    }

    @Test
    void otherServerErrorsNameTheirKnownCauses() {
        try (ScriptedGymServer server = ScriptedGymServer.start(); GymClient client = client(server.url(), 0)) {
            server.on("POST", "/v1/envs/" + ID + "/step/", Reply.internalError());
            server.on("POST", "/v1/shutdown/", Reply.internalError());
            assertTrue(assertThrows(GymServerErrorException.class, () -> client.step(ID, 5)).getMessage()
                    .contains("step before the first reset"));
            assertTrue(assertThrows(GymServerErrorException.class, client::shutdownServer).getMessage()
                    .contains("Werkzeug 2.1"));
        }
    }

    @Test
    void unavailableServersAreRetriedUntilTheyAnswer() {
        AtomicInteger calls = new AtomicInteger();
        try (ScriptedGymServer server = ScriptedGymServer.start(); GymClient client = client(server.url(), 3)) {
            server.on("GET", "/v1/envs/", r -> calls.incrementAndGet() <= 2
                    ? Reply.html(503, "<title>503 Service Unavailable</title>") : Reply.json("{\"all_envs\":{}}"));
            assertTrue(client.listAll().isEmpty());
            assertEquals(3, calls.get());
            assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waits);
        }
    }

    @Test
    void aStepIsNeverRepeated() {
        try (ScriptedGymServer server = ScriptedGymServer.start(); GymClient client = client(server.url(), 3)) {
            server.on("POST", "/v1/envs/" + ID + "/step/", r -> null); // drops the connection
            GymConnectionException e = assertThrows(GymConnectionException.class, () -> client.step(ID, 1));
            assertTrue(e.getMessage().contains("lost during POST /v1/envs/" + ID + "/step/"), e.getMessage());
            assertEquals(1, server.requests().size());
        }
    }

    @Test
    void malformedOrIncompleteJsonIsAProtocolError() {
        try (ScriptedGymServer server = ScriptedGymServer.start(); GymClient client = client(server.url(), 3)) {
            server.on("POST", "/v1/envs/" + ID + "/reset/", Reply.json("{\"observation\":[0.1,"));
            assertTrue(assertThrows(GymProtocolException.class, () -> client.reset(ID)).getMessage()
                    .contains("malformed JSON"));
            server.on("POST", "/v1/envs/" + ID + "/reset/", Reply.json("{\"obs\":[0.1]}"));
            assertTrue(assertThrows(GymProtocolException.class, () -> client.reset(ID)).getMessage()
                    .contains("has no 'observation'"));
            server.on("POST", "/v1/envs/" + ID + "/step/", Reply.json("{\"done\":\"no\",\"info\":{},"
                    + "\"observation\":[1],\"reward\":1}"));
            assertThrows(GymProtocolException.class, () -> client.step(ID, 0));
            server.on("GET", "/v1/envs/", Reply.json("[]"));
            assertTrue(assertThrows(GymProtocolException.class, client::listAll).getMessage()
                    .contains("JSON object"));
            server.on("POST", "/v1/envs/", Reply.json("{\"instance_id\":\"../../x\"}"));
            assertThrows(GymProtocolException.class, () -> client.create("CartPole-v1"));
            assertTrue(waits.isEmpty(), "protocol errors repeat: not retried");
        }
    }

    @Test
    void aMissingEndpointOrARedirectMeansAnotherProtocol() {
        try (ScriptedGymServer server = ScriptedGymServer.start(); GymClient client = client(server.url(), 0)) {
            assertTrue(assertThrows(GymProtocolException.class, () -> client.reset(ID)).getMessage()
                    .contains("404 Not Found: the server has no such endpoint"));
            server.on("GET", "/v1/envs/", new Reply(308, "text/html", ""));
            assertTrue(assertThrows(GymProtocolException.class, client::listAll).getMessage()
                    .contains("trailing slashes"));
        }
    }

    @Test
    void aBadRequestPageThatIsNotJsonKeepsItsText() {
        try (ScriptedGymServer server = ScriptedGymServer.start(); GymClient client = client(server.url(), 0)) {
            server.on("POST", "/v1/envs/", Reply.html(400, "<title>400 Bad Request</title><h1>Bad Request</h1>"
                    + "<p>The browser (or proxy) sent a request that this server could not understand.</p>"));
            GymRequestException e = assertThrows(GymRequestException.class, () -> client.create("CartPole-v1"));
            assertEquals("400 Bad Request: The browser (or proxy) sent a request that this server could not "
                    + "understand.", e.serverMessage());
        }
    }

    @Test
    void unsupportedSpacesAreRefusedByName() {
        try (ScriptedGymServer server = ScriptedGymServer.start(); GymClient client = client(server.url(), 0)) {
            server.on("GET", "/v1/envs/" + ID + "/action_space/", Reply.json("{\"info\":{\"name\":\"MultiBinary\"}}"));
            UnsupportedSpaceException e = assertThrows(UnsupportedSpaceException.class, () -> client.actionSpace(ID));
            assertTrue(e.getMessage().contains("MultiBinary space") && e.getMessage().contains("Discrete and Box"),
                    e.getMessage());
            assertInstanceOf(GymException.class, e);
        }
    }

    @Test
    void aClosedClientRefusesCalls() {
        GymClient client = GymClient.connect("http://127.0.0.1:9");
        client.close();
        client.close();
        assertThrows(IllegalStateException.class, () -> client.create("CartPole-v1"));
    }

    @Test
    void configsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> GymClientConfig.of("ftp://x"));
        assertThrows(IllegalArgumentException.class, () -> GymClientConfig.of("127.0.0.1:5000"));
        assertThrows(IllegalArgumentException.class, () -> GymClientConfig.of("http://h").withRetries(11,
                Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> GymClientConfig.of("http://h").withTimeouts(
                Duration.ZERO, SHORT));
        assertEquals("http://127.0.0.1:5000", GymClientConfig.of("http://127.0.0.1:5000/").baseUrl().toString());
    }
}

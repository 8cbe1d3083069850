package org.metarl4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GymCommandTest extends ConsoleCapture {
    private static final Pattern URL = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    @Test
    void serveRunsUntilShutdownAndExitsZero() throws Exception {
        CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(
                () -> MetaRl4jCli.execute("gym", "serve", "--port", "0", "--max-instances", "2"));
        URI base = URI.create(awaitUrl(serving));
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(base.resolve("/v1/envs/"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"env_id\":\"CartPole-v1\",\"task\":{\"poleLength\":0.8}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, created.statusCode(), created.body());
        HttpResponse<String> shutdown = client.send(HttpRequest.newBuilder(base.resolve("/v1/shutdown/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("Server shutting down", shutdown.body());
        assertEquals(0, serving.get(10, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Gym server stopped."));
    }

    private String awaitUrl(CompletableFuture<Integer> serving) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Matcher url = URL.matcher(out.toString(StandardCharsets.UTF_8));
            if (url.find()) {
                return url.group(1);
            }
            if (serving.isDone()) {
                throw new AssertionError("serve exited early: " + err.toString(StandardCharsets.UTF_8));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("serve printed no URL: " + out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badInputExitsTwo() {
        assertEquals(2, MetaRl4jCli.execute("gym", "serve", "--port", "70000"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("port must be in [0, 65535], got 70000"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, MetaRl4jCli.execute("gym", "serve", "--max-instances", "0"));
        assertEquals(2, MetaRl4jCli.execute("gym", "serve", "--port", "many"));
        assertEquals(2, MetaRl4jCli.execute("gym", "nonsense"));
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, MetaRl4jCli.execute("gym", "--help"));
        assertEquals(0, MetaRl4jCli.execute("gym", "serve", "--help"));
        assertEquals(0, MetaRl4jCli.execute("gym"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("serve"));
    }
}

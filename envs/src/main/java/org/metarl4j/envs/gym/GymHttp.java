package org.metarl4j.envs.gym;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP exchange with one gym-http-api server: JSON requests over {@code java.net.http} (HTTP/1.1, as the Flask
 * server speaks), every exchange bounded by the configured time-outs, repeatable calls retried with doubling
 * back-off, and every failure turned into a {@link GymException} that names the server and the call.
 *
 * <p>The time-out covers the whole exchange, body included: the JDK's per-request time-out stops once the headers
 * arrive, so a server that stalls in the middle of a body would otherwise hang the caller for good.
 */
final class GymHttp {
    /** How a caller wants the answer read. */
    enum Expect { JSON, NO_CONTENT, TEXT }

    /** One call: {@code body} is null for GET and for a POST without a body. */
    record Call(String method, String path, ObjectNode body) {
        String describe() {
            return method + " " + path;
        }
    }

    private final GymClientConfig config;
    private final HttpClient http;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Sleeper sleeper;

    /** Waits between retries; tests count the waits instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    GymHttp(GymClientConfig config, Sleeper sleeper) {
        this.config = config;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    ObjectMapper json() {
        return json;
    }

    URI baseUrl() {
        return config.baseUrl();
    }

    /**
     * Sends {@code call}, retrying a repeatable one, and returns the answer read as {@code expect} says: a JSON object
     * (JSON), null (NO_CONTENT) or the body (TEXT).
     */
    Object send(Call call, Expect expect, boolean repeatable) {
        return send(call, expect, repeatable ? config.retries() : 0);
    }

    Object send(Call call, Expect expect, int retries) {
        int attempts = 1 + retries;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = exchange(call);
            } catch (GymConnectionException | GymTimeoutException e) {
                if (attempt == attempts) {
                    throw attempts == 1 ? e : gaveUp(e, attempts);
                }
                pause(call, attempt);
                continue;
            }
            if (ServerFaults.transientStatus(response.statusCode()) && attempt < attempts) {
                pause(call, attempt);
                continue;
            }
            return read(call, response, expect);
        }
    }

    private void pause(Call call, int attempt) {
        try {
            sleeper.sleep(config.backoffBefore(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GymConnectionException("interrupted while waiting to retry " + call.describe() + " at "
                    + config.baseUrl(), e);
        }
    }

    private static GymException gaveUp(GymException last, int attempts) {
        String message = last.getMessage() + " (gave up after " + attempts + " attempts)";
        return last instanceof GymTimeoutException ? new GymTimeoutException(message, last)
                : new GymConnectionException(message, last);
    }

    private HttpResponse<String> exchange(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.baseUrl() + call.path()))
                .timeout(config.requestTimeout()).header("Accept", "application/json");
        if (call.method().equals("GET")) {
            request.GET();
        } else if (call.body() == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(call.body().toString()));
        }
        CompletableFuture<HttpResponse<String>> future = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofString());
        Duration limit = config.connectTimeout().plus(config.requestTimeout());
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new GymTimeoutException("no complete answer from " + config.baseUrl() + " to " + call.describe()
                    + " within " + seconds(limit) + " (requestTimeout " + seconds(config.requestTimeout()) + ")", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new GymConnectionException("interrupted while waiting for " + config.baseUrl() + " to answer "
                    + call.describe(), e);
        } catch (ExecutionException e) {
            throw failure(call, e.getCause());
        }
    }

    private GymException failure(Call call, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return new GymTimeoutException("cannot connect to " + config.baseUrl() + " within "
                        + seconds(config.connectTimeout()) + " (connectTimeout) for " + call.describe(), cause);
            }
            if (t instanceof HttpTimeoutException) {
                return new GymTimeoutException("no answer from " + config.baseUrl() + " to " + call.describe()
                        + " within " + seconds(config.requestTimeout()) + " (requestTimeout)", cause);
            }
            if (t instanceof ConnectException) {
                return new GymConnectionException("cannot connect to " + config.baseUrl() + " for "
                        + call.describe() + " (connection refused): is the gym server running there?", cause);
            }
        }
        String what = cause instanceof IOException && cause.getMessage() != null ? cause.getMessage()
                : String.valueOf(cause);
        return new GymConnectionException("connection to " + config.baseUrl() + " lost during " + call.describe()
                + " (" + what + "): did the server stop?", cause);
    }

    private Object read(Call call, HttpResponse<String> response, Expect expect) {
        int status = response.statusCode();
        String body = response.body();
        String where = call.describe() + " at " + config.baseUrl();
        if (status >= 200 && status < 300) {
            return switch (expect) {
                case TEXT -> body;
                case NO_CONTENT -> {
                    if (body != null && !body.isBlank()) {
                        throw new GymProtocolException(where + " answered " + ServerFaults.statusText(status)
                                + " with a body where gym-http-api sends none (204): "
                                + ServerFaults.excerpt(body), null);
                    }
                    yield null;
                }
                case JSON -> parseObject(where, status, body);
            };
        }
        if (status >= 300 && status < 400) {
            throw new GymProtocolException(where + " answered " + ServerFaults.statusText(status) + " to "
                    + response.headers().firstValue("Location").orElse("(no location)")
                    + ": gym-http-api paths are exact, trailing slashes included; is this a gym-http-api server?",
                    null);
        }
        if (status == 404 || status == 405) {
            throw new GymProtocolException(where + " answered " + ServerFaults.statusText(status)
                    + ": the server has no such endpoint; is " + config.baseUrl() + " a gym-http-api server?", null);
        }
        if (status >= 400 && status < 500) {
            String said = serverMessage(body);
            throw new GymRequestException(where + " was rejected (" + ServerFaults.statusText(status) + "): " + said
                    + (GymRequestException.isUnknownInstance(said) ? " (closed already, or the server restarted and"
                    + " lost it)" : ""), status, said);
        }
        if (status >= 500) {
            throw new GymServerErrorException(where + " failed on the server (" + ServerFaults.statusText(status)
                    + ": " + ServerFaults.excerpt(body) + "); " + ServerFaults.explain(call.method(), call.path(),
                    status), status);
        }
        throw new GymProtocolException(where + " answered an unexpected status " + status + ": "
                + ServerFaults.excerpt(body), null);
    }

    /** gym-http-api's {@code {"message": ...}} of a 400, or the text of a non-JSON error page. */
    private String serverMessage(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node != null && node.path("message").isTextual()) {
                return node.get("message").asText();
            }
        } catch (JsonProcessingException e) {
            // not JSON: an HTML page (e.g. a request body that is not JSON)
        }
        return ServerFaults.excerpt(body);
    }

    private ObjectNode parseObject(String where, int status, String body) {
        if (body == null || body.isBlank()) {
            throw new GymProtocolException(where + " answered " + ServerFaults.statusText(status)
                    + " with an empty body where JSON was expected", null);
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new GymProtocolException(where + " answered with malformed JSON (" + e.getOriginalMessage()
                    + "): " + ServerFaults.excerpt(body), e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new GymProtocolException(where + " answered " + ServerFaults.excerpt(body)
                    + " where a JSON object was expected", null);
        }
        return object;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }
}

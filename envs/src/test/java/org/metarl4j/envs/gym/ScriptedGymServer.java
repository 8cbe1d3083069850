package org.metarl4j.envs.gym;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted stand-in for upstream gym-http-api on a loopback ephemeral port: it answers exactly the paths it was
 * given (anything else gets Flask's 404 page, so a wrong path or trailing slash fails), the way the Flask server
 * answers (compact JSON with sorted keys and a trailing newline, {@code Connection: close}, empty 204s, HTML error
 * pages), and records every request for the test to check.
 */
final class ScriptedGymServer implements AutoCloseable {
    /** One request as the server saw it. */
    record Request(String method, String path, String contentType, String body) {
        /** "POST /v1/envs/" */
        String line() {
            return method + " " + path;
        }
    }

    /** One answer. */
    record Reply(int status, String contentType, String body) {
        /** 200 with a JSON body as jsonify writes it (the newline included). */
        static Reply json(String body) {
            return json(200, body);
        }

        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body + "\n");
        }

        static Reply noContent() {
            return new Reply(204, "text/html; charset=utf-8", "");
        }

        static Reply html(int status, String body) {
            return new Reply(status, "text/html; charset=utf-8", body);
        }

        /** Flask's 500 page (Werkzeug 2.0). */
        static Reply internalError() {
            return html(500, FLASK_500);
        }
    }

    static final String FLASK_500 = """
            <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">
            <title>500 Internal Server Error</title>
            <h1>Internal Server Error</h1>
            <p>The server encountered an internal error and was unable to complete your request. Either the server \
            is overloaded or there is an error in the application.</p>
            """;
    static final String FLASK_404 = """
            <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">
            <title>404 Not Found</title>
            <h1>Not Found</h1>
            <p>The requested URL was not found on the server. If you entered the URL manually please check your \
            spelling and try again.</p>
            """;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-gym-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<Pattern, Function<Request, Reply>> routes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private ScriptedGymServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static ScriptedGymServer start() {
        try {
            return new ScriptedGymServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the scripted gym server", e);
        }
    }

    /** Answers {@code method path} (exactly) with {@code reply}, every time. */
    ScriptedGymServer on(String method, String path, Reply reply) {
        return on(method, path, request -> reply);
    }

    ScriptedGymServer on(String method, String path, Function<Request, Reply> handler) {
        routes.put(Pattern.compile(Pattern.quote(method + " " + path)), handler);
        return this;
    }

    /** Answers each request whose line "METHOD /path" matches {@code regex}; its groups go to the handler. */
    ScriptedGymServer onMatching(String regex, java.util.function.BiFunction<Matcher, Request, Reply> handler) {
        Pattern pattern = Pattern.compile(regex);
        routes.put(pattern, request -> {
            Matcher m = pattern.matcher(request.line());
            m.matches();
            return handler.apply(m, request);
        });
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The request lines ("POST /v1/envs/") in order. */
    List<String> lines() {
        return requests().stream().map(Request::line).toList();
    }

    long count(String line) {
        return requests().stream().filter(r -> r.line().equals(line)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body);
            requests.add(request);
            Function<Request, Reply> handler = null;
            synchronized (routes) {
                for (Map.Entry<Pattern, Function<Request, Reply>> route : routes.entrySet()) {
                    if (route.getKey().matcher(request.line()).matches()) {
                        handler = route.getValue();
                    }
                }
            }
            Reply reply = handler == null ? Reply.html(404, FLASK_404) : handler.apply(request);
            if (reply == null) {
                return; // drop the connection without an answer
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.getResponseHeaders().set("Server", "Werkzeug/2.0.3 Python/3.8.10");
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /** Stops listening at once: later connections are refused, as with a killed server. */
    void kill() {
        server.stop(0);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

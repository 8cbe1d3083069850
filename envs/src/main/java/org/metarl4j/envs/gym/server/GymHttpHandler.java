package org.metarl4j.envs.gym.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.metarl4j.envs.gym.server.GymRouter.Matched;
import org.metarl4j.envs.gym.server.GymRouter.MethodNotAllowed;
import org.metarl4j.envs.gym.server.GymRouter.Redirect;
import org.metarl4j.envs.gym.server.GymRouter.Resolution;

/**
 * The bridge from the JDK's HTTP server to the router: reads the body (at most {@code maxBodyBytes}, else 413),
 * dispatches, and writes the answer. Every refusal is JSON {@code {"message": ...}}: 4xx from the endpoints' checks,
 * 404 for an unknown path, 405 for a wrong method (with {@code Allow}), 308 for a missing trailing slash (with
 * {@code Location}), and 500 only for a fault of the server itself (logged).
 */
final class GymHttpHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(GymHttpHandler.class.getName());

    private final GymRouter router;
    private final int maxBodyBytes;

    GymHttpHandler(GymRouter router, int maxBodyBytes) {
        this.router = router;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            send(exchange, answer(exchange));
        }
    }

    private GymResponse answer(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            byte[] body = readBody(exchange);
            Resolution resolution = router.resolve(method, path, exchange.getRequestURI().getRawQuery());
            if (resolution instanceof Matched matched) {
                return matched.endpoint().handle(matched.params(), body);
            }
            if (resolution instanceof Redirect redirect) {
                return GymResponse.json(308, Map.of("message", "Redirecting to " + redirect.location()
                        + " (this path ends with a slash)")).withHeader("Location", redirect.location());
            }
            if (resolution instanceof MethodNotAllowed notAllowed) {
                String allowed = String.join(", ", notAllowed.allowed());
                return GymResponse.error(405, "The method " + method + " is not allowed for " + path
                        + "; allowed: " + allowed).withHeader("Allow", allowed);
            }
            return GymResponse.error(404, "The requested URL " + path + " was not found on this server");
        } catch (GymRequestException e) {
            return GymResponse.error(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, method + " " + path + " failed", e);
            return GymResponse.error(500, "internal server error: " + e);
        }
    }

    private byte[] readBody(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > maxBodyBytes) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw GymRequestException.badRequest("Content-Length is not a number: " + declared);
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = exchange.getRequestBody()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                body.write(buffer, 0, n);
                if (body.size() > maxBodyBytes) {
                    throw tooLarge();
                }
            }
        } catch (IOException e) {
            throw GymRequestException.badRequest("cannot read the request body: " + e.getMessage());
        }
        return body.toByteArray();
    }

    private GymRequestException tooLarge() {
        return new GymRequestException(413, "Request body too large: this server accepts at most " + maxBodyBytes
                + " bytes");
    }

    private static void send(HttpExchange exchange, GymResponse response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        if (response.contentType() != null) {
            headers.set("Content-Type", response.contentType());
        }
        response.headers().forEach(headers::set);
        byte[] body = response.body();
        if (body.length == 0) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

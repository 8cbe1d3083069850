package org.metarl4j.envs.gym.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Maps a method and path to an endpoint with the slash rules of upstream's Flask (Werkzeug) routing: a path must
 * end with a slash exactly when its route does; a route with a trailing slash asked for without it answers 308 to
 * the slashed path (Werkzeug's redirect since 0.15), a route without one asked for with it is a 404. A path that
 * matches with another method is a 405 listing the allowed ones. A {@code {name}} segment matches any non-empty
 * segment, as Flask's default converter.
 */
final class GymRouter {

    /** Answers one request; {@code params} are the path's {@code {name}} segments. */
    @FunctionalInterface
    interface Endpoint {
        GymResponse handle(Map<String, String> params, byte[] body);
    }

    /** One route: {@code template} like {@code /v1/envs/{instance_id}/reset/}. */
    record Route(String method, String template, Endpoint endpoint) {
        Route {
            if (!template.startsWith("/")) {
                throw new IllegalArgumentException("route template must start with '/': " + template);
            }
        }

        /** The path's parameters if it matches this template exactly (slashes included), else null. */
        Map<String, String> match(String path) {
            String[] want = segments(template);
            String[] got = segments(path);
            if (want.length != got.length) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < want.length; i++) {
                if (want[i].startsWith("{") && want[i].endsWith("}")) {
                    if (got[i].isEmpty()) {
                        return null;
                    }
                    params.put(want[i].substring(1, want[i].length() - 1), got[i]);
                } else if (!want[i].equals(got[i])) {
                    return null;
                }
            }
            return params;
        }

        /** Segments after the leading slash; a trailing slash gives a last, empty segment. */
        private static String[] segments(String path) {
            return path.substring(1).split("/", -1);
        }
    }

    /** What a request resolves to. */
    sealed interface Resolution permits Matched, Redirect, NotFound, MethodNotAllowed {
    }

    record Matched(Endpoint endpoint, Map<String, String> params) implements Resolution {
    }

    /** 308 to the same path with its trailing slash. */
    record Redirect(String location) implements Resolution {
    }

    record NotFound() implements Resolution {
    }

    record MethodNotAllowed(List<String> allowed) implements Resolution {
    }

    private final List<Route> routes;

    GymRouter(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** Resolves a decoded path (with {@code query}, possibly null, kept for a redirect). */
    Resolution resolve(String method, String path, String query) {
        if (path.isEmpty() || !path.startsWith("/")) {
            return new NotFound();
        }
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> params = route.match(path);
            if (params != null) {
                if (route.method().equals(method)) {
                    return new Matched(route.endpoint(), params);
                }
                allowed.add(route.method());
            }
        }
        if (!path.endsWith("/")) {
            String slashed = path + "/";
            for (Route route : routes) {
                if (route.match(slashed) != null) {
                    if (route.method().equals(method)) {
                        return new Redirect(query == null ? slashed : slashed + "?" + query);
                    }
                    allowed.add(route.method());
                }
            }
        }
        return allowed.isEmpty() ? new NotFound() : new MethodNotAllowed(new ArrayList<>(allowed));
    }
}

package org.metarl4j.envs.gym;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link GymClient} talks to one server. Every call is bounded: at most {@code 1 + retries} attempts, each
 * given {@code requestTimeout} for the whole exchange (connecting within {@code connectTimeout}), with
 * {@code backoff}, {@code 2·backoff}, {@code 4·backoff}... between attempts. Only calls that are safe to repeat are
 * retried (create, reset, space queries, list, sample, contains, close); a step never is.
 *
 * @param baseUrl the server, e.g. {@code http://127.0.0.1:5000} (gym-http-api's default); a trailing slash is dropped
 * @param connectTimeout time to open a connection
 * @param requestTimeout time for one whole request, from sending it to the last byte of the answer
 * @param retries further attempts of a repeatable call after a refused or broken connection, a time-out or a
 *     502/503/504 (not after a 400 or 500: those repeat)
 * @param backoff wait before the first retry; doubled before each next one
 */
public record GymClientConfig(URI baseUrl, Duration connectTimeout, Duration requestTimeout, int retries,
                              Duration backoff) {
    /** The most retries a config may ask for: with doubling back-off more would wait for hours. */
    public static final int MAX_RETRIES = 10;

    public GymClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || baseUrl.getHost() == null
                || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("gym server url must be http(s)://host[:port][/path], got '"
                    + baseUrl + "'");
        }
        String text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException("retries must be in [0, " + MAX_RETRIES + "], got " + retries);
        }
        Objects.requireNonNull(backoff, "backoff");
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must be >= 0, got " + backoff);
        }
    }

    /** {@code url} with 5 s to connect, 30 s per request, 3 retries from 0.5 s back-off. */
    public static GymClientConfig of(String url) {
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(url, "url").strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gym server url must be http(s)://host[:port][/path], got '" + url
                    + "'", e);
        }
        return new GymClientConfig(uri, Duration.ofSeconds(5), Duration.ofSeconds(30), 3, Duration.ofMillis(500));
    }

    public GymClientConfig withTimeouts(Duration connect, Duration request) {
        return new GymClientConfig(baseUrl, connect, request, retries, backoff);
    }

    public GymClientConfig withRetries(int newRetries, Duration newBackoff) {
        return new GymClientConfig(baseUrl, connectTimeout, requestTimeout, newRetries, newBackoff);
    }

    /** The wait before retry number {@code retry} (1-based): backoff·2^(retry-1). */
    Duration backoffBefore(int retry) {
        return backoff.multipliedBy(1L << Math.min(retry - 1, 30));
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be > 0, got " + d);
        }
    }
}

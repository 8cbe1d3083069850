package org.metarl4j.envs.gym.server;

/**
 * How a {@link GymServer} listens and how much it holds. Validated on construction so a bad setting fails before a
 * socket is opened.
 *
 * @param host the address to bind; {@value #DEFAULT_HOST} by default, so only this machine can reach the server
 *     (anyone who can reach it can create envs and, through the monitor, write files where the server may)
 * @param port the TCP port; 0 picks a free one ({@link GymServer#port()} tells which)
 * @param maxInstances how many env instances may be open at once; creating one more is a 400 until some are closed
 * @param maxBodyBytes the largest request body accepted (a 413 beyond); a tabular-MDP task of 10 states × 5 actions
 *     is ≈ 10 KB, so the default leaves ample room
 * @param threads request-handling threads; requests on different instances run in parallel, those on one instance
 *     one at a time
 */
public record GymServerConfig(String host, int port, int maxInstances, int maxBodyBytes, int threads) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Upstream gym-http-api's port. */
    public static final int DEFAULT_PORT = 5000;
    public static final int DEFAULT_MAX_INSTANCES = 64;
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    public static final int DEFAULT_THREADS = 8;

    public GymServerConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("gym server host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("gym server port must be in [0, 65535], got " + port);
        }
        if (maxInstances < 1) {
            throw new IllegalArgumentException("gym server maxInstances must be >= 1, got " + maxInstances);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("gym server maxBodyBytes must be >= 1024, got " + maxBodyBytes);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("gym server threads must be >= 1, got " + threads);
        }
    }

    /** Loopback, port {@value #DEFAULT_PORT}, {@value #DEFAULT_MAX_INSTANCES} instances, 1 MiB bodies, 8 threads. */
    public static GymServerConfig defaults() {
        return new GymServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_INSTANCES, DEFAULT_MAX_BODY_BYTES,
                DEFAULT_THREADS);
    }

    public GymServerConfig withHost(String newHost) {
        return new GymServerConfig(newHost, port, maxInstances, maxBodyBytes, threads);
    }

    public GymServerConfig withPort(int newPort) {
        return new GymServerConfig(host, newPort, maxInstances, maxBodyBytes, threads);
    }

    public GymServerConfig withMaxInstances(int newMaxInstances) {
        return new GymServerConfig(host, port, newMaxInstances, maxBodyBytes, threads);
    }

    public GymServerConfig withMaxBodyBytes(int newMaxBodyBytes) {
        return new GymServerConfig(host, port, maxInstances, newMaxBodyBytes, threads);
    }

    public GymServerConfig withThreads(int newThreads) {
        return new GymServerConfig(host, port, maxInstances, maxBodyBytes, newThreads);
    }
}

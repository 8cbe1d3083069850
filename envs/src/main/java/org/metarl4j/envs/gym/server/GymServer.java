package org.metarl4j.envs.gym.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves every MetaRL4J env over OpenAI's gym-http-api protocol, so Python (upstream's {@code gym_http_client.py})
 * and other clients can train on our envs and tasks. Built on the JDK's {@code com.sun.net.httpserver} (no extra
 * dependency; the protocol is a dozen small JSON endpoints).
 *
 * <pre>{@code
 * try (GymServer server = GymServer.start(GymServerConfig.defaults().withPort(0))) {
 *     URI base = server.uri();  // http://127.0.0.1:<port>
 *     ...
 * }
 * }</pre>
 *
 * <p>Binds 127.0.0.1 unless told otherwise; holds at most {@code maxInstances} envs; requests run on a fixed pool
 * of threads, those on one instance one at a time. {@link #close()} or {@code POST /v1/shutdown/} stops it and
 * closes every instance (writing open monitors' files).
 */
public final class GymServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GymServer.class.getName());
    /** How long a shutdown request waits for answers in flight (its own included) before closing connections. */
    private static final int SHUTDOWN_GRACE_SECONDS = 1;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK's server writes a response's headers and body in two TCP segments; with Nagle's algorithm on, the
        // body then waits for the client's delayed ACK: ≈ 45 ms per request on loopback against ≈ 1-4 ms with
        // TCP_NODELAY (measured). The JDK reads this property once, when its first server starts; an explicit
        // -Dsun.net.httpserver.nodelay=false is respected.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final HttpServer http;
    /** Kept from the start: the JDK's server no longer knows its address once stopped. */
    private final InetSocketAddress address;
    private final ExecutorService executor;
    private final EnvInstances instances;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private GymServer(HttpServer http, ExecutorService executor, EnvInstances instances) {
        this.http = http;
        this.address = http.getAddress();
        this.executor = executor;
        this.instances = instances;
    }

    /**
     * Opens the socket and starts serving.
     *
     * @throws IllegalArgumentException if the host is unknown or the port is taken (pick another)
     * @throws UncheckedIOException for other failures to open the socket
     */
    public static GymServer start(GymServerConfig config) {
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(config.host()), config.port());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("gym server host '" + config.host() + "' is unknown", e);
        }
        HttpServer http;
        try {
            http = HttpServer.create(address, 0);
        } catch (BindException e) {
            throw new IllegalArgumentException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the gym server socket on " + address, e);
        }
        EnvInstances instances = new EnvInstances(ServedEnvs.builtIn(), config.maxInstances());
        ExecutorService executor = Executors.newFixedThreadPool(config.threads(), daemonThreads());
        http.setExecutor(executor);
        GymServer server = new GymServer(http, executor, instances);
        GymEndpoints endpoints = new GymEndpoints(instances, server::requestShutdown);
        http.createContext("/", new GymHttpHandler(new GymRouter(endpoints.routes()), config.maxBodyBytes()));
        http.start();
        return server;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "gym-server-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The env ids this server makes, e.g. {@code CartPole-v1}. */
    public static List<String> envIds() {
        return ServedEnvs.builtIn().envIds();
    }

    /** The port listened on (the one picked when the config said 0). */
    public int port() {
        return address.getPort();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:5000}. */
    public URI uri() {
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    /** How many env instances are open. */
    public int instanceCount() {
        return instances.size();
    }

    public boolean isRunning() {
        return stopped.getCount() > 0;
    }

    /** Blocks until the server has stopped ({@link #close()} or {@code POST /v1/shutdown/}). */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /** Waits at most {@code timeout} for the server to stop; true if it has. */
    public boolean awaitShutdown(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the server from another thread, letting answers in flight (a shutdown request's own) be sent first. */
    void requestShutdown() {
        Thread stopper = new Thread(() -> stop(SHUTDOWN_GRACE_SECONDS), "gym-server-shutdown");
        stopper.start();
    }

    /** Stops listening at once, then closes every instance; returns once stopped. Idempotent. */
    @Override
    public void close() {
        stop(0);
        boolean interrupted = false;
        while (isRunning()) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop(int graceSeconds) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            http.stop(graceSeconds);
            executor.shutdown();
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            instances.close();
            stopped.countDown();
            LOG.log(System.Logger.Level.DEBUG, "gym server on port " + port() + " stopped");
        }
    }
}

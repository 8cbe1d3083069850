package org.metarl4j.envs.gym.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.metarl4j.envs.Env;

/**
 * The open env instances of one server, by 8-hex-digit id (upstream: the first 8 hex digits of a UUID4), at most
 * {@code maxInstances} at once. Thread-safe: lookups are lock-free, creation and closing of the registry are
 * serialised, and each {@link EnvInstance} serialises its own requests.
 */
final class EnvInstances implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EnvInstances.class.getName());

    private final ServedEnvs servedEnvs;
    private final int maxInstances;
    private final Map<String, EnvInstance> byId = new ConcurrentHashMap<>();
    /** Ids are hard to guess, so one client cannot easily step another's env by accident. */
    private final SecureRandom ids = new SecureRandom();
    /** Roots of unseeded instances; guarded by {@code this}. */
    private final SplittableRandom unseededRoots = new SplittableRandom();
    private boolean closed;

    EnvInstances(ServedEnvs servedEnvs, int maxInstances) {
        this.servedEnvs = servedEnvs;
        this.maxInstances = maxInstances;
    }

    /** Upstream's message for an id it does not hold. */
    static GymRequestException unknown(String instanceId) {
        return GymRequestException.badRequest("Instance_id " + instanceId + " unknown");
    }

    /**
     * Makes an env of {@code envId} (with {@code task} over the family's default task, if given) under a new id.
     *
     * @param seed seeds the instance's generators; without one they split from the server's generator
     * @throws GymRequestException (400) for an unknown env or a bad task (see {@link ServedEnvs#newEnv}), or when
     *     {@code maxInstances} are already open
     */
    EnvInstance create(String envId, OptionalLong seed, Optional<JsonNode> task) {
        Env<?> env = servedEnvs.newEnv(envId, task);
        synchronized (this) {
            if (closed || byId.size() >= maxInstances) {
                env.close();
                throw GymRequestException.badRequest(closed ? "the server is shutting down"
                        : "Too many env instances: this server holds at most " + maxInstances
                        + "; close one with POST /v1/envs/<instance_id>/close/");
            }
            String id;
            do {
                id = String.format("%08x", ids.nextInt());
            } while (byId.containsKey(id));
            SplittableRandom root = seed.isPresent() ? new SplittableRandom(seed.getAsLong()) : unseededRoots.split();
            EnvInstance instance = new EnvInstance(id, env, root);
            byId.put(id, instance);
            return instance;
        }
    }

    /** @throws GymRequestException (400, upstream's message) if no instance has this id */
    EnvInstance get(String instanceId) {
        EnvInstance instance = byId.get(instanceId);
        if (instance == null) {
            throw unknown(instanceId);
        }
        return instance;
    }

    /** Closes and forgets an instance (writing its monitor's files, if one runs). */
    void close(String instanceId) {
        EnvInstance instance = byId.remove(instanceId);
        if (instance == null) {
            throw unknown(instanceId);
        }
        instance.close();
    }

    /** Instance id → env id, sorted by id. */
    Map<String, String> list() {
        Map<String, String> all = new TreeMap<>();
        byId.values().forEach(instance -> all.put(instance.id(), instance.envId()));
        return all;
    }

    int size() {
        return byId.size();
    }

    /** Closes every instance; creating more is refused from now on. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        for (String id : byId.keySet()) {
            EnvInstance instance = byId.remove(id);
            if (instance == null) {
                continue;
            }
            try {
                instance.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "closing env instance " + id + " failed: " + e.getMessage());
            }
        }
    }
}

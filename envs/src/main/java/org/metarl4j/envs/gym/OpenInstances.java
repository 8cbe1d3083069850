package org.metarl4j.envs.gym;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The server instances one client has created and not yet closed, and the JVM shutdown hook that closes those still
 * open when the JVM exits (Ctrl-C on a run, a test that forgot): a server must not keep envs for a client that is
 * gone. The hook is registered with the first instance and removed when the client closes.
 */
final class OpenInstances {
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final Consumer<String> closeQuietly;
    private final String owner;
    private Thread hook;
    /** Set when the shutdown hook starts: instances made after that are closed at once. */
    private boolean exiting;

    /**
     * @param closeQuietly closes one instance without throwing (the hook runs while the JVM exits)
     * @param owner names the client in the hook thread's name
     */
    OpenInstances(Consumer<String> closeQuietly, String owner) {
        this.closeQuietly = closeQuietly;
        this.owner = owner;
    }

    /**
     * Tracks a new instance.
     *
     * @throws IllegalStateException if the JVM is exiting: other threads still run while shutdown hooks do, and an
     *     instance made then would outlive the hook, so it is closed at once instead
     */
    synchronized void add(String id) {
        if (exiting) {
            closeQuietly.accept(id);
            throw new IllegalStateException("the JVM is exiting: gym instance " + id + " was closed at once");
        }
        ids.add(id);
        if (hook == null) {
            hook = new Thread(this::closeAtExit, "gym-client-exit " + owner);
            try {
                Runtime.getRuntime().addShutdownHook(hook);
            } catch (IllegalStateException exiting) {
                hook = null; // the JVM is already exiting: nothing to register with
            }
        }
    }

    void remove(String id) {
        ids.remove(id);
    }

    /** The ids still open, in no particular order. */
    List<String> snapshot() {
        return List.copyOf(ids);
    }

    /** The shutdown hook: no new instances from now on; closes every open one quietly. */
    void closeAtExit() {
        synchronized (this) {
            exiting = true;
        }
        for (String id : snapshot()) {
            closeQuietly.accept(id);
            ids.remove(id);
        }
    }

    /** Forgets every instance without closing it (the server went away with them). */
    void forgetAll() {
        ids.clear();
    }

    /** Removes the shutdown hook: the client closed its instances itself. */
    synchronized void removeHook() {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException exiting) {
                // the JVM is exiting and the hook runs anyway; closing twice is harmless
            }
            hook = null;
        }
    }
}

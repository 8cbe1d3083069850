package org.metarl4j.agents;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's thread defaults for MetaRL4J's workloads. Meta-RL runs many small-to-medium ops; with ND4J's default
 * OpenMP/BLAS threading on a busy 2-core machine these were measured up to 150x slower than with one thread
 * (project notes, {@code stack.md}). So unless the user says otherwise, ND4J runs its ops on one thread and
 * parallelism comes from batching (and, later, from our own worker threads).
 *
 * <p>Override with the system property {@code -Dmetarl4j.nd4jThreads=N} or the environment variable
 * {@code OMP_NUM_THREADS=N} (the property wins).
 */
public final class Nd4jThreads {
    public static final String PROPERTY = "metarl4j.nd4jThreads";
    private static final int DEFAULT_THREADS = 1;

    private Nd4jThreads() {
    }

    /** Applies the configured thread count to ND4J's op executioner and BLAS; returns it. */
    public static int configure() {
        int threads = resolve(System.getProperty(PROPERTY), System.getenv("OMP_NUM_THREADS"));
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        return threads;
    }

    /** The thread count from the property, else the environment variable, else 1. */
    static int resolve(String property, String environment) {
        if (property != null && !property.isBlank()) {
            return parse(property, "system property " + PROPERTY);
        }
        if (environment != null && !environment.isBlank()) {
            return parse(environment, "environment variable OMP_NUM_THREADS");
        }
        return DEFAULT_THREADS;
    }

    private static int parse(String value, String source) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(source + " must be a positive integer, got '" + value + "'");
    }
}

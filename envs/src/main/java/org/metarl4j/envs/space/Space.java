package org.metarl4j.envs.space;

import java.util.SplittableRandom;

/**
 * A set of observations or actions, as in gym's {@code gym.spaces}. Every element is a flat {@code double[]}: a
 * {@link Box} element has {@link #flatDim()} coordinates, a {@link Discrete} element is one number holding an index.
 */
public sealed interface Space permits Box, Discrete {

    /** Number of doubles in one flattened element. */
    int flatDim();

    /** Whether {@code x} (read from {@code offset}) is an element of this space. */
    boolean contains(double[] x, int offset);

    default boolean contains(double[] x) {
        return x != null && x.length == flatDim() && contains(x, 0);
    }

    /** Writes a uniformly drawn element into {@code out} at {@code offset}. */
    void sample(SplittableRandom rng, double[] out, int offset);

    default double[] sample(SplittableRandom rng) {
        double[] out = new double[flatDim()];
        sample(rng, out, 0);
        return out;
    }
}

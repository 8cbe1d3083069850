package org.metarl4j.envs;

import java.util.SplittableRandom;

/**
 * A closed interval [min, max] for one named task parameter; used both to validate a task and to sample a parameter
 * uniformly in a task distribution.
 */
public record ParameterRange(String name, double min, double max) {

    public ParameterRange {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter range needs a name");
        }
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("range of " + name + " must be finite with min <= max, got ["
                    + min + ", " + max + "]");
        }
    }

    /** The single value {@code value} (a fixed parameter). */
    public static ParameterRange fixed(String name, double value) {
        return new ParameterRange(name, value, value);
    }

    /**
     * [0.5·value, 1.5·value]: the default spread of a physical parameter around its reference value in the
     * parameterized classic-control families.
     */
    public static ParameterRange halfToThreeHalves(String name, double value) {
        return new ParameterRange(name, 0.5 * value, 1.5 * value);
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    /** Returns {@code value} or throws an IllegalArgumentException naming {@code owner}, the parameter and the range. */
    public double check(String owner, double value) {
        if (!contains(value)) {
            throw new IllegalArgumentException(owner + " parameter " + name + " = " + value
                    + " is out of range: allowed [" + min + ", " + max + "]");
        }
        return value;
    }

    /** Requires this range to lie inside {@code allowed} (the family's valid range for the same parameter). */
    public ParameterRange within(String owner, ParameterRange allowed) {
        if (min < allowed.min || max > allowed.max) {
            throw new IllegalArgumentException(owner + " distribution of " + name + " [" + min + ", " + max
                    + "] is out of range: allowed [" + allowed.min + ", " + allowed.max + "]");
        }
        return this;
    }

    /** A draw from U[min, max] (exactly min when the range is a single point). */
    public double sample(SplittableRandom rng) {
        return min == max ? min : min + (max - min) * rng.nextDouble();
    }
}

package org.metarl4j.agents.rl4j;

import java.util.Arrays;
import org.deeplearning4j.rl4j.space.Encodable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One observation of an {@link org.metarl4j.envs.Env}, as RL4J's {@link Encodable} (rl4j-api 1.0.0-M1.1): the env's
 * flat {@code double[]} plus the shape RL4J should see. Immutable: the values are copied in and {@link #toArray()}
 * returns a copy.
 *
 * <p>RL4J M1.1 reads observations only through {@link #getData()} (its {@code EncodableToINDArrayTransform}); that
 * returns a <em>new</em> array of ND4J's default floating-point type (float unless changed), the type of the networks
 * RL4J builds, so RL4J may keep or modify it without affecting this object.
 */
public final class Rl4jObservation implements Encodable {
    private final double[] values;
    private final long[] shape;

    /**
     * @param values the observation, flat, row-major; copied
     * @param shape its shape; the product must equal {@code values.length}
     */
    public Rl4jObservation(double[] values, int[] shape) {
        long size = 1;
        long[] s = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] <= 0) {
                throw new IllegalArgumentException("shape must be positive, got " + Arrays.toString(shape));
            }
            s[i] = shape[i];
            size *= shape[i];
        }
        if (size != values.length) {
            throw new IllegalArgumentException("observation has " + values.length + " values but shape "
                    + Arrays.toString(shape) + " has " + size);
        }
        this.values = values.clone();
        this.shape = s;
    }

    /** A 1-D observation. */
    public Rl4jObservation(double[] values) {
        this(values, new int[] {values.length});
    }

    /** A copy of the values, flat. */
    public double[] values() {
        return values.clone();
    }

    /**
     * A copy of the values, flat: the same as {@link #values()}. Part of RL4J's {@link Encodable} contract, though
     * deprecated there in M1.1 (RL4J now reads {@link #getData()}).
     */
    @Override
    @SuppressWarnings("deprecation")
    public double[] toArray() {
        return values();
    }

    /** Always false: every env step yields an observation (RL4J uses skipped ones only for frame skipping). */
    @Override
    public boolean isSkipped() {
        return false;
    }

    /** A new INDArray of the observation's shape, in ND4J's default floating-point type. */
    @Override
    public INDArray getData() {
        DataType type = Nd4j.defaultFloatingPointType();
        return Nd4j.create(values, shape.clone(), type);
    }

    /** Returns this object: it is immutable, so sharing it is as safe as copying it. */
    @Override
    public Rl4jObservation dup() {
        return this;
    }

    /** The value at flat index {@code i}, without copying. */
    public double get(int i) {
        return values[i];
    }

    /** Number of values. */
    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rl4jObservation r && Arrays.equals(values, r.values) && Arrays.equals(shape, r.shape);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "Rl4jObservation" + Arrays.toString(values);
    }
}

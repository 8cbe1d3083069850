package org.metarl4j.agents.rl4j;

import java.util.Arrays;
import org.deeplearning4j.rl4j.space.ObservationSpace;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;
import org.metarl4j.envs.space.Space;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An env's observation space as RL4J's {@link ObservationSpace} (rl4j-api 1.0.0-M1.1).
 *
 * <ul>
 *   <li>{@link Box}: its shape and bounds; infinite bounds become ±{@link Float#MAX_VALUE} (what gym's float32 boxes
 *       report for unbounded coordinates), so the bound arrays are finite in ND4J's float type.</li>
 *   <li>{@link Discrete}{@code (n)}: shape {@code [n]}, bounds [0, 1]: {@link Rl4jMdp} one-hot encodes the index,
 *       the usual input for RL4J's dense networks.</li>
 * </ul>
 * RL4J M1.1 itself reads only {@link #getShape()} (its dense DQN/A3C factories use the product as the input size);
 * the name and the bounds are informational.
 */
public final class Rl4jObservationSpace implements ObservationSpace<Rl4jObservation> {
    private final String name;
    private final int[] shape;
    private final double[] low;
    private final double[] high;

    Rl4jObservationSpace(String name, Space space) {
        this.name = name;
        if (space instanceof Box box) {
            this.shape = box.shape();
            this.low = finite(box.low());
            this.high = finite(box.high());
        } else if (space instanceof Discrete d) {
            this.shape = new int[] {d.n()};
            this.low = new double[d.n()];
            this.high = new double[d.n()];
            Arrays.fill(high, 1.0);
        } else {
            throw new IllegalArgumentException(name + ": unsupported observation space " + space);
        }
    }

    private static double[] finite(double[] bounds) {
        double[] out = bounds.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(-Float.MAX_VALUE, Math.min(Float.MAX_VALUE, out[i]));
        }
        return out;
    }

    /** The env's id. */
    @Override
    public String getName() {
        return name;
    }

    @Override
    public int[] getShape() {
        return shape.clone();
    }

    /** A new array of the lower bounds, shaped as the observations. */
    @Override
    public INDArray getLow() {
        return toArray(low);
    }

    /** A new array of the upper bounds, shaped as the observations. */
    @Override
    public INDArray getHigh() {
        return toArray(high);
    }

    private INDArray toArray(double[] values) {
        long[] s = Arrays.stream(shape).asLongStream().toArray();
        DataType type = Nd4j.defaultFloatingPointType();
        return Nd4j.create(values, s, type);
    }

    /** Number of values in one observation. */
    public int flatSize() {
        return low.length;
    }

    @Override
    public String toString() {
        return "Rl4jObservationSpace(" + name + ", shape=" + Arrays.toString(shape) + ")";
    }
}

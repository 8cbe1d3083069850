package org.metarl4j.envs.space;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A box of real vectors: element i lies in [low[i], high[i]]; bounds may be infinite. Row-major {@code shape} as in
 * gym's {@code spaces.Box}; elements are flat. Immutable.
 */
public final class Box implements Space {
    private final double[] low;
    private final double[] high;
    private final int[] shape;

    @JsonCreator
    public Box(@JsonProperty("low") double[] low, @JsonProperty("high") double[] high,
               @JsonProperty("shape") int[] shape) {
        if (low == null || high == null || shape == null) {
            throw new IllegalArgumentException("Box needs low, high and shape");
        }
        int size = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("Box shape must be positive, got " + Arrays.toString(shape));
            }
            size = Math.multiplyExact(size, d);
        }
        if (low.length != size || high.length != size) {
            throw new IllegalArgumentException("Box bounds have " + low.length + "/" + high.length
                    + " elements but shape " + Arrays.toString(shape) + " has " + size);
        }
        for (int i = 0; i < size; i++) {
            if (Double.isNaN(low[i]) || Double.isNaN(high[i]) || low[i] > high[i]) {
                throw new IllegalArgumentException("Box bound " + i + " is invalid: low " + low[i] + ", high " + high[i]);
            }
        }
        this.low = low.clone();
        this.high = high.clone();
        this.shape = shape.clone();
    }

    /** A 1-D box. */
    public static Box of(double[] low, double[] high) {
        return new Box(low, high, new int[] {low.length});
    }

    /** A 1-D box with the same bounds in every coordinate. */
    public static Box uniform(int dim, double low, double high) {
        double[] lo = new double[dim];
        double[] hi = new double[dim];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return of(lo, hi);
    }

    @JsonProperty("low")
    public double[] low() {
        return low.clone();
    }

    @JsonProperty("high")
    public double[] high() {
        return high.clone();
    }

    @JsonProperty("shape")
    public int[] shape() {
        return shape.clone();
    }

    public double low(int i) {
        return low[i];
    }

    public double high(int i) {
        return high[i];
    }

    @Override
    public int flatDim() {
        return low.length;
    }

    @Override
    public boolean contains(double[] x, int offset) {
        for (int i = 0; i < low.length; i++) {
            double v = x[offset + i];
            if (!(v >= low[i] && v <= high[i])) {
                return false;
            }
        }
        return true;
    }

    /** Clamps {@code x[offset..offset+flatDim)} into the box in place (NaN stays NaN). */
    public void clip(double[] x, int offset) {
        for (int i = 0; i < low.length; i++) {
            x[offset + i] = Math.min(Math.max(x[offset + i], low[i]), high[i]);
        }
    }

    /**
     * Uniform on bounded coordinates; like gym, standard normal where both bounds are infinite and shifted
     * exponential where one is.
     */
    @Override
    public void sample(SplittableRandom rng, double[] out, int offset) {
        for (int i = 0; i < low.length; i++) {
            boolean loInf = Double.isInfinite(low[i]);
            boolean hiInf = Double.isInfinite(high[i]);
            double v;
            if (!loInf && !hiInf) {
                v = low[i] + (high[i] - low[i]) * rng.nextDouble();
            } else if (loInf && hiInf) {
                v = gaussian(rng);
            } else if (loInf) {
                v = high[i] + Math.log(1.0 - rng.nextDouble());
            } else {
                v = low[i] - Math.log(1.0 - rng.nextDouble());
            }
            out[offset + i] = v;
        }
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high)
                && Arrays.equals(shape, b.shape);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(low) + Arrays.hashCode(high)) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "Box(low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + ", shape="
                + Arrays.toString(shape) + ")";
    }
}

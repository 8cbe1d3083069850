package org.metarl4j.envs.space;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.SplittableRandom;

/** The integers {0, ..., n-1}; an element is one double holding the integer, as gym's {@code spaces.Discrete}. */
public record Discrete(@JsonProperty("n") int n) implements Space {

    @JsonCreator
    public Discrete {
        if (n <= 0) {
            throw new IllegalArgumentException("Discrete space needs n > 0, got " + n);
        }
    }

    @Override
    public int flatDim() {
        return 1;
    }

    @Override
    public boolean contains(double[] x, int offset) {
        double v = x[offset];
        return v >= 0 && v < n && v == Math.rint(v);
    }

    @Override
    public void sample(SplittableRandom rng, double[] out, int offset) {
        out[offset] = rng.nextInt(n);
    }
}

package org.metarl4j.envs.robotics;

import java.util.SplittableRandom;
import org.metarl4j.envs.ParameterRange;

/**
 * A task parameter's range [min, max] with a held-out band [testMin, testMax] inside it: {@link Split#TEST} draws
 * uniformly from the band, {@link Split#TRAIN} uniformly from the rest.
 */
public record SplitRange(String name, double min, double max, double testMin, double testMax) {

    public SplitRange {
        if (!(min <= testMin && testMin < testMax && testMax <= max) || (testMin == min && testMax == max)) {
            throw new IllegalArgumentException(name + ": need min <= testMin < testMax <= max with a training part"
                    + " left, got [" + min + ", " + max + "] held out [" + testMin + ", " + testMax + "]");
        }
    }

    /** The whole range, for checking a distribution against a task's valid range. */
    public ParameterRange full() {
        return new ParameterRange(name, min, max);
    }

    public boolean heldOut(double value) {
        return value >= testMin && value <= testMax;
    }

    public double sample(SplittableRandom rng, Split split) {
        if (split == Split.TEST) {
            return testMin + (testMax - testMin) * rng.nextDouble();
        }
        double below = testMin - min;
        double u = (below + (max - testMax)) * rng.nextDouble();
        return u < below ? min + u : testMax + (u - below);
    }
}

package org.metarl4j.envs.robotics;

import java.util.Objects;
import java.util.SplittableRandom;
import org.metarl4j.envs.TaskDistribution;

/**
 * Grasp-lift tasks: edge U[0.04, 0.07] m, mass U[0.05, 0.5] kg, friction U[0.5, 1.2], start x, y U[−0.1, 0.1] m,
 * yaw U[−0.5, 0.5] rad. Held out for testing: the heavy and slippery corner, mass ≥ {@value #TEST_MASS} kg together
 * with friction ≤ {@value #TEST_FRICTION} (where 2 μ F / m g is smallest, 2.0-2.5 with the default grip force);
 * {@link Split#TRAIN} draws (mass, friction) uniformly from the rest of the rectangle, {@link Split#TEST} uniformly from
 * the corner; the other parameters have the same ranges in both.
 */
public record GraspLiftTaskDistribution(Split split) implements TaskDistribution<GraspLiftTask> {
    public static final double MIN_SIZE = 0.04;
    public static final double MAX_SIZE = 0.07;
    public static final double MIN_MASS = 0.05;
    public static final double MAX_MASS = 0.5;
    public static final double MIN_FRICTION = 0.5;
    public static final double MAX_FRICTION = 1.2;
    public static final double TEST_MASS = 0.4;
    public static final double TEST_FRICTION = 0.6;
    public static final double MAX_START = 0.1;
    public static final double MAX_YAW = 0.5;

    public GraspLiftTaskDistribution {
        Objects.requireNonNull(split, "split");
    }

    public static GraspLiftTaskDistribution train() {
        return new GraspLiftTaskDistribution(Split.TRAIN);
    }

    public static GraspLiftTaskDistribution test() {
        return new GraspLiftTaskDistribution(Split.TEST);
    }

    /** Whether (mass, friction) lies in the held-out corner. */
    public static boolean heldOut(double mass, double friction) {
        return mass >= TEST_MASS && friction <= TEST_FRICTION;
    }

    @Override
    public GraspLiftTask sample(SplittableRandom rng) {
        double size = uniform(rng, MIN_SIZE, MAX_SIZE);
        double mass;
        double friction;
        if (split == Split.TEST) {
            mass = uniform(rng, TEST_MASS, MAX_MASS);
            friction = uniform(rng, MIN_FRICTION, TEST_FRICTION);
        } else {
            do {
                mass = uniform(rng, MIN_MASS, MAX_MASS);
                friction = uniform(rng, MIN_FRICTION, MAX_FRICTION);
            } while (heldOut(mass, friction));
        }
        double x = uniform(rng, -MAX_START, MAX_START);
        double y = uniform(rng, -MAX_START, MAX_START);
        double yaw = uniform(rng, -MAX_YAW, MAX_YAW);
        return new GraspLiftTask(size, mass, friction, x, y, yaw);
    }

    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}

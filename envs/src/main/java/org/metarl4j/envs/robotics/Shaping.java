package org.metarl4j.envs.robotics;

/**
 * The reward-shaping primitive of the robotics families, after the "tolerance" of the DeepMind Control Suite that
 * Meta-World v2's rewards are built from (own code): 1 inside a bound, decaying smoothly outside it with a long tail.
 */
public final class Shaping {
    /** The value at one margin beyond the bound. */
    public static final double VALUE_AT_MARGIN = 0.1;
    private static final double SCALE = Math.sqrt(1 / VALUE_AT_MARGIN - 1);

    private Shaping() {
    }

    /**
     * 1 for {@code distance <= bound}, else 1 / (1 + (3 (distance − bound) / margin)²): a Cauchy ("long tail")
     * decay that is {@value #VALUE_AT_MARGIN} at {@code bound + margin} and still has a gradient far away.
     */
    public static double tolerance(double distance, double bound, double margin) {
        if (distance <= bound) {
            return 1.0;
        }
        double x = SCALE * (distance - bound) / Math.max(margin, 1e-9);
        return 1.0 / (1.0 + x * x);
    }

    public static double distance(double ax, double ay, double az, double bx, double by, double bz) {
        double dx = ax - bx;
        double dy = ay - by;
        double dz = az - bz;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}

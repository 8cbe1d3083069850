package org.metarl4j.envs.locomotion;

import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.TaskDistribution;

/**
 * Goal velocities drawn uniformly over a union of disjoint intervals (probability proportional to length), so that a
 * band of velocities can be held out of meta-training and used only for testing.
 *
 * <ul>
 *   <li>{@link #standard()}: U[0, 2] m/s, MAML's HalfCheetah-Vel distribution (pytorch-maml-rl
 *       {@code HalfCheetahVelEnv.sample_tasks}: {@code uniform(0.0, 2.0)}); the family's default.</li>
 *   <li>{@link #train()}: U([0, 0.8] ∪ [1.2, 2]) and {@link #heldOut()}: U[0.8, 1.2] — a split of the same range
 *       whose test goals no training task had (interpolation; MAML itself tests on fresh draws of U[0, 2]).</li>
 * </ul>
 *
 * @param intervals disjoint velocity intervals, m/s, each within {@link CheetahVelTask#VELOCITY}
 */
public record CheetahVelTaskDistribution(List<ParameterRange> intervals) implements TaskDistribution<CheetahVelTask> {
    /** Lower edge of the held-out band, m/s. */
    public static final double HELD_OUT_MIN = 0.8;
    /** Upper edge of the held-out band, m/s. */
    public static final double HELD_OUT_MAX = 1.2;

    public CheetahVelTaskDistribution {
        intervals = List.copyOf(intervals);
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException("cheetah-vel distribution needs at least one velocity interval");
        }
        for (int i = 0; i < intervals.size(); i++) {
            intervals.get(i).within("cheetah-vel", CheetahVelTask.VELOCITY);
            for (int j = 0; j < i; j++) {
                ParameterRange a = intervals.get(i);
                ParameterRange b = intervals.get(j);
                if (a.min() < b.max() && b.min() < a.max()) {
                    throw new IllegalArgumentException("cheetah-vel velocity intervals overlap: [" + a.min() + ", "
                            + a.max() + "] and [" + b.min() + ", " + b.max() + "]");
                }
            }
        }
    }

    /** U[min, max]. */
    public static CheetahVelTaskDistribution uniform(double min, double max) {
        return new CheetahVelTaskDistribution(List.of(new ParameterRange("velocity", min, max)));
    }

    /** U[0, 2] m/s (MAML). */
    public static CheetahVelTaskDistribution standard() {
        return uniform(0.0, 2.0);
    }

    /** U([0, 0.8] ∪ [1.2, 2]) m/s: meta-training goals that leave the {@link #heldOut()} band out. */
    public static CheetahVelTaskDistribution train() {
        return new CheetahVelTaskDistribution(List.of(new ParameterRange("velocity", 0.0, HELD_OUT_MIN),
                new ParameterRange("velocity", HELD_OUT_MAX, 2.0)));
    }

    /** U[0.8, 1.2] m/s: test goals no {@link #train()} task has. */
    public static CheetahVelTaskDistribution heldOut() {
        return uniform(HELD_OUT_MIN, HELD_OUT_MAX);
    }

    /** Whether {@code velocity} lies in one of the intervals. */
    public boolean contains(double velocity) {
        return intervals.stream().anyMatch(r -> r.contains(velocity));
    }

    @Override
    public CheetahVelTask sample(SplittableRandom rng) {
        double total = intervals.stream().mapToDouble(r -> r.max() - r.min()).sum();
        double u = total * rng.nextDouble();
        for (ParameterRange r : intervals) {
            double length = r.max() - r.min();
            if (u <= length) {
                return new CheetahVelTask(r.min() + u);
            }
            u -= length;
        }
        ParameterRange last = intervals.get(intervals.size() - 1);
        return new CheetahVelTask(last.max());
    }
}

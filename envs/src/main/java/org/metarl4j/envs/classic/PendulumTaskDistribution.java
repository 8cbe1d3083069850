package org.metarl4j.envs.classic;

import java.util.Objects;
import java.util.SplittableRandom;
import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.TaskDistribution;

/**
 * Pendulum tasks with each parameter drawn independently and uniformly from its range, in the order mass, length,
 * gravity, maxTorque (one {@code nextDouble} each, none for a fixed range). Every range must lie inside the family's
 * allowed range ({@link PendulumTask#MASS} etc.).
 */
public record PendulumTaskDistribution(ParameterRange mass, ParameterRange length, ParameterRange gravity,
                                       ParameterRange maxTorque) implements TaskDistribution<PendulumTask> {

    public PendulumTaskDistribution {
        Objects.requireNonNull(mass, "mass range").within("pendulum", PendulumTask.MASS);
        Objects.requireNonNull(length, "length range").within("pendulum", PendulumTask.LENGTH);
        Objects.requireNonNull(gravity, "gravity range").within("pendulum", PendulumTask.GRAVITY);
        Objects.requireNonNull(maxTorque, "maxTorque range").within("pendulum", PendulumTask.MAX_TORQUE);
    }

    /**
     * The default meta-RL distribution: mass U[0.5, 1.5], length U[0.5, 1.5] and gravity U[5, 15] (U[0.5x, 1.5x] of
     * gym's values), with maxTorque fixed at gym's 2.0 so that every task shares one action space.
     */
    public static PendulumTaskDistribution standard() {
        PendulumTask d = PendulumTask.standard();
        return new PendulumTaskDistribution(
                ParameterRange.halfToThreeHalves("mass", d.mass()),
                ParameterRange.halfToThreeHalves("length", d.length()),
                ParameterRange.halfToThreeHalves("gravity", d.gravity()),
                ParameterRange.fixed("maxTorque", d.maxTorque()));
    }

    @Override
    public PendulumTask sample(SplittableRandom rng) {
        double m = mass.sample(rng);
        double l = length.sample(rng);
        double g = gravity.sample(rng);
        double t = maxTorque.sample(rng);
        return new PendulumTask(m, l, g, t);
    }
}

package org.metarl4j.envs.classic;

import java.util.Objects;
import java.util.SplittableRandom;
import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.TaskDistribution;

/**
 * CartPole tasks with each physical parameter drawn independently and uniformly from its range, in the order gravity,
 * cartMass, poleMass, poleLength, forceMagnitude (one {@code nextDouble} each, none for a fixed range). Every range
 * must lie inside the family's allowed range ({@link CartPoleTask#GRAVITY} etc.).
 */
public record CartPoleTaskDistribution(ParameterRange gravity, ParameterRange cartMass, ParameterRange poleMass,
                                       ParameterRange poleLength, ParameterRange forceMagnitude)
        implements TaskDistribution<CartPoleTask> {

    public CartPoleTaskDistribution {
        Objects.requireNonNull(gravity, "gravity range").within("cartpole", CartPoleTask.GRAVITY);
        Objects.requireNonNull(cartMass, "cartMass range").within("cartpole", CartPoleTask.CART_MASS);
        Objects.requireNonNull(poleMass, "poleMass range").within("cartpole", CartPoleTask.POLE_MASS);
        Objects.requireNonNull(poleLength, "poleLength range").within("cartpole", CartPoleTask.POLE_LENGTH);
        Objects.requireNonNull(forceMagnitude, "forceMagnitude range")
                .within("cartpole", CartPoleTask.FORCE_MAGNITUDE);
    }

    /**
     * The default meta-RL distribution: every parameter U[0.5x, 1.5x] of gym's value x, i.e. gravity [4.9, 14.7],
     * cartMass [0.5, 1.5], poleMass [0.05, 0.15], poleLength [0.25, 0.75], forceMagnitude [5, 15].
     */
    public static CartPoleTaskDistribution standard() {
        CartPoleTask d = CartPoleTask.standard();
        return new CartPoleTaskDistribution(
                ParameterRange.halfToThreeHalves("gravity", d.gravity()),
                ParameterRange.halfToThreeHalves("cartMass", d.cartMass()),
                ParameterRange.halfToThreeHalves("poleMass", d.poleMass()),
                ParameterRange.halfToThreeHalves("poleLength", d.poleLength()),
                ParameterRange.halfToThreeHalves("forceMagnitude", d.forceMagnitude()));
    }

    @Override
    public CartPoleTask sample(SplittableRandom rng) {
        double g = gravity.sample(rng);
        double mc = cartMass.sample(rng);
        double mp = poleMass.sample(rng);
        double l = poleLength.sample(rng);
        double f = forceMagnitude.sample(rng);
        return new CartPoleTask(g, mc, mp, l, f);
    }
}

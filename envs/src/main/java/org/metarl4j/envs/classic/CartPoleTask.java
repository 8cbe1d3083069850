package org.metarl4j.envs.classic;

import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.Task;

/**
 * Physical parameters of CartPole; the defaults are gym's CartPole-v1 constants.
 *
 * @param gravity gravitational acceleration, m/s² (gym 9.8)
 * @param cartMass mass of the cart, kg (gym 1.0)
 * @param poleMass mass of the pole, kg (gym 0.1)
 * @param poleLength gym's {@code length}: distance from the pivot to the pole's centre of mass, i.e. half the
 *     pole's length, m (gym 0.5)
 * @param forceMagnitude magnitude of the force each action applies to the cart, N (gym 10.0)
 */
public record CartPoleTask(double gravity, double cartMass, double poleMass, double poleLength,
                           double forceMagnitude) implements Task {
    public static final ParameterRange GRAVITY = new ParameterRange("gravity", 0.1, 50.0);
    public static final ParameterRange CART_MASS = new ParameterRange("cartMass", 0.05, 50.0);
    public static final ParameterRange POLE_MASS = new ParameterRange("poleMass", 0.005, 20.0);
    public static final ParameterRange POLE_LENGTH = new ParameterRange("poleLength", 0.05, 5.0);
    public static final ParameterRange FORCE_MAGNITUDE = new ParameterRange("forceMagnitude", 0.1, 200.0);

    /** gym's CartPole-v1. */
    public static CartPoleTask standard() {
        return new CartPoleTask(9.8, 1.0, 0.1, 0.5, 10.0);
    }

    @Override
    public void validate() {
        GRAVITY.check("cartpole", gravity);
        CART_MASS.check("cartpole", cartMass);
        POLE_MASS.check("cartpole", poleMass);
        POLE_LENGTH.check("cartpole", poleLength);
        FORCE_MAGNITUDE.check("cartpole", forceMagnitude);
    }
}

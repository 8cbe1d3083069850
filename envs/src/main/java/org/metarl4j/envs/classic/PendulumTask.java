package org.metarl4j.envs.classic;

import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.Task;

/**
 * Physical parameters of the inverted pendulum; the defaults are gym's Pendulum-v1 constants.
 *
 * @param mass pole mass m (gym 1.0)
 * @param length pole length l (gym 1.0)
 * @param gravity g (gym 10.0)
 * @param maxTorque the action bound: torques are clipped to [-maxTorque, maxTorque] (gym 2.0)
 */
public record PendulumTask(double mass, double length, double gravity, double maxTorque) implements Task {
    public static final ParameterRange MASS = new ParameterRange("mass", 0.05, 20.0);
    public static final ParameterRange LENGTH = new ParameterRange("length", 0.05, 10.0);
    public static final ParameterRange GRAVITY = new ParameterRange("gravity", 0.1, 50.0);
    public static final ParameterRange MAX_TORQUE = new ParameterRange("maxTorque", 0.05, 50.0);

    /** gym's Pendulum-v1. */
    public static PendulumTask standard() {
        return new PendulumTask(1.0, 1.0, 10.0, 2.0);
    }

    @Override
    public void validate() {
        MASS.check("pendulum", mass);
        LENGTH.check("pendulum", length);
        GRAVITY.check("pendulum", gravity);
        MAX_TORQUE.check("pendulum", maxTorque);
    }
}

package org.metarl4j.envs.classic;

import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.envs.AbstractEnv;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;
import org.metarl4j.envs.space.Space;

/**
 * The cart-pole balancing task, with dynamics identical to gym 0.21's {@code CartPole-v1}
 * ({@code gym/envs/classic_control/cartpole.py}, after Barto, Sutton and Anderson 1983) when the task is
 * {@link CartPoleTask#standard()}.
 *
 * <p>A pole is hinged on a cart moving along a frictionless track. Action 0 pushes the cart left and 1 right with a
 * force of {@link CartPoleTask#forceMagnitude()}; the task's {@code gravity}, {@code cartMass}, {@code poleMass} and
 * {@code poleLength} (the pivot-to-centre-of-mass distance, gym's {@code length}) replace gym's constants. The state and
 * observation are {@code [x, x_dot, theta, theta_dot]}. One step integrates the equations of motion with one explicit
 * Euler step of 0.02 s (positions use the old velocities). The episode terminates when |x| exceeds 2.4 m or |theta|
 * exceeds 12 degrees; every step, the terminating one included, earns 1.0. Truncated after 500 steps by default.
 * An episode starts from a state drawn from U(-0.05, 0.05)^4 (drawn in the order x, x_dot, theta, theta_dot).
 */
public final class CartPoleEnv extends AbstractEnv<CartPoleTask> {
    /** Internal state layout of {@link #state()} and {@link #resetTo}. */
    public static final List<String> STATE_NAMES = List.of("x", "x_dot", "theta", "theta_dot");
    public static final String ID = "CartPole-v1";
    public static final int DEFAULT_MAX_STEPS = 500;
    /** Euler step, s. */
    public static final double TAU = 0.02;
    public static final double X_THRESHOLD = 2.4;
    public static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;
    private static final Discrete ACTION_SPACE = new Discrete(2);
    private static final Box OBSERVATION_SPACE = Box.of(
            new double[] {-2 * X_THRESHOLD, -Float.MAX_VALUE, -2 * THETA_THRESHOLD, -Float.MAX_VALUE},
            new double[] {2 * X_THRESHOLD, Float.MAX_VALUE, 2 * THETA_THRESHOLD, Float.MAX_VALUE});

    private double x;
    private double xDot;
    private double theta;
    private double thetaDot;

    private double gravity;
    private double poleMass;
    private double totalMass;
    private double length;
    private double poleMassLength;
    private double force;

    /** gym's CartPole-v1: the standard task and a 500-step limit. */
    public CartPoleEnv() {
        this(CartPoleTask.standard(), DEFAULT_MAX_STEPS);
    }

    public CartPoleEnv(CartPoleTask task, int maxEpisodeSteps) {
        super(ID, maxEpisodeSteps);
        setTask(task);
    }

    @Override
    public Space observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Space actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    protected void onTaskSet(CartPoleTask task) {
        gravity = task.gravity();
        poleMass = task.poleMass();
        totalMass = task.poleMass() + task.cartMass();
        length = task.poleLength();
        poleMassLength = task.poleMass() * task.poleLength();
        force = task.forceMagnitude();
    }

    @Override
    protected List<String> stateNames() {
        return STATE_NAMES;
    }

    @Override
    protected void restoreState(double[] state) {
        x = state[0];
        xDot = state[1];
        theta = state[2];
        thetaDot = state[3];
    }

    /** A copy of the internal state {@code [x, x_dot, theta, theta_dot]}. */
    @Override
    public double[] state() {
        return new double[] {x, xDot, theta, thetaDot};
    }

    @Override
    protected void resetState(SplittableRandom rng) {
        x = uniform(rng);
        xDot = uniform(rng);
        theta = uniform(rng);
        thetaDot = uniform(rng);
    }

    private static double uniform(SplittableRandom rng) {
        return -0.05 + 0.1 * rng.nextDouble();
    }

    @Override
    protected double advance(double[] actions, int offset) {
        double f = actions[offset] == 1.0 ? force : -force;
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double temp = (f + poleMassLength * (thetaDot * thetaDot) * sin) / totalMass;
        double thetaAcc = (gravity * sin - cos * temp)
                / (length * (4.0 / 3.0 - poleMass * (cos * cos) / totalMass));
        double xAcc = temp - poleMassLength * thetaAcc * cos / totalMass;
        x = x + TAU * xDot;
        xDot = xDot + TAU * xAcc;
        theta = theta + TAU * thetaDot;
        thetaDot = thetaDot + TAU * thetaAcc;
        return 1.0;
    }

    @Override
    protected boolean isTerminal() {
        return x < -X_THRESHOLD || x > X_THRESHOLD || theta < -THETA_THRESHOLD || theta > THETA_THRESHOLD;
    }

    @Override
    protected void observe(double[] out, int offset) {
        out[offset] = x;
        out[offset + 1] = xDot;
        out[offset + 2] = theta;
        out[offset + 3] = thetaDot;
    }
}

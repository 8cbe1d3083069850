package org.metarl4j.envs.classic;

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

    private double[] pendingState;

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

    /**
     * Starts an episode from {@code state = [x, x_dot, theta, theta_dot]} instead of a random one (for replaying
     * recorded transitions and for tests) and returns its observation.
     *
     * @throws IllegalArgumentException unless {@code state} has 4 finite numbers
     */
    public double[] resetTo(double[] state) {
        StateChecks.check(ID, state, "x", "x_dot", "theta", "theta_dot");
        pendingState = state.clone();
        return reset(rng != null ? rng : new SplittableRandom(0));
    }

    /** A copy of the internal state {@code [x, x_dot, theta, theta_dot]}. */
    public double[] state() {
        return new double[] {x, xDot, theta, thetaDot};
    }

    @Override
    protected void resetState(SplittableRandom rng) {
        if (pendingState != null) {
            x = pendingState[0];
            xDot = pendingState[1];
            theta = pendingState[2];
            thetaDot = pendingState[3];
            pendingState = null;
            return;
        }
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

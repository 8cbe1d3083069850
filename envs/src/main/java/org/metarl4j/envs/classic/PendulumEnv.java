package org.metarl4j.envs.classic;

import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.envs.AbstractEnv;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Space;

/**
 * The inverted-pendulum swing-up task, with dynamics identical to gym 0.21's {@code Pendulum-v1}
 * ({@code gym/envs/classic_control/pendulum.py}) when the task is {@link PendulumTask#standard()}.
 *
 * <p>The internal state is {@code [th, thdot]} (angle from upright, rad, not wrapped; angular velocity, rad/s) and the
 * observation {@code [cos th, sin th, thdot]}. The action is one torque in {@code [-maxTorque, maxTorque]} of the
 * <em>current</em> task (so {@link #actionSpace()} changes with {@link #setTask}); larger torques are clipped. With
 * {@code g, m, l} the task's gravity, mass and length, {@code dt = 0.05} and the clipped torque {@code u}, one step is
 * <pre>
 *   thdot' = clip(thdot + (3 g / (2 l) sin(th) + 3 / (m l^2) u) dt, -8, 8)
 *   th'    = th + thdot' dt
 * </pre>
 * i.e. the new velocity is clipped <em>before</em> it advances the angle. This variant was chosen against the gym
 * 0.21.0 reference transitions: it reproduces all 200 to about 1e-15 relative, while the older variant (angle advanced
 * with the unclipped velocity, clip afterwards) misses the rows where the speed limit binds. The {@code sin(th)} and
 * {@code -sin(th + pi)} forms of the gravity term are equal to rounding and both match.
 *
 * <p>The reward is minus the cost of the state and clipped torque before the step,
 * {@code angle_normalize(th)^2 + 0.1 thdot^2 + 0.001 u^2}, where {@code angle_normalize(x) = ((x + pi) mod 2pi) - pi}
 * with Python's modulo (result in {@code [-pi, pi)}). The episode never terminates and is truncated after 200 steps by
 * default. It starts from {@code th ~ U(-pi, pi)} then {@code thdot ~ U(-1, 1)}.
 */
public final class PendulumEnv extends AbstractEnv<PendulumTask> {
    /** Internal state layout of {@link #state()} and {@link #resetTo}. */
    public static final List<String> STATE_NAMES = List.of("theta", "theta_dot");
    public static final String ID = "Pendulum-v1";
    public static final int DEFAULT_MAX_STEPS = 200;
    public static final double MAX_SPEED = 8.0;
    public static final double DT = 0.05;
    private static final double TWO_PI = 2 * Math.PI;
    private static final Box OBSERVATION_SPACE = Box.of(
            new double[] {-1.0, -1.0, -MAX_SPEED}, new double[] {1.0, 1.0, MAX_SPEED});

    private double th;
    private double thDot;

    private double maxTorque;
    private double gravityCoefficient;
    private double torqueCoefficient;
    private Box actionSpace;

    /** gym's Pendulum-v1: the standard task and a 200-step limit. */
    public PendulumEnv() {
        this(PendulumTask.standard(), DEFAULT_MAX_STEPS);
    }

    public PendulumEnv(PendulumTask task, int maxEpisodeSteps) {
        super(ID, maxEpisodeSteps);
        setTask(task);
    }

    @Override
    public Space observationSpace() {
        return OBSERVATION_SPACE;
    }

    /** {@code Box(-maxTorque, maxTorque)} of the current task. */
    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    @Override
    protected void onTaskSet(PendulumTask task) {
        double g = task.gravity();
        double m = task.mass();
        double l = task.length();
        maxTorque = task.maxTorque();
        gravityCoefficient = 3 * g / (2 * l);
        torqueCoefficient = 3.0 / (m * (l * l));
        actionSpace = Box.uniform(1, -maxTorque, maxTorque);
    }

    @Override
    protected List<String> stateNames() {
        return STATE_NAMES;
    }

    @Override
    protected void restoreState(double[] state) {
        th = state[0];
        thDot = state[1];
    }

    /** A copy of the internal state {@code [th, thdot]}. */
    @Override
    public double[] state() {
        return new double[] {th, thDot};
    }

    @Override
    protected void resetState(SplittableRandom rng) {
        th = -Math.PI + TWO_PI * rng.nextDouble();
        thDot = -1.0 + 2.0 * rng.nextDouble();
    }

    @Override
    protected double advance(double[] actions, int offset) {
        double u = Math.min(Math.max(actions[offset], -maxTorque), maxTorque);
        double a = angleNormalize(th);
        double cost = a * a + 0.1 * (thDot * thDot) + 0.001 * (u * u);
        double newThDot = thDot + (gravityCoefficient * Math.sin(th) + torqueCoefficient * u) * DT;
        newThDot = Math.min(Math.max(newThDot, -MAX_SPEED), MAX_SPEED);
        th = th + newThDot * DT;
        thDot = newThDot;
        return -cost;
    }

    /** {@code ((x + pi) mod 2pi) - pi} with a non-negative (Python) modulo. */
    static double angleNormalize(double x) {
        double r = (x + Math.PI) % TWO_PI;
        if (r < 0) {
            r += TWO_PI;
        }
        return r - Math.PI;
    }

    @Override
    protected boolean isTerminal() {
        return false;
    }

    @Override
    protected void observe(double[] out, int offset) {
        out[offset] = Math.cos(th);
        out[offset + 1] = Math.sin(th);
        out[offset + 2] = thDot;
    }
}

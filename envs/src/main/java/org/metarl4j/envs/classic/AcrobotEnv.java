package org.metarl4j.envs.classic;

import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.envs.AbstractEnv;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;
import org.metarl4j.envs.space.Space;

/**
 * The Acrobot swing-up task (Sutton 1996; Sutton and Barto, <i>Reinforcement Learning: An Introduction</i>), with
 * dynamics identical to gym 0.21's {@code Acrobot-v1} ({@code gym/envs/classic_control/acrobot.py}, "book" dynamics,
 * no torque noise) when the task is {@link AcrobotTask#standard()}.
 *
 * <p>Two links hang from a fixed joint; only the middle joint is actuated. The internal state is
 * {@code [theta1, theta2, dtheta1, dtheta2]} (theta1 from straight down, theta2 relative to the first link) and the
 * observation {@code [cos theta1, sin theta1, cos theta2, sin theta2, dtheta1, dtheta2]}. Action 0, 1, 2 applies a
 * torque of -1, 0, +1 to the middle joint. The task sets the link masses and lengths; each link's centre of mass is at
 * half its length and both moments of inertia are 1.0; {@code g = 9.8}. One step of 0.2 s is one classical
 * Runge-Kutta-4 step over [0, 0.2] of the equations of motion with the torque held constant (exactly gym's
 * {@code rk4} helper), after which both angles are wrapped into [-pi, pi] and the velocities are clipped to
 * [-4 pi, 4 pi] and [-9 pi, 9 pi].
 *
 * <p>The episode terminates when {@code -cos(theta1) - cos(theta2 + theta1) > 1.0} (gym's fixed threshold, in units
 * of the default link length, kept for every task); the reward is -1 per non-terminal step and 0 on the terminal one.
 * Truncated after 500 steps by default. An episode starts from U(-0.1, 0.1)^4, drawn in state order.
 */
public final class AcrobotEnv extends AbstractEnv<AcrobotTask> {
    /** Internal state layout of {@link #state()} and {@link #resetTo}. */
    public static final List<String> STATE_NAMES = List.of("theta1", "theta2", "dtheta1", "dtheta2");
    public static final String ID = "Acrobot-v1";
    public static final int DEFAULT_MAX_STEPS = 500;
    public static final double DT = 0.2;
    public static final double MAX_VEL_1 = 4 * Math.PI;
    public static final double MAX_VEL_2 = 9 * Math.PI;
    public static final double GRAVITY = 9.8;
    public static final double MOMENT_OF_INERTIA = 1.0;
    private static final double[] TORQUES = {-1.0, 0.0, 1.0};
    private static final Discrete ACTION_SPACE = new Discrete(3);
    private static final Box OBSERVATION_SPACE = Box.of(
            new double[] {-1.0, -1.0, -1.0, -1.0, -MAX_VEL_1, -MAX_VEL_2},
            new double[] {1.0, 1.0, 1.0, 1.0, MAX_VEL_1, MAX_VEL_2});

    private final double[] s = new double[4];
    private final double[] k1 = new double[4];
    private final double[] k2 = new double[4];
    private final double[] k3 = new double[4];
    private final double[] k4 = new double[4];
    private final double[] tmp = new double[4];

    private double m1;
    private double m2;
    private double l1;
    private double lc1;
    private double lc2;

    /** gym's Acrobot-v1: the standard task and a 500-step limit. */
    public AcrobotEnv() {
        this(AcrobotTask.standard(), DEFAULT_MAX_STEPS);
    }

    public AcrobotEnv(AcrobotTask task, int maxEpisodeSteps) {
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
    protected void onTaskSet(AcrobotTask task) {
        m1 = task.linkMass1();
        m2 = task.linkMass2();
        l1 = task.linkLength1();
        lc1 = task.linkLength1() / 2;
        lc2 = task.linkLength2() / 2;
    }

    @Override
    protected List<String> stateNames() {
        return STATE_NAMES;
    }

    @Override
    protected void restoreState(double[] state) {
        // Used as given (angles not wrapped), as gym's state attribute.
        System.arraycopy(state, 0, s, 0, 4);
    }

    /** A copy of the internal state {@code [theta1, theta2, dtheta1, dtheta2]}. */
    @Override
    public double[] state() {
        return s.clone();
    }

    @Override
    protected void resetState(SplittableRandom rng) {
        for (int i = 0; i < 4; i++) {
            s[i] = -0.1 + 0.2 * rng.nextDouble();
        }
    }

    @Override
    protected double advance(double[] actions, int offset) {
        double torque = TORQUES[(int) actions[offset]];
        double dt = DT - 0.0;
        double dt2 = dt / 2.0;
        derivatives(s, torque, k1);
        for (int i = 0; i < 4; i++) {
            tmp[i] = s[i] + dt2 * k1[i];
        }
        derivatives(tmp, torque, k2);
        for (int i = 0; i < 4; i++) {
            tmp[i] = s[i] + dt2 * k2[i];
        }
        derivatives(tmp, torque, k3);
        for (int i = 0; i < 4; i++) {
            tmp[i] = s[i] + dt * k3[i];
        }
        derivatives(tmp, torque, k4);
        for (int i = 0; i < 4; i++) {
            s[i] = s[i] + dt / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        s[0] = wrap(s[0], -Math.PI, Math.PI);
        s[1] = wrap(s[1], -Math.PI, Math.PI);
        s[2] = Math.min(Math.max(s[2], -MAX_VEL_1), MAX_VEL_1);
        s[3] = Math.min(Math.max(s[3], -MAX_VEL_2), MAX_VEL_2);
        return isTerminal() ? 0.0 : -1.0;
    }

    /** The "book" equations of motion: writes {@code [dtheta1, dtheta2, ddtheta1, ddtheta2]} into {@code out}. */
    private void derivatives(double[] y, double torque, double[] out) {
        double theta1 = y[0];
        double theta2 = y[1];
        double dtheta1 = y[2];
        double dtheta2 = y[3];
        double i1 = MOMENT_OF_INERTIA;
        double i2 = MOMENT_OF_INERTIA;
        double g = GRAVITY;
        double cos2 = Math.cos(theta2);
        double sin2 = Math.sin(theta2);
        double d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * cos2) + i1 + i2;
        double d2 = m2 * (lc2 * lc2 + l1 * lc2 * cos2) + i2;
        double phi2 = m2 * lc2 * g * Math.cos(theta1 + theta2 - Math.PI / 2.0);
        double phi1 = -m2 * l1 * lc2 * (dtheta2 * dtheta2) * sin2
                - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * sin2
                + (m1 * lc1 + m2 * l1) * g * Math.cos(theta1 - Math.PI / 2)
                + phi2;
        double ddtheta2 = (torque + d2 / d1 * phi1 - m2 * l1 * lc2 * (dtheta1 * dtheta1) * sin2 - phi2)
                / (m2 * (lc2 * lc2) + i2 - d2 * d2 / d1);
        double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
        out[0] = dtheta1;
        out[1] = dtheta2;
        out[2] = ddtheta1;
        out[3] = ddtheta2;
    }

    /**
     * Shifts {@code x} by whole periods {@code max - min} into [min, max] (gym's {@code wrap}). Magnitudes beyond 1e6
     * (where gym would loop for a very long time) are first reduced with a remainder; an infinite angle becomes NaN.
     */
    private static double wrap(double x, double min, double max) {
        double period = max - min;
        if (!(Math.abs(x) <= 1e6)) {
            x = x % period;
        }
        while (x > max) {
            x = x - period;
        }
        while (x < min) {
            x = x + period;
        }
        return x;
    }

    @Override
    protected boolean isTerminal() {
        return -Math.cos(s[0]) - Math.cos(s[1] + s[0]) > 1.0;
    }

    @Override
    protected void observe(double[] out, int offset) {
        out[offset] = Math.cos(s[0]);
        out[offset + 1] = Math.sin(s[0]);
        out[offset + 2] = Math.cos(s[1]);
        out[offset + 3] = Math.sin(s[1]);
        out[offset + 4] = s[2];
        out[offset + 5] = s[3];
    }
}

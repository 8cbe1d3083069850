package org.metarl4j.envs.reacher;

import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.envs.AbstractEnv;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Space;

/**
 * A planar two-link arm that must bring its fingertip to a goal, modelled on gym's MuJoCo {@code Reacher-v2} but
 * simulated here in plain Java, with the goal and the link lengths set by a {@link ReacherTask}.
 *
 * <p><b>Dynamics.</b> Two uniform rods of lengths l1, l2 (from the task) and mass {@value #LINK_MASS} kg each, joined
 * by hinge joints at the base and the elbow, moving in the horizontal plane (no gravity). With joint angles
 * q = (q1, q2) (q2 relative to link 1) the standard manipulator equation
 * <pre>  M(q) q̈ + C(q, q̇) q̇ = G τ − b q̇ </pre>
 * holds, with centres of mass at lc_i = l_i / 2, centroidal inertias I_i = m l_i² / 12 and
 * <pre>
 *   M11 = m lc1² + I1 + m (l1² + lc2² + 2 l1 lc2 cos q2) + I2
 *   M12 = M21 = m (lc2² + l1 lc2 cos q2) + I2
 *   M22 = m lc2² + I2
 *   C(q, q̇) q̇ = h (−2 q̇1 q̇2 − q̇2², q̇1²),  h = m l1 lc2 sin q2
 * </pre>
 * The action τ ∈ [−1, 1]² is clipped, then scaled by the gear G = {@value #GEAR} N·m; joint damping is
 * b = {@value #DAMPING} N·m·s/rad. Integration is semi-implicit (symplectic) Euler with the damping taken implicitly,
 * as MuJoCo's Euler integrator does: (M + dt b I) q̇' = M q̇ + dt (G τ − C q̇), then q' = q + dt q̇', with internal
 * step dt = {@value #DT} s and {@value #FRAME_SKIP} substeps per control step (Reacher-v2's timestep and frame_skip),
 * so one control step is 0.02 s and an episode of {@value #DEFAULT_MAX_STEPS} steps is 1 s. With these constants full
 * torque turns the extended arm (0.1 m links) through 2 rad and stops it in about 25 steps (0.5 s), so any
 * goal of the workspace is reachable within the 50 steps (top joint speed G / b = 10 rad/s; velocity time constants
 * M/b of 0.03-0.3 s for 0.1 m links), and a simple joint-space PD controller reaches sampled goals to within 0.02 m
 * (see the tests).
 *
 * <p><b>Observation</b> (8 numbers): {@code [cos q1, cos q2, sin q1, sin q2, q̇1, q̇2, fingertip x, fingertip y]}; with
 * {@code goalObserved} the goal {@code [goal x, goal y]} is appended (10 numbers). By default the goal is hidden, so
 * the task must be inferred from rewards, as in meta-RL.
 *
 * <p><b>Reward</b> −‖fingertip − goal‖₂ − ‖τ‖², Reacher-v2's {@code reward_dist + reward_ctrl}. Episodes never
 * terminate and are truncated after {@value #DEFAULT_MAX_STEPS} steps. Reset: q ~ U(−0.1, 0.1)², q̇ ~
 * U(−0.005, 0.005)², as Reacher-v2's {@code reset_model}.
 *
 * <p><b>Differences from Reacher-v2</b>: no MuJoCo (analytic rigid-body dynamics above; no joint armature, capsule
 * geometry, contacts or joint limits — Reacher-v2 limits the elbow to [−3, 3] rad); the fingertip is the end of link 2
 * (Reacher-v2 puts it 0.01 m beyond a 0.1 m link); link lengths vary by task; the observation omits the goal and the
 * fingertip−goal vector (Reacher-v2's 11-dimensional observation includes both) and gives the fingertip position
 * instead; the distance term is measured after the step (Reacher-v2 measures it before simulating the action); the
 * control cost uses the clipped action (Reacher-v2 squares the raw action); the gear and damping are scaled for the
 * light rods here rather than Reacher-v2's gear 200 with armature 1 and damping 1.
 */
public final class Reacher2DEnv extends AbstractEnv<ReacherTask> {
    /** Internal state layout of {@link #state()} and {@link #resetTo}: joint angles (rad) and velocities (rad/s). */
    public static final List<String> STATE_NAMES = List.of("q1", "q2", "dq1", "dq2");
    public static final String ID = "Reacher2D-v0";
    public static final int DEFAULT_MAX_STEPS = 50;
    /** Mass of each link, kg (uniform rods). */
    public static final double LINK_MASS = 0.1;
    /** Torque per unit action, N·m. */
    public static final double GEAR = 0.1;
    /** Viscous joint damping, N·m·s/rad. */
    public static final double DAMPING = 0.01;
    /** Internal integration step, s (Reacher-v2's MuJoCo timestep). */
    public static final double DT = 0.01;
    /** Integration substeps per control step (Reacher-v2's frame_skip). */
    public static final int FRAME_SKIP = 2;
    /** Half-width of the uniform reset distribution of each joint angle, rad. */
    public static final double RESET_ANGLE = 0.1;
    /** Half-width of the uniform reset distribution of each joint velocity, rad/s. */
    public static final double RESET_VELOCITY = 0.005;

    private static final Box ACTION_SPACE = Box.uniform(2, -1.0, 1.0);
    private static final double INF = Double.POSITIVE_INFINITY;

    private final boolean goalObserved;
    private final Box observationSpace;
    private double q1;
    private double q2;
    private double dq1;
    private double dq2;

    /** Links 0.1 m each, goal (0.1, 0.1), goal hidden, 50 steps. */
    public Reacher2DEnv() {
        this(new ReacherTask(0.1, 0.1, 0.1, 0.1));
    }

    /** Goal hidden, 50 steps. */
    public Reacher2DEnv(ReacherTask task) {
        this(task, false, DEFAULT_MAX_STEPS);
    }

    /**
     * @param task the goal and link lengths
     * @param goalObserved whether the goal (x, y) is appended to the observation
     * @param maxEpisodeSteps the time limit
     */
    public Reacher2DEnv(ReacherTask task, boolean goalObserved, int maxEpisodeSteps) {
        super(ID, maxEpisodeSteps);
        this.goalObserved = goalObserved;
        int dim = goalObserved ? 10 : 8;
        double[] low = new double[dim];
        double[] high = new double[dim];
        for (int i = 0; i < dim; i++) {
            boolean trig = i < 4;
            low[i] = trig ? -1.0 : -INF;
            high[i] = trig ? 1.0 : INF;
        }
        this.observationSpace = Box.of(low, high);
        setTask(task);
    }

    public boolean goalObserved() {
        return goalObserved;
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return ACTION_SPACE;
    }

    /**
     * Forward kinematics: the fingertip (end of link 2) in the base frame for joint angles q1, q2 (q2 relative to
     * link 1): {@code (l1 cos q1 + l2 cos(q1 + q2), l1 sin q1 + l2 sin(q1 + q2))}.
     */
    public static double[] fingertip(ReacherTask task, double q1, double q2) {
        double l1 = task.linkLength1();
        double l2 = task.linkLength2();
        return new double[] {l1 * Math.cos(q1) + l2 * Math.cos(q1 + q2), l1 * Math.sin(q1) + l2 * Math.sin(q1 + q2)};
    }

    /** The current fingertip position (x, y) in metres, in the arm's base frame (for tests and scripted controllers). */
    public double[] fingertip() {
        return fingertip(task(), q1, q2);
    }

    @Override
    protected List<String> stateNames() {
        return STATE_NAMES;
    }

    @Override
    protected void restoreState(double[] state) {
        q1 = state[0];
        q2 = state[1];
        dq1 = state[2];
        dq2 = state[3];
    }

    /** The current state {@code [q1, q2, dq1, dq2]} (rad, rad/s). */
    @Override
    public double[] state() {
        return new double[] {q1, q2, dq1, dq2};
    }

    /** The kinetic energy ½ q̇ᵀ M(q) q̇ of the arm, J (the only energy: the plane is horizontal). */
    public double kineticEnergy() {
        double[] m = massMatrix(q2);
        return 0.5 * (m[0] * dq1 * dq1 + 2.0 * m[1] * dq1 * dq2 + m[2] * dq2 * dq2);
    }

    /** {M11, M12, M22} at elbow angle q2. */
    private double[] massMatrix(double elbow) {
        double l1 = task().linkLength1();
        double l2 = task().linkLength2();
        double lc1 = 0.5 * l1;
        double lc2 = 0.5 * l2;
        double i1 = LINK_MASS * l1 * l1 / 12.0;
        double i2 = LINK_MASS * l2 * l2 / 12.0;
        double c2 = Math.cos(elbow);
        double m22 = LINK_MASS * lc2 * lc2 + i2;
        double m12 = LINK_MASS * l1 * lc2 * c2 + m22;
        double m11 = LINK_MASS * lc1 * lc1 + i1 + LINK_MASS * (l1 * l1 + 2.0 * l1 * lc2 * c2) + m22;
        return new double[] {m11, m12, m22};
    }

    @Override
    protected void resetState(SplittableRandom rng) {
        q1 = uniform(rng, RESET_ANGLE);
        q2 = uniform(rng, RESET_ANGLE);
        dq1 = uniform(rng, RESET_VELOCITY);
        dq2 = uniform(rng, RESET_VELOCITY);
    }

    private static double uniform(SplittableRandom rng, double halfWidth) {
        return -halfWidth + 2.0 * halfWidth * rng.nextDouble();
    }

    @Override
    protected double advance(double[] actions, int offset) {
        double a1 = Math.min(Math.max(actions[offset], -1.0), 1.0);
        double a2 = Math.min(Math.max(actions[offset + 1], -1.0), 1.0);
        double u1 = GEAR * a1;
        double u2 = GEAR * a2;
        double l1 = task().linkLength1();
        double lc2 = 0.5 * task().linkLength2();
        for (int k = 0; k < FRAME_SKIP; k++) {
            double[] m = massMatrix(q2);
            double h = LINK_MASS * l1 * lc2 * Math.sin(q2);
            // Coriolis and centrifugal torques C(q, q̇) q̇.
            double c1 = -h * (2.0 * dq1 * dq2 + dq2 * dq2);
            double c2 = h * dq1 * dq1;
            // (M + dt b I) q̇' = M q̇ + dt (G τ − C q̇): semi-implicit Euler with implicit damping.
            double r1 = m[0] * dq1 + m[1] * dq2 + DT * (u1 - c1);
            double r2 = m[1] * dq1 + m[2] * dq2 + DT * (u2 - c2);
            double a11 = m[0] + DT * DAMPING;
            double a22 = m[2] + DT * DAMPING;
            double a12 = m[1];
            double det = a11 * a22 - a12 * a12;
            dq1 = (a22 * r1 - a12 * r2) / det;
            dq2 = (a11 * r2 - a12 * r1) / det;
            q1 += DT * dq1;
            q2 += DT * dq2;
        }
        double[] tip = fingertip();
        double distance = Math.hypot(tip[0] - task().goalX(), tip[1] - task().goalY());
        return -distance - (a1 * a1 + a2 * a2);
    }

    @Override
    protected boolean isTerminal() {
        return false;
    }

    @Override
    protected void observe(double[] out, int offset) {
        out[offset] = Math.cos(q1);
        out[offset + 1] = Math.cos(q2);
        out[offset + 2] = Math.sin(q1);
        out[offset + 3] = Math.sin(q2);
        out[offset + 4] = dq1;
        out[offset + 5] = dq2;
        double[] tip = fingertip();
        out[offset + 6] = tip[0];
        out[offset + 7] = tip[1];
        if (goalObserved) {
            out[offset + 8] = task().goalX();
            out[offset + 9] = task().goalY();
        }
    }
}

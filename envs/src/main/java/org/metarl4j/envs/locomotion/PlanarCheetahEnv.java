package org.metarl4j.envs.locomotion;

import java.util.SplittableRandom;
import org.metarl4j.envs.AbstractEnv;
import org.metarl4j.envs.random.Sampling;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Space;

/**
 * A planar cheetah-like runner (gym's MuJoCo {@code HalfCheetah}, transcribed in {@link CheetahModel} and simulated
 * with dyn4j in {@link CheetahBody}) whose reward is set by a {@link CheetahTask}: MAML's HalfCheetah-Vel
 * ({@link CheetahVelTask}) and HalfCheetah-Dir ({@link CheetahDirTask}).
 *
 * <p><b>Action</b> Box[−1, 1]⁶, clipped, one control per joint (bthigh, bshin, bfoot, fthigh, fshin, ffoot), times
 * the XML's gears 120, 90, 60, 120, 60, 30 N·m. <b>Control step</b> {@value #FRAME_SKIP} internal steps of
 * {@value CheetahBody#DT} s = 0.05 s (gym's {@code frame_skip} 5). <b>Time limit</b> {@value #DEFAULT_MAX_STEPS}
 * steps (10 s), MAML's horizon for the cheetah tasks (MAML §5.3 / App. A.2; pytorch-maml-rl's
 * {@code mujoco_wrapper} defaults to 200, its halfcheetah configs use 100). Episodes never terminate.
 *
 * <p><b>Observation</b> (17, gym {@code HalfCheetah-v2} layout, x excluded): {@code [rootz, rooty, 6 joint angles,
 * v_x, v_z, rooty rate, 6 joint rates]} where rootz is the torso frame's height minus 0.7 m and angles use MuJoCo's
 * sign. pytorch-maml-rl's cheetah envs append the torso's centre of mass (x, y, z) — the x position included; we follow
 * gym and leave the position out.
 *
 * <p><b>Reward</b> with v_x = Δx / 0.05 s of the torso frame: {@code task.forwardReward(v_x) − 0.05·‖a‖²} on the
 * clipped action (pytorch-maml-rl: {@code ctrl_cost = 0.5 * 1e-1 * sum(a²)} after its {@code NormalizedActionWrapper}
 * clipped a to [−1, 1]); Vel: −|v_x − v_goal|, Dir: direction · v_x.
 *
 * <p><b>Reset</b> as gym's {@code HalfCheetahEnv.reset_model}: every generalised coordinate U(−0.1, 0.1) around the
 * initial pose, every velocity 0.1·N(0, 1).
 *
 * <p><b>Differences from MuJoCo's HalfCheetah</b>: dyn4j is a 2D engine (no out-of-plane motion exists, MuJoCo's
 * model is 3D held in the plane by its root joints); contacts are dyn4j's hard, inelastic Coulomb contacts with
 * friction 0.4 between 2D capsules and a flat ground instead of MuJoCo's soft contacts (solref 0.02, solimp) with
 * torsional and rolling friction; joint limits are hard rather than soft; springs and dampers are explicit torques
 * per 0.01 s step (MuJoCo integrates damping implicitly); the armature (0.1 kg·m² per joint) is added to each leg
 * body's own inertia rather than to the joint's generalised inertia; masses and inertias are computed from the same
 * capsules and total mass, but as solids of revolution about the transverse axis only. Trajectories and returns are
 * therefore not MuJoCo's; what carries over is the morphology, actuation, timing and the task rewards.
 */
public final class PlanarCheetahEnv<T extends CheetahTask> extends AbstractEnv<T> {
    public static final String VEL_ID = "PlanarCheetahVel-v0";
    public static final String DIR_ID = "PlanarCheetahDir-v0";
    public static final int DEFAULT_MAX_STEPS = 200;
    /** Internal steps per control step (gym's {@code frame_skip}). */
    public static final int FRAME_SKIP = 5;
    /** Duration of one control step, s. */
    public static final double CONTROL_DT = FRAME_SKIP * CheetahBody.DT;
    /** Control cost coefficient (0.5 · 0.1 in pytorch-maml-rl). */
    public static final double CTRL_COST = 0.05;
    /** Half-width of the uniform reset noise of positions, and scale of the Gaussian reset noise of velocities. */
    public static final double RESET_NOISE = 0.1;
    /** Number of generalised coordinates (rootx, rootz, rooty and six joints). */
    public static final int DOF = 3 + CheetahModel.JOINTS;

    private static final Box ACTION_SPACE = Box.uniform(CheetahModel.JOINTS, -1.0, 1.0);
    private static final Box OBSERVATION_SPACE = Box.uniform(2 * DOF - 1, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY);

    private final double[] control = new double[CheetahModel.JOINTS];
    private final double[] velocity = new double[2];
    private CheetahBody body;
    private double lastForwardVelocity;

    /** A HalfCheetah-Vel env (goal 0 m/s until a task is set), 200 steps. */
    public static PlanarCheetahEnv<CheetahVelTask> velocity() {
        return new PlanarCheetahEnv<>(VEL_ID, new CheetahVelTask(0.0), DEFAULT_MAX_STEPS);
    }

    /** A HalfCheetah-Dir env (forward until a task is set), 200 steps. */
    public static PlanarCheetahEnv<CheetahDirTask> direction() {
        return new PlanarCheetahEnv<>(DIR_ID, new CheetahDirTask(1), DEFAULT_MAX_STEPS);
    }

    public PlanarCheetahEnv(String id, T task, int maxEpisodeSteps) {
        super(id, maxEpisodeSteps);
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

    /** The physics of the current episode (null before the first reset). */
    public CheetahBody body() {
        return body;
    }

    /** Forward velocity of the torso frame over the last step, m/s (what the reward reads). */
    public double lastForwardVelocity() {
        return lastForwardVelocity;
    }

    @Override
    protected void resetState(SplittableRandom rng) {
        double[] qpos = new double[DOF];
        double[] qvel = new double[DOF];
        for (int i = 0; i < DOF; i++) {
            qpos[i] = -RESET_NOISE + 2.0 * RESET_NOISE * rng.nextDouble();
        }
        for (int i = 0; i < DOF; i++) {
            qvel[i] = RESET_NOISE * Sampling.gaussian(rng);
        }
        startFrom(qpos, qvel);
    }

    /**
     * Starts an episode from a given generalised state (gym's {@code set_state}); for tests and scripted starts.
     * Call after a reset (it continues that episode's bookkeeping with a new body).
     */
    public void startFrom(double[] qpos, double[] qvel) {
        if (qpos.length != DOF || qvel.length != DOF) {
            throw new IllegalArgumentException(id() + " expects qpos and qvel of length " + DOF);
        }
        body = new CheetahBody(qpos, qvel);
        lastForwardVelocity = 0.0;
    }

    @Override
    protected double advance(double[] actions, int offset) {
        double cost = 0;
        for (int i = 0; i < control.length; i++) {
            double a = Math.min(Math.max(actions[offset + i], -1.0), 1.0);
            control[i] = a;
            cost += a * a;
        }
        double before = body.rootX();
        for (int k = 0; k < FRAME_SKIP; k++) {
            body.applyJointTorques(control);
            body.step();
        }
        lastForwardVelocity = (body.rootX() - before) / CONTROL_DT;
        return task().forwardReward(lastForwardVelocity) - CTRL_COST * cost;
    }

    @Override
    protected boolean isTerminal() {
        return false;
    }

    @Override
    protected void observe(double[] out, int offset) {
        out[offset] = body.height() - CheetahModel.INITIAL_HEIGHT;
        out[offset + 1] = body.pitch();
        for (int j = 0; j < CheetahModel.JOINTS; j++) {
            out[offset + 2 + j] = body.jointAngle(j);
        }
        body.rootVelocity(velocity, 0);
        int v = offset + 2 + CheetahModel.JOINTS;
        out[v] = velocity[0];
        out[v + 1] = velocity[1];
        out[v + 2] = body.pitchRate();
        for (int j = 0; j < CheetahModel.JOINTS; j++) {
            out[v + 3 + j] = body.jointVelocity(j);
        }
    }
}

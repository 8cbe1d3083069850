package org.metarl4j.envs.robotics;

import static org.metarl4j.envs.robotics.Shaping.tolerance;

/**
 * Grasp-and-lift: close the gripper on a cube of task-given size, mass and friction and raise it
 * {@value GraspLiftTask#LIFT_TARGET} m. Whether it can be lifted at all is Coulomb's 2 μ F > m g with the grip force
 * F = {@value org.metarl4j.envs.robotics.scene.GripperScene#DEFAULT_GRIP_FORCE} N; every task of the distributions
 * satisfies it at least twice over, but heavy, slippery cubes need a centred grasp.
 *
 * <p><b>Success</b>: the object's centre at least {@value #SUCCESS_LIFT} m above its resting height with both pads
 * on it. <b>Reward</b> (at most 10 a step, 10 exactly on success, shaped after Meta-World v2's pick-place: reach,
 * then grasp, then move the object): 2 · reach + 2 · grasped + 6 · grasped · min(1, lift / {@value
 * GraspLiftTask#LIFT_TARGET}), where reach = tolerance(grip-to-object distance, 1 cm, 20 cm) (see {@link Shaping}).
 */
public final class GraspLiftEnv extends RoboticsEnv<GraspLiftTask> {
    public static final String FAMILY = "grasp-lift";
    public static final String ID = "GraspLift-v0";
    public static final double SUCCESS_LIFT = 0.08;

    /** A 5 cm, 100 g cube with μ = 1 at (0.05, 0.05). */
    public GraspLiftEnv() {
        this(new GraspLiftTask(0.05, 0.1, 1.0, 0.05, 0.05, 0.0));
    }

    public GraspLiftEnv(GraspLiftTask task) {
        this(task, false, DEFAULT_MAX_STEPS);
    }

    public GraspLiftEnv(GraspLiftTask task, boolean goalObserved, int maxEpisodeSteps) {
        super(ID, task, goalObserved, maxEpisodeSteps);
    }

    @Override
    protected boolean isSuccess() {
        return liftHeight() >= SUCCESS_LIFT && grasped();
    }

    @Override
    protected double reward(boolean success) {
        if (success) {
            return 10.0;
        }
        double reach = tolerance(gripToObject(), 0.01, 0.2);
        double grasped = grasped() ? 1.0 : 0.0;
        double lift = Math.max(0.0, Math.min(1.0, liftHeight() / GraspLiftTask.LIFT_TARGET));
        return 2.0 * reach + 2.0 * grasped + 6.0 * grasped * lift;
    }
}

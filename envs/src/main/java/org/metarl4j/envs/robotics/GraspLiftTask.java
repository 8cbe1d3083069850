package org.metarl4j.envs.robotics;

import org.metarl4j.envs.robotics.scene.ObjectSpec;

/**
 * Grasp a cube and lift it: the cube's edge, mass and friction vary, and where it starts and how it is turned.
 *
 * @param size cube edge, m
 * @param mass kg
 * @param friction Coulomb μ of all its contacts
 * @param objectX start x, m
 * @param objectY start y, m
 * @param objectYaw start rotation about z, rad
 */
public record GraspLiftTask(double size, double mass, double friction, double objectX, double objectY,
                            double objectYaw) implements RoboticsTask {
    /** Height above its resting height to which the object should be lifted (the goal), m. */
    public static final double LIFT_TARGET = 0.1;

    @Override
    public void validate() {
        TaskRanges.SIZE.check(GraspLiftEnv.FAMILY, size);
        TaskRanges.MASS.check(GraspLiftEnv.FAMILY, mass);
        TaskRanges.FRICTION.check(GraspLiftEnv.FAMILY, friction);
        TaskRanges.checkPoint(GraspLiftEnv.FAMILY, "object", objectX, objectY);
        TaskRanges.YAW.check(GraspLiftEnv.FAMILY, objectYaw);
    }

    @Override
    public ObjectSpec object() {
        return new ObjectSpec(size, mass, friction);
    }

    /** The goal is the start position raised by {@link #LIFT_TARGET}. */
    @Override
    public double goalX() {
        return objectX;
    }

    @Override
    public double goalY() {
        return objectY;
    }

    @Override
    public double goalZ() {
        return size / 2 + LIFT_TARGET;
    }
}

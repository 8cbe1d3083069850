package org.metarl4j.envs.robotics;

import org.metarl4j.envs.Task;
import org.metarl4j.envs.robotics.scene.ObjectSpec;

/**
 * What every manipulation task fixes: the object (size, mass, friction), where it starts on the table, and the
 * goal point (m, table frame: z up, table top at z = 0).
 */
public sealed interface RoboticsTask extends Task permits GraspLiftTask, PickPlaceTask, PushTask, Reach3DTask {

    ObjectSpec object();

    double objectX();

    double objectY();

    /** Rotation of the object about z at the start, rad. */
    double objectYaw();

    double goalX();

    double goalY();

    double goalZ();
}

package org.metarl4j.envs.robotics;

import org.metarl4j.envs.Task;
import org.metarl4j.envs.robotics.scene.ObjectSpec;

/**
 * What every manipulation task fixes: the object (size, mass, friction), where it starts on the table, and the
 * goal point (m, table frame: z up, table top at z = 0).
 */
public sealed interface RoboticsTask extends Task permits GraspLiftTask, PickPlaceTask, PushTask, Reach3DTask {

    /** The object: the default cube unless the family varies it (grasp-lift). */
    default ObjectSpec object() {
        return ObjectSpec.DEFAULT;
    }

    double objectX();

    double objectY();

    /** Rotation of the object about z at the start, rad: 0 unless the family varies it (grasp-lift). */
    default double objectYaw() {
        return 0.0;
    }

    double goalX();

    double goalY();

    double goalZ();
}

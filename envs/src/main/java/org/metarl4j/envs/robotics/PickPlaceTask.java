package org.metarl4j.envs.robotics;

import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.robotics.scene.ObjectSpec;

/**
 * Pick the default cube ({@link ObjectSpec#DEFAULT}) up where it starts and carry it to a goal in the air.
 *
 * @param objectX start x, m
 * @param objectY start y, m
 * @param goalX goal of the object's centre, m
 * @param goalY m
 * @param goalZ m (at least {@value #MIN_GOAL_Z}, so the goal cannot be met without lifting)
 */
public record PickPlaceTask(double objectX, double objectY, double goalX, double goalY, double goalZ)
        implements RoboticsTask {
    public static final double MIN_GOAL_Z = 0.1;

    @Override
    public void validate() {
        TaskRanges.checkPoint(PickPlaceEnv.FAMILY, "object", objectX, objectY);
        TaskRanges.checkPoint(PickPlaceEnv.FAMILY, "goal", goalX, goalY);
        new ParameterRange("goalZ", MIN_GOAL_Z, TaskRanges.GOAL_Z.max()).check(PickPlaceEnv.FAMILY, goalZ);
    }
}

package org.metarl4j.envs.robotics;

import org.metarl4j.envs.robotics.scene.ObjectSpec;

/**
 * Push the default cube ({@link ObjectSpec#DEFAULT}) across the table to a goal; the goal's height is the cube's
 * resting height.
 *
 * @param objectX start x, m
 * @param objectY start y, m
 * @param goalX goal of the object's centre, m
 * @param goalY m
 */
public record PushTask(double objectX, double objectY, double goalX, double goalY) implements RoboticsTask {

    @Override
    public void validate() {
        TaskRanges.checkPoint(PushEnv.FAMILY, "object", objectX, objectY);
        TaskRanges.checkPoint(PushEnv.FAMILY, "goal", goalX, goalY);
    }

    @Override
    public double goalZ() {
        return ObjectSpec.DEFAULT.size() / 2;
    }
}

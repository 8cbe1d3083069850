package org.metarl4j.envs.robotics;

/**
 * Bring the hand to a goal point. The default cube stays on the table at ({@value #OBJECT_X}, {@value #OBJECT_Y}),
 * outside the goal region, as Meta-World's reach-v2 keeps its puck in the scene.
 *
 * @param goalX goal of the hand position (fingertips' midpoint), m
 * @param goalY m
 * @param goalZ m
 */
public record Reach3DTask(double goalX, double goalY, double goalZ) implements RoboticsTask {
    public static final double OBJECT_X = 0.22;
    public static final double OBJECT_Y = 0.22;

    @Override
    public void validate() {
        TaskRanges.checkPoint(Reach3DEnv.FAMILY, "goal", goalX, goalY);
        TaskRanges.GOAL_Z.check(Reach3DEnv.FAMILY, goalZ);
    }

    @Override
    public double objectX() {
        return OBJECT_X;
    }

    @Override
    public double objectY() {
        return OBJECT_Y;
    }
}

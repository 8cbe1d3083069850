package org.metarl4j.envs.reacher;

import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.Task;

/**
 * A planar 2-link reaching task: where the fingertip must go, and the arm's link lengths.
 *
 * @param goalX goal x in the arm's base frame, m
 * @param goalY goal y in the arm's base frame, m
 * @param linkLength1 upper link length, m
 * @param linkLength2 lower link length, m
 */
public record ReacherTask(double goalX, double goalY, double linkLength1, double linkLength2) implements Task {
    public static final ParameterRange LINK_LENGTH_1 = new ParameterRange("linkLength1", 0.02, 1.0);
    public static final ParameterRange LINK_LENGTH_2 = new ParameterRange("linkLength2", 0.02, 1.0);
    public static final ParameterRange GOAL_X = new ParameterRange("goalX", -2.0, 2.0);
    public static final ParameterRange GOAL_Y = new ParameterRange("goalY", -2.0, 2.0);

    /** Rejects link lengths out of range and goals the arm cannot reach (distance outside [|l1-l2|, l1+l2]). */
    @Override
    public void validate() {
        LINK_LENGTH_1.check("reacher2d", linkLength1);
        LINK_LENGTH_2.check("reacher2d", linkLength2);
        GOAL_X.check("reacher2d", goalX);
        GOAL_Y.check("reacher2d", goalY);
        double distance = Math.hypot(goalX, goalY);
        new ParameterRange("goal distance", Math.abs(linkLength1 - linkLength2), linkLength1 + linkLength2)
                .check("reacher2d", distance);
    }
}

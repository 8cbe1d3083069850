package org.metarl4j.envs.navigation;

import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.Task;

/**
 * A 2D navigation task: the goal point the agent must reach (MAML §5.3; pytorch-maml-rl {@code navigation.py}).
 *
 * @param goalX goal x coordinate, allowed in [-10, 10]
 * @param goalY goal y coordinate, allowed in [-10, 10]
 */
public record NavigationTask(double goalX, double goalY) implements Task {
    /** The coordinates this family accepts (the reference samples from [-0.5, 0.5]). */
    public static final ParameterRange GOAL_X = new ParameterRange("goalX", -10.0, 10.0);
    public static final ParameterRange GOAL_Y = new ParameterRange("goalY", -10.0, 10.0);

    @Override
    public void validate() {
        GOAL_X.check("navigation2d", goalX);
        GOAL_Y.check("navigation2d", goalY);
    }
}

package org.metarl4j.envs.robotics;

import static org.metarl4j.envs.robotics.Shaping.tolerance;

/**
 * 3D reach: bring the hand within {@value #SUCCESS_DISTANCE} m of a goal point (Meta-World v2's reach).
 *
 * <p><b>Reward</b> 10 · tolerance(hand-to-goal, {@value #SUCCESS_DISTANCE}, d₀) with d₀ the distance at reset, so 10
 * exactly when successful, as Meta-World v2's reach-v2.
 */
public final class Reach3DEnv extends RoboticsEnv<Reach3DTask> {
    public static final String FAMILY = "reach3d";
    public static final String ID = "Reach3D-v0";
    public static final double SUCCESS_DISTANCE = 0.05;
    private double initialDistance;

    public Reach3DEnv() {
        this(new Reach3DTask(0.1, 0.1, 0.1));
    }

    public Reach3DEnv(Reach3DTask task) {
        this(task, false, DEFAULT_MAX_STEPS);
    }

    public Reach3DEnv(Reach3DTask task, boolean goalObserved, int maxEpisodeSteps) {
        super(ID, task, goalObserved, maxEpisodeSteps);
    }

    /** The hand's distance to the goal, m. */
    public double handToGoal() {
        return Shaping.distance(scene.handX(), scene.handY(), scene.handZ(), task().goalX(), task().goalY(),
                task().goalZ());
    }

    @Override
    protected void onEpisodeStart() {
        initialDistance = handToGoal();
    }

    @Override
    protected boolean isSuccess() {
        return handToGoal() < SUCCESS_DISTANCE;
    }

    @Override
    protected double reward(boolean success) {
        return 10.0 * tolerance(handToGoal(), SUCCESS_DISTANCE, initialDistance);
    }
}

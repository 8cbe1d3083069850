package org.metarl4j.envs.robotics;

import static org.metarl4j.envs.robotics.Shaping.tolerance;

/**
 * Push: slide the cube over the table until its centre is within {@value #SUCCESS_DISTANCE} m of the goal in the
 * table plane (Meta-World v2's push success radius).
 *
 * <p><b>Reward</b> (at most 10, 10 on success): reach + 9 · tolerance(object-to-goal in x-y, 0, d₀), where reach =
 * tolerance(grip-to-object, 2 cm, 20 cm) and d₀ the object's x-y distance to the goal at reset.
 */
public final class PushEnv extends RoboticsEnv<PushTask> {
    public static final String FAMILY = "push";
    public static final String ID = "Push-v0";
    public static final double SUCCESS_DISTANCE = 0.05;
    private double initialDistance;

    public PushEnv() {
        this(new PushTask(0.05, 0.0, -0.1, 0.0));
    }

    public PushEnv(PushTask task) {
        this(task, false, DEFAULT_MAX_STEPS);
    }

    public PushEnv(PushTask task, boolean goalObserved, int maxEpisodeSteps) {
        super(ID, task, goalObserved, maxEpisodeSteps);
    }

    /** The object's distance to the goal in the table plane, m. */
    public double planarDistance() {
        return Math.hypot(scene.objectX() - task().goalX(), scene.objectY() - task().goalY());
    }

    @Override
    protected void onEpisodeStart() {
        initialDistance = planarDistance();
    }

    @Override
    protected boolean isSuccess() {
        return planarDistance() < SUCCESS_DISTANCE;
    }

    @Override
    protected double reward(boolean success) {
        if (success) {
            return 10.0;
        }
        return tolerance(gripToObject(), 0.02, 0.2) + 9.0 * tolerance(planarDistance(), 0.0, initialDistance);
    }
}

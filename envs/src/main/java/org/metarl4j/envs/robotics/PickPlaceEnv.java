package org.metarl4j.envs.robotics;

import static org.metarl4j.envs.robotics.Shaping.tolerance;

/**
 * Pick-and-place: grasp the cube, lift it and hold its centre within {@value #SUCCESS_DISTANCE} m of a goal in the
 * air (Meta-World v2's pick-place success radius).
 *
 * <p><b>Reward</b> (at most 10, 10 on success; after Meta-World v2's pick-place: reach, grasp, then carry):
 * reach + grasped + 8 · carried · tolerance(object-to-goal, 0, d₀), where reach = tolerance(grip-to-object, 1 cm,
 * 20 cm), carried = grasped and lifted at least {@value #LIFTED} m, and d₀ the object's distance to the goal at reset.
 */
public final class PickPlaceEnv extends RoboticsEnv<PickPlaceTask> {
    public static final String FAMILY = "pick-place";
    public static final String ID = "PickPlace-v0";
    public static final double SUCCESS_DISTANCE = 0.07;
    /** Lift above the resting height from which the carry term counts, m. */
    public static final double LIFTED = 0.01;
    private double initialDistance;

    public PickPlaceEnv() {
        this(new PickPlaceTask(0.05, 0.05, -0.05, -0.05, 0.15));
    }

    public PickPlaceEnv(PickPlaceTask task) {
        this(task, false, DEFAULT_MAX_STEPS);
    }

    public PickPlaceEnv(PickPlaceTask task, boolean goalObserved, int maxEpisodeSteps) {
        super(ID, task, goalObserved, maxEpisodeSteps);
    }

    @Override
    protected void onEpisodeStart() {
        initialDistance = objectToGoal();
    }

    @Override
    protected boolean isSuccess() {
        return objectToGoal() < SUCCESS_DISTANCE;
    }

    @Override
    protected double reward(boolean success) {
        if (success) {
            return 10.0;
        }
        double reach = tolerance(gripToObject(), 0.01, 0.2);
        boolean grasped = grasped();
        double carried = grasped && liftHeight() >= LIFTED ? 1.0 : 0.0;
        return reach + (grasped ? 1.0 : 0.0) + 8.0 * carried * tolerance(objectToGoal(), 0.0, initialDistance);
    }
}

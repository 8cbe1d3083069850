package org.metarl4j.envs.navigation;

import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.envs.AbstractEnv;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Space;

/**
 * 2D point navigation, exactly as MAML (Finn et al. 2017, §5.3) and pytorch-maml-rl's {@code Navigation2DEnv}:
 * the agent starts at (0, 0) and observes only its position; an action is a displacement clipped to [-0.1, 0.1] per
 * coordinate; the reward is the negative (unsquared) distance to the goal after the move; the episode terminates when
 * both coordinates are within 0.01 of the goal (that step keeps its reward), and is truncated after 100 steps.
 */
public final class Navigation2DEnv extends AbstractEnv<NavigationTask> {
    public static final String ID = "Navigation2D-v0";
    /** Internal state layout of {@link #state()} and {@link #resetTo}: the position. */
    public static final List<String> STATE_NAMES = List.of("x", "y");
    public static final int DEFAULT_MAX_STEPS = 100;
    private static final double MAX_STEP = 0.1;
    private static final double GOAL_TOLERANCE = 0.01;
    private static final Box OBSERVATION_SPACE = Box.uniform(2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    private static final Box ACTION_SPACE = Box.uniform(2, -MAX_STEP, MAX_STEP);

    private double x;
    private double y;

    public Navigation2DEnv() {
        this(new NavigationTask(0.0, 0.0), DEFAULT_MAX_STEPS);
    }

    public Navigation2DEnv(NavigationTask task, int maxEpisodeSteps) {
        super(ID, maxEpisodeSteps);
        setTask(task);
    }

    @Override
    public Space observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Space actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    protected List<String> stateNames() {
        return STATE_NAMES;
    }

    @Override
    protected void restoreState(double[] state) {
        x = state[0];
        y = state[1];
    }

    /** The current position {@code [x, y]}. */
    @Override
    public double[] state() {
        return new double[] {x, y};
    }

    @Override
    protected void resetState(SplittableRandom rng) {
        x = 0.0;
        y = 0.0;
    }

    @Override
    protected double advance(double[] actions, int offset) {
        x += clip(actions[offset]);
        y += clip(actions[offset + 1]);
        double dx = x - task().goalX();
        double dy = y - task().goalY();
        return -Math.sqrt(dx * dx + dy * dy);
    }

    private static double clip(double a) {
        return Math.min(Math.max(a, -MAX_STEP), MAX_STEP);
    }

    @Override
    protected boolean isTerminal() {
        return Math.abs(x - task().goalX()) < GOAL_TOLERANCE && Math.abs(y - task().goalY()) < GOAL_TOLERANCE;
    }

    @Override
    protected void observe(double[] out, int offset) {
        out[offset] = x;
        out[offset + 1] = y;
    }
}

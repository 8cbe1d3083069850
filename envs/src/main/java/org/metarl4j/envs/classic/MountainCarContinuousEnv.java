package org.metarl4j.envs.classic;

import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.envs.AbstractEnv;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Space;

/**
 * The continuous mountain car (Moore 1990), with dynamics identical to gym 0.21's {@code MountainCarContinuous-v0}
 * ({@code gym/envs/classic_control/continuous_mountain_car.py}) when the task is {@link MountainCarTask#standard()}.
 *
 * <p>A car in a valley must drive up the right hill. State and observation are {@code [position, velocity]}; the
 * action is one force, clipped to [-1, 1]. One step:
 * <pre>
 *   velocity += force * power - 0.0025 cos(3 position);  velocity clipped to [-0.07, 0.07]
 *   position += velocity;                                 position clipped to [-1.2, 0.6]
 *   velocity = 0 if position hit the left wall (-1.2) with velocity < 0
 * </pre>
 * where {@code power} is the task's engine power (gym 0.0015). The episode terminates when
 * {@code position >= 0.45 and velocity >= 0}; the reward is 100 on that step, minus {@code 0.1 a^2} of the
 * <em>unclipped</em> action {@code a} on every step. Truncated after 999 steps by default. An episode starts at
 * {@code position ~ U(-0.6, -0.4)}, {@code velocity = 0}.
 *
 * <p>As in gym 0.21, the step arithmetic is in double precision from the current state but the state it stores is
 * rounded to float32 (gym keeps it in a {@code float32} array); a state given to {@link #resetTo} is used as given.
 */
public final class MountainCarContinuousEnv extends AbstractEnv<MountainCarTask> {
    /** Internal state layout of {@link #state()} and {@link #resetTo}. */
    public static final List<String> STATE_NAMES = List.of("position", "velocity");
    public static final String ID = "MountainCarContinuous-v0";
    public static final int DEFAULT_MAX_STEPS = 999;
    public static final double MIN_POSITION = -1.2;
    public static final double MAX_POSITION = 0.6;
    public static final double MAX_SPEED = 0.07;
    public static final double GOAL_POSITION = 0.45;
    public static final double GOAL_VELOCITY = 0.0;
    private static final Box OBSERVATION_SPACE = Box.of(
            new double[] {MIN_POSITION, -MAX_SPEED}, new double[] {MAX_POSITION, MAX_SPEED});
    private static final Box ACTION_SPACE = Box.uniform(1, -1.0, 1.0);

    private double position;
    private double velocity;
    private double power;
    private boolean reachedGoal;

    /** gym's MountainCarContinuous-v0: the standard task and a 999-step limit. */
    public MountainCarContinuousEnv() {
        this(MountainCarTask.standard(), DEFAULT_MAX_STEPS);
    }

    public MountainCarContinuousEnv(MountainCarTask task, int maxEpisodeSteps) {
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
    protected void onTaskSet(MountainCarTask task) {
        power = task.power();
    }

    @Override
    protected List<String> stateNames() {
        return STATE_NAMES;
    }

    @Override
    protected void restoreState(double[] state) {
        // Used as given (not rounded to float32), as the recorded gym transitions set it.
        position = state[0];
        velocity = state[1];
        reachedGoal = false;
    }

    /** A copy of the internal state {@code [position, velocity]}. */
    @Override
    public double[] state() {
        return new double[] {position, velocity};
    }

    @Override
    protected void resetState(SplittableRandom rng) {
        reachedGoal = false;
        position = -0.6 + 0.2 * rng.nextDouble();
        velocity = 0.0;
    }

    @Override
    protected double advance(double[] actions, int offset) {
        double action = actions[offset];
        double force = Math.min(Math.max(action, -1.0), 1.0);
        double p = position;
        double v = velocity;
        v += force * power - 0.0025 * Math.cos(3 * p);
        if (v > MAX_SPEED) {
            v = MAX_SPEED;
        }
        if (v < -MAX_SPEED) {
            v = -MAX_SPEED;
        }
        p += v;
        if (p > MAX_POSITION) {
            p = MAX_POSITION;
        }
        if (p < MIN_POSITION) {
            p = MIN_POSITION;
        }
        if (p == MIN_POSITION && v < 0) {
            v = 0.0;
        }
        reachedGoal = p >= GOAL_POSITION && v >= GOAL_VELOCITY;
        position = (float) p;
        velocity = (float) v;
        double reward = reachedGoal ? 100.0 : 0.0;
        return reward - action * action * 0.1;
    }

    @Override
    protected boolean isTerminal() {
        // Decided in advance() on the double values before the float32 rounding, as gym does.
        return reachedGoal;
    }

    @Override
    protected void observe(double[] out, int offset) {
        out[offset] = position;
        out[offset + 1] = velocity;
    }
}

package org.metarl4j.agents.rl4j;

import java.util.SplittableRandom;
import org.metarl4j.envs.AbstractEnv;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;
import org.metarl4j.envs.space.Space;

/**
 * A tiny discrete test env: cells 0..length-1 of a corridor, the goal at the right end. Action 0 moves left (a wall at
 * 0), action 1 moves right. The start cell is drawn uniformly from 0..length-2 with the reset generator. Reward 1 on
 * reaching the goal (which terminates), -0.01 per other step. Observation: (cell / (length-1), goal - cell); the
 * second coordinate is declared unbounded, to exercise the adapter's handling of infinite bounds. With
 * {@code cellObservation}, the observation is instead the cell index in a {@link Discrete}{@code (length)} space.
 */
final class CorridorEnv extends AbstractEnv<CorridorEnv.CorridorTask> {
    static final String ID = "Corridor-v0";

    /** The corridor's number of cells, at least 2. */
    record CorridorTask(int length) implements Task {
        @Override
        public void validate() {
            if (length < 2 || length > 1000) {
                throw new IllegalArgumentException("corridor: length must be in [2, 1000], got " + length);
            }
        }
    }

    private static final Space OBSERVATION_SPACE = Box.of(new double[] {0.0, Double.NEGATIVE_INFINITY},
            new double[] {1.0, Double.POSITIVE_INFINITY});
    private static final Space ACTION_SPACE = new Discrete(2);

    private final boolean cellObservation;
    private int cell;
    boolean closed;

    CorridorEnv() {
        this(6, 20);
    }

    CorridorEnv(int length, int maxEpisodeSteps) {
        this(length, maxEpisodeSteps, false);
    }

    CorridorEnv(int length, int maxEpisodeSteps, boolean cellObservation) {
        super(ID, maxEpisodeSteps);
        this.cellObservation = cellObservation;
        setTask(new CorridorTask(length));
    }

    @Override
    public Space observationSpace() {
        return cellObservation ? new Discrete(task().length()) : OBSERVATION_SPACE;
    }

    @Override
    public Space actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    protected void resetState(SplittableRandom rng) {
        cell = rng.nextInt(task().length() - 1);
    }

    @Override
    protected double advance(double[] actions, int offset) {
        cell = actions[offset] == 0 ? Math.max(0, cell - 1) : cell + 1;
        return isTerminal() ? 1.0 : -0.01;
    }

    @Override
    protected boolean isTerminal() {
        return cell == task().length() - 1;
    }

    @Override
    protected void observe(double[] out, int offset) {
        if (cellObservation) {
            out[offset] = cell;
            return;
        }
        int goal = task().length() - 1;
        out[offset] = cell / (double) goal;
        out[offset + 1] = goal - cell;
    }

    @Override
    public void close() {
        closed = true;
    }
}

package org.metarl4j.agents.testenv;

import java.util.SplittableRandom;
import org.metarl4j.envs.AbstractEnv;
import org.metarl4j.envs.SuccessAware;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Space;

/**
 * A 3-step test env that reports success at its last step only, as its task says: episode 0 after construction or
 * the latest task change succeeds iff {@code first}, later episodes iff {@code later}. Success on the very step that
 * ends the episode is what an auto-reset could erase before a reader sees it.
 */
public final class FlagEnv extends AbstractEnv<FlagEnv.FlagTask> implements SuccessAware {
    public static final int STEPS = 3;

    /** Which episodes succeed. */
    public record FlagTask(boolean first, boolean later) implements Task {
        @Override
        public void validate() {
        }
    }

    private static final Box SPACE = Box.uniform(2, -1.0, 1.0);
    private int episode;
    private FlagTask episodeTask;
    private int step;
    private boolean succeeded;

    public FlagEnv() {
        super("Flag-v0", STEPS);
        setTask(new FlagTask(false, false));
    }

    @Override
    public Space observationSpace() {
        return SPACE;
    }

    @Override
    public Space actionSpace() {
        return SPACE;
    }

    @Override
    protected void resetState(SplittableRandom rng) {
        // counts episodes since the task was set (setTask is final in AbstractEnv)
        episode = task() == episodeTask ? episode + 1 : 0;
        episodeTask = task();
        step = 0;
        succeeded = false;
    }

    @Override
    protected double advance(double[] actions, int offset) {
        step++;
        if (step == STEPS) {
            succeeded = episode == 0 ? task().first() : task().later();
        }
        return succeeded ? 1.0 : 0.0;
    }

    @Override
    protected boolean isTerminal() {
        return false;
    }

    @Override
    protected void observe(double[] out, int offset) {
        out[offset] = step;
        out[offset + 1] = episode;
    }

    @Override
    public boolean everSucceeded() {
        return succeeded;
    }
}

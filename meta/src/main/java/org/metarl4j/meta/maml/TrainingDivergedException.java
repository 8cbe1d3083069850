package org.metarl4j.meta.maml;

/** Training produced a non-finite loss, gradient or parameter; names the iteration and what went wrong. */
public final class TrainingDivergedException extends IllegalStateException {
    private final int iteration;

    public TrainingDivergedException(int iteration, String what) {
        super("training diverged at iteration " + iteration + ": " + what);
        this.iteration = iteration;
    }

    public int iteration() {
        return iteration;
    }
}

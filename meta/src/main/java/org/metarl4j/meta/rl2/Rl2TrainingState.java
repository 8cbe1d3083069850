package org.metarl4j.meta.rl2;

/**
 * Where RL² training (Duan et al. 2016, trained here with PPO) stands between two iterations: everything
 * {@link Rl2Ppo#train(Rl2TrainingState, Rl2Ppo.StateListener)} needs to continue exactly as an uninterrupted run
 * would. Iteration i draws its tasks and trials from (seed, i) only, so the parameters, Adam's moment estimates and a
 * recurrent baseline's network are the whole state; Adam's step count follows from the iteration
 * ({@code nextIteration × epochs}).
 *
 * @param nextIteration the first iteration still to run (0 at the start)
 * @param theta the policy parameters after iteration {@code nextIteration − 1}
 * @param adamState ND4J Adam's state view: the first moments of every parameter, then the second moments
 *     ({@code 2 × theta.length} numbers)
 * @param baselineState {@link Rl2Baseline#RECURRENT}'s network: its parameters, then its Adam moments; empty for the
 *     other baselines and before the first iteration
 */
public record Rl2TrainingState(int nextIteration, double[] theta, double[] adamState, double[] baselineState) {

    public Rl2TrainingState {
        if (nextIteration < 0) {
            throw new IllegalArgumentException("nextIteration must be >= 0, got " + nextIteration);
        }
        if (adamState.length != 2 * theta.length) {
            throw new IllegalArgumentException("Adam's state has " + adamState.length + " entries; "
                    + theta.length + " parameters need " + 2 * theta.length);
        }
        theta = theta.clone();
        adamState = adamState.clone();
        baselineState = baselineState.clone();
    }

    /** Without a recurrent baseline. */
    public Rl2TrainingState(int nextIteration, double[] theta, double[] adamState) {
        this(nextIteration, theta, adamState, new double[0]);
    }

    /** Before the first iteration: {@code theta} and zero moments. */
    public static Rl2TrainingState start(double[] theta) {
        return new Rl2TrainingState(0, theta, new double[2 * theta.length]);
    }

    /**
     * The state a checkpoint's optimizer state ({@link #optimizerState()}) describes: Adam's moments, then any
     * baseline network.
     */
    public static Rl2TrainingState fromOptimizerState(int nextIteration, double[] theta, double[] optimizerState) {
        int adam = 2 * theta.length;
        if (optimizerState.length < adam) {
            throw new IllegalArgumentException("the optimizer state has " + optimizerState.length + " entries; "
                    + theta.length + " parameters need at least " + adam);
        }
        return new Rl2TrainingState(nextIteration, theta, java.util.Arrays.copyOf(optimizerState, adam),
                java.util.Arrays.copyOfRange(optimizerState, adam, optimizerState.length));
    }

    /** Everything but the policy's parameters, in one array for checkpoints: Adam's moments, then the baseline's. */
    public double[] optimizerState() {
        double[] all = java.util.Arrays.copyOf(adamState, adamState.length + baselineState.length);
        System.arraycopy(baselineState, 0, all, adamState.length, baselineState.length);
        return all;
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    @Override
    public double[] adamState() {
        return adamState.clone();
    }

    @Override
    public double[] baselineState() {
        return baselineState.clone();
    }
}

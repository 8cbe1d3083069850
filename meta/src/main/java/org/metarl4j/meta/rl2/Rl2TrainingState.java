package org.metarl4j.meta.rl2;

/**
 * Where RL² training (Duan et al. 2016, trained here with PPO) stands between two iterations: everything
 * {@link Rl2Ppo#train(Rl2TrainingState, Rl2Ppo.StateListener)} needs to continue exactly as an uninterrupted run
 * would. Iteration i draws its tasks and trials from (seed, i) only, so the parameters and Adam's moment estimates
 * are the whole state; Adam's step count follows from the iteration ({@code nextIteration × epochs}).
 *
 * @param nextIteration the first iteration still to run (0 at the start)
 * @param theta the policy parameters after iteration {@code nextIteration − 1}
 * @param adamState ND4J Adam's state view: the first moments of every parameter, then the second moments
 *     ({@code 2 × theta.length} numbers)
 */
public record Rl2TrainingState(int nextIteration, double[] theta, double[] adamState) {

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
    }

    /** Before the first iteration: {@code theta} and zero moments. */
    public static Rl2TrainingState start(double[] theta) {
        return new Rl2TrainingState(0, theta, new double[2 * theta.length]);
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    @Override
    public double[] adamState() {
        return adamState.clone();
    }
}

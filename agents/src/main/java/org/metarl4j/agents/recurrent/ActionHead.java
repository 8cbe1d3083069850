package org.metarl4j.agents.recurrent;

import java.util.SplittableRandom;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;
import org.metarl4j.envs.space.Space;

/**
 * The action distribution on top of a recurrent policy: a linear layer gives {@link #outputs()} numbers per step
 * (logits, or means), the head may own {@link #extraParameters()} more (a state-independent log-std), and it says how
 * the previous action is fed back to the core. PPO needs only {@link #evaluate}: the log-probability of a taken
 * action, the entropy, and their derivatives.
 */
public sealed interface ActionHead permits CategoricalHead, GaussianHead {

    /** The head for an env's action space: categorical for Discrete, diagonal Gaussian for Box. */
    static ActionHead forSpace(Space actionSpace) {
        if (actionSpace instanceof Discrete d) {
            return new CategoricalHead(d.n());
        }
        return new GaussianHead(((Box) actionSpace).flatDim()); // Space is sealed: Discrete or Box

    }

    /** Width of the linear layer's output per step. */
    int outputs();

    /** Parameters the head owns besides the linear layer (appended after the value head). */
    int extraParameters();

    /** The extra parameters' initial values. */
    double[] initialExtraParameters();

    /** Numbers per action as the env takes it (1: an index; D: a vector). */
    int actionDim();

    /** Numbers the previous action takes in the core's input. */
    int encodedActionSize();

    /** Writes the encoding of {@code action} (read from {@code actionOffset}) into {@code out} at {@code offset}. */
    void encodeAction(double[] action, int actionOffset, double[] out, int offset);

    /**
     * Draws an action for one row of outputs, writes it to {@code actionOut} at {@code actionOffset} and returns its
     * log-probability.
     */
    double sample(double[] output, double[] extra, SplittableRandom rng, double[] actionOut, int actionOffset);

    /** log π(a), the entropy H, and ∂/∂output, ∂/∂extra of both, for one row. */
    record Terms(double logProb, double entropy, double[] dLogProbDOutput, double[] dLogProbDExtra,
                 double[] dEntropyDOutput, double[] dEntropyDExtra) {
    }

    Terms evaluate(double[] output, double[] extra, double[] action, int actionOffset);
}

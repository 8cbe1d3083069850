package org.metarl4j.agents.policy;

/** Hidden-layer nonlinearity of an {@link MlpShape}; the output layer is always linear. */
public enum Activation {
    /** tanh(z); f' = 1 − h², f'' = −2h(1 − h²) with h = tanh(z). */
    TANH,
    /** max(z, 0); f' = 1[z > 0] (0 at the kink), f'' = 0. */
    RELU
}

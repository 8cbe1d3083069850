package org.metarl4j.meta.rl2;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What the advantages of an RL² PPO update subtract.
 *
 * <ul>
 *   <li>{@link #VALUE_HEAD}: the policy's own value head V(h_t), trained with the squared error on the shared
 *       recurrent core (as PPO with a shared torso).
 *   <li>{@link #LINEAR}: a ridge regression refitted on every batch ({@link LinearBaseline}), as RL²'s rllab code and
 *       garage's RL2 examples do; the value head is then left untrained and the core gets the policy's gradient only.
 *   <li>{@link #RECURRENT}: that linear fit plus a separate recurrent network ({@link RecurrentBaseline}, RL²'s
 *       baseline was an RNN of its own) that learns what the trial's history adds to it; the policy's core again
 *       gets the policy's gradient only. The only baseline that sees what the agent has learnt about its task, which
 *       GAE with a small λ needs.
 * </ul>
 */
public enum Rl2Baseline {
    VALUE_HEAD, LINEAR, RECURRENT;

    /** The name configs use: {@code value-head}, {@code linear}, {@code recurrent}. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package org.metarl4j.envs.bandit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.Task;

/**
 * A Bernoulli multi-armed bandit task (RL² §3.1): arm i pays 1 with probability {@code armProbabilities[i]}, else 0.
 * Immutable: the array is copied in and out.
 */
public record BanditTask(@JsonProperty("armProbabilities") double[] armProbabilities) implements Task {
    public static final ParameterRange PROBABILITY = new ParameterRange("armProbabilities[i]", 0.0, 1.0);

    @JsonCreator
    public BanditTask {
        armProbabilities = armProbabilities == null ? null : armProbabilities.clone();
    }

    @Override
    public double[] armProbabilities() {
        return armProbabilities.clone();
    }

    /** Number of arms k. */
    public int arms() {
        return armProbabilities.length;
    }

    /** Probability of arm {@code i} without copying. */
    public double probability(int i) {
        return armProbabilities[i];
    }

    @Override
    public void validate() {
        if (armProbabilities == null || armProbabilities.length == 0) {
            throw new IllegalArgumentException("bernoulli-bandit parameter armProbabilities must have at least one arm");
        }
        for (int i = 0; i < armProbabilities.length; i++) {
            if (!PROBABILITY.contains(armProbabilities[i])) {
                throw new IllegalArgumentException("bernoulli-bandit parameter armProbabilities[" + i + "] = "
                        + armProbabilities[i] + " is out of range: allowed [0.0, 1.0]");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BanditTask t && Arrays.equals(armProbabilities, t.armProbabilities);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(armProbabilities);
    }

    @Override
    public String toString() {
        return "BanditTask" + Arrays.toString(armProbabilities);
    }
}

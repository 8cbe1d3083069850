package org.metarl4j.envs.tabular;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import org.metarl4j.envs.Task;

/**
 * A tabular MDP task (RL² §3.2): transition probabilities {@code transitions[s][a][s']} and mean rewards
 * {@code rewardMeans[s][a]}; the reward of taking a in s is drawn from N(rewardMeans[s][a], 1). Immutable: arrays are
 * deep-copied in and out.
 */
public record TabularMdpTask(@JsonProperty("transitions") double[][][] transitions,
                             @JsonProperty("rewardMeans") double[][] rewardMeans) implements Task {
    private static final double ROW_SUM_TOLERANCE = 1e-6;

    @JsonCreator
    public TabularMdpTask {
        transitions = deepCopy(transitions);
        rewardMeans = deepCopy(rewardMeans);
    }

    @Override
    public double[][][] transitions() {
        return deepCopy(transitions);
    }

    @Override
    public double[][] rewardMeans() {
        return deepCopy(rewardMeans);
    }

    @JsonIgnore
    public int numStates() {
        return rewardMeans.length;
    }

    @JsonIgnore
    public int numActions() {
        return rewardMeans[0].length;
    }

    /** P(s' | s, a) without copying. */
    public double transition(int s, int a, int next) {
        return transitions[s][a][next];
    }

    /** Mean reward of (s, a) without copying. */
    public double rewardMean(int s, int a) {
        return rewardMeans[s][a];
    }

    @Override
    public void validate() {
        if (transitions == null || rewardMeans == null || rewardMeans.length == 0 || rewardMeans[0] == null
                || rewardMeans[0].length == 0) {
            throw new IllegalArgumentException("tabular-mdp task needs non-empty transitions and rewardMeans");
        }
        int states = rewardMeans.length;
        int actions = rewardMeans[0].length;
        if (transitions.length != states) {
            throw new IllegalArgumentException("tabular-mdp parameter transitions has " + transitions.length
                    + " states but rewardMeans has " + states);
        }
        for (int s = 0; s < states; s++) {
            if (rewardMeans[s] == null || rewardMeans[s].length != actions
                    || transitions[s] == null || transitions[s].length != actions) {
                throw new IllegalArgumentException("tabular-mdp state " + s + " must have " + actions + " actions");
            }
            for (int a = 0; a < actions; a++) {
                if (!Double.isFinite(rewardMeans[s][a])) {
                    throw new IllegalArgumentException("tabular-mdp parameter rewardMeans[" + s + "][" + a + "] = "
                            + rewardMeans[s][a] + " is out of range: allowed finite values");
                }
                checkDistribution(s, a, transitions[s][a], states);
            }
        }
    }

    private static void checkDistribution(int s, int a, double[] row, int states) {
        if (row == null || row.length != states) {
            throw new IllegalArgumentException("tabular-mdp parameter transitions[" + s + "][" + a + "] must have "
                    + states + " entries");
        }
        double sum = 0;
        for (int j = 0; j < states; j++) {
            if (!(row[j] >= 0.0 && row[j] <= 1.0)) {
                throw new IllegalArgumentException("tabular-mdp parameter transitions[" + s + "][" + a + "][" + j
                        + "] = " + row[j] + " is out of range: allowed [0.0, 1.0]");
            }
            sum += row[j];
        }
        if (Math.abs(sum - 1.0) > ROW_SUM_TOLERANCE) {
            throw new IllegalArgumentException("tabular-mdp parameter transitions[" + s + "][" + a + "] sums to "
                    + sum + "; a probability distribution must sum to 1 (tolerance " + ROW_SUM_TOLERANCE + ")");
        }
    }

    private static double[][] deepCopy(double[][] a) {
        if (a == null) {
            return null;
        }
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] == null ? null : a[i].clone();
        }
        return c;
    }

    private static double[][][] deepCopy(double[][][] a) {
        if (a == null) {
            return null;
        }
        double[][][] c = new double[a.length][][];
        for (int i = 0; i < a.length; i++) {
            c[i] = deepCopy(a[i]);
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TabularMdpTask t && Arrays.deepEquals(transitions, t.transitions)
                && Arrays.deepEquals(rewardMeans, t.rewardMeans);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(transitions) + Arrays.deepHashCode(rewardMeans);
    }

    @Override
    public String toString() {
        return "TabularMdpTask[" + (rewardMeans == null ? "?" : rewardMeans.length) + " states]";
    }
}

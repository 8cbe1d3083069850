package org.metarl4j.experiments.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metarl4j.experiments.config.Rl2Settings;

/**
 * The published rows of RL² (Duan et al. 2016, "RL²: Fast Reinforcement Learning via Slow Reinforcement Learning",
 * arXiv:1611.02779), so that a run's eval.json puts our numbers beside the paper's: Table 1 (Bernoulli bandits, total
 * reward over n pulls, mean over 1000 tasks; columns Random, Gittins, UCB1, TS, RL²) and Table 2 (tabular MDPs with
 * 10 states, 5 actions and T = 10, total reward over n episodes; columns Random, PSRL, OPSRL, UCRL2, BEB, RL²).
 * Copied from the project's reference notes ({@code shared/reference/tasks-and-anchors.md}).
 */
final class Rl2PaperFigures {
    private static final List<String> BANDIT_COLUMNS = List.of("Random", "Gittins", "UCB1", "TS", "RL2");
    /** n, k, then the columns. */
    private static final double[][] TABLE_1 = {
        {10, 5, 5.0, 6.6, 6.7, 5.7, 6.7},
        {10, 10, 5.0, 6.6, 6.7, 5.5, 6.7},
        {10, 50, 5.1, 6.5, 6.6, 5.2, 6.8},
        {100, 5, 49.9, 78.3, 78.0, 74.7, 78.7},
        {100, 10, 49.9, 82.8, 82.4, 76.7, 83.5},
        {100, 50, 49.8, 85.2, 84.3, 64.5, 84.9},
        {500, 5, 249.8, 405.8, 405.8, 402.0, 401.6},
        {500, 10, 249.0, 437.8, 437.1, 429.5, 432.5},
        {500, 50, 249.6, 463.7, 457.6, 427.2, 438.9}};
    private static final List<String> TABULAR_COLUMNS = List.of("Random", "PSRL", "OPSRL", "UCRL2", "BEB", "RL2");
    /** n, then the columns. */
    private static final double[][] TABLE_2 = {
        {10, 100.1, 138.1, 144.1, 146.6, 150.2, 156.2},
        {25, 250.2, 408.8, 425.2, 424.1, 427.8, 445.7},
        {50, 499.7, 904.4, 930.7, 918.9, 917.8, 936.1},
        {75, 749.9, 1417.1, 1449.2, 1427.6, 1422.6, 1428.8},
        {100, 999.4, 1939.5, 1973.9, 1942.1, 1935.1, 1913.7}};
    /** The column of RL² itself. */
    static final String RL2 = "RL2";

    private Rl2PaperFigures() {
    }

    /**
     * A row of the paper.
     *
     * @param source table and row, e.g. "Duan et al. 2016 (RL²), Table 1, n = 10, k = 5"
     * @param figures column name (e.g. "UCB1", "RL2") to total reward per trial
     */
    record Row(String source, Map<String, Double> figures) {
    }

    /** The paper's row for {@code family} with n episodes (and k arms for bandits), if the paper has one. */
    static Optional<Row> row(String family, int arms, int episodesPerTrial) {
        if (family.equals(Rl2Settings.BANDIT)) {
            for (double[] r : TABLE_1) {
                if (r[0] == episodesPerTrial && r[1] == arms) {
                    return Optional.of(new Row("Duan et al. 2016 (RL²), Table 1, n = " + episodesPerTrial + ", k = "
                            + arms, figures(BANDIT_COLUMNS, r, 2)));
                }
            }
        } else if (family.equals("tabular-mdp")) {
            for (double[] r : TABLE_2) {
                if (r[0] == episodesPerTrial) {
                    return Optional.of(new Row("Duan et al. 2016 (RL²), Table 2, n = " + episodesPerTrial,
                            figures(TABULAR_COLUMNS, r, 1)));
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, Double> figures(List<String> columns, double[] row, int offset) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            out.put(columns.get(c), row[offset + c]);
        }
        return out;
    }
}

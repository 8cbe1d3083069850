package org.metarl4j.experiments.trials;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.metarl4j.agents.trial.BanditBaselines;
import org.metarl4j.agents.trial.TabularBaselines;
import org.metarl4j.agents.trial.TrialRunner;
import org.metarl4j.agents.trial.TrialScore;
import org.metarl4j.envs.bandit.BanditTask;
import org.metarl4j.envs.bandit.BanditTaskDistribution;
import org.metarl4j.envs.bandit.BernoulliBanditEnv;
import org.metarl4j.envs.tabular.TabularMdpEnv;
import org.metarl4j.envs.tabular.TabularMdpTask;
import org.metarl4j.envs.tabular.TabularMdpTaskDistribution;
import org.metarl4j.experiments.results.RunDirectory;

/**
 * The reference rows of RL²'s Tables 1-2 computed by this framework's trial evaluation (the code the learned
 * policies will be scored with): bandits (n, k) ∈ {(10, 5), (10, 10), (100, 5), (100, 10)} with random, UCB1 and
 * Thompson sampling; tabular MDPs n ∈ {10, 25} with random actions and value iteration on the true MDP. 1000 fresh
 * tasks each, total reward per trial, 95% intervals, RL²'s published figures alongside. Writes
 * {@code results/rl2-baselines/<date-time>-s<seed>/baselines.csv}.
 */
public final class BaselineTables {
    /** One table row: what was measured and RL²'s figure for it (NaN where the paper has none). */
    public record Row(String table, String setting, TrialScore score, double published) {
    }

    private BaselineTables() {
    }

    public static void main(String[] args) {
        run(1000, 1, Path.of("results"), System.out);
    }

    public static List<Row> run(int tasks, long seed, Path root, PrintStream out) {
        List<Row> rows = new ArrayList<>();
        // RL² Table 1 (Random, UCB1, TS) and Table 2 (Random) figures, ../shared/reference/tasks-and-anchors.md
        int[][] bandits = {{10, 5}, {10, 10}, {100, 5}, {100, 10}};
        double[][] published = {{5.0, 6.7, 5.7}, {5.0, 6.7, 5.5}, {49.9, 78.0, 74.7}, {49.9, 82.4, 76.7}};
        for (int b = 0; b < bandits.length; b++) {
            int n = bandits[b][0];
            int k = bandits[b][1];
            TrialRunner<BanditTask> runner = new TrialRunner<>(() -> new BernoulliBanditEnv(k));
            BanditTaskDistribution distribution = new BanditTaskDistribution(k);
            String setting = "n=" + n + ", k=" + k;
            rows.add(new Row("bandit", setting, runner.evaluate(BanditBaselines.random(k), distribution, tasks, n,
                    seed), published[b][0]));
            rows.add(new Row("bandit", setting, runner.evaluate(BanditBaselines.ucb1(k, Math.sqrt(2)), distribution,
                    tasks, n, seed), published[b][1]));
            rows.add(new Row("bandit", setting, runner.evaluate(BanditBaselines.thompson(k), distribution, tasks, n,
                    seed), published[b][2]));
        }
        TrialRunner<TabularMdpTask> tabular = new TrialRunner<>(() -> new TabularMdpEnv(10, 5));
        TabularMdpTaskDistribution mdps = new TabularMdpTaskDistribution(10, 5);
        int[] trials = {10, 25};
        double[] randomPublished = {100.1, 250.2};
        for (int i = 0; i < trials.length; i++) {
            String setting = "n=" + trials[i];
            rows.add(new Row("tabular", setting, tabular.evaluate(TabularBaselines.random(5), mdps, tasks, trials[i],
                    seed), randomPublished[i]));
            rows.add(new Row("tabular", setting, tabular.evaluate(TabularBaselines.valueIterationOracle(
                    TabularMdpEnv.DEFAULT_HORIZON), mdps, tasks, trials[i], seed), Double.NaN));
        }
        StringBuilder csv = new StringBuilder("table,setting,policy,tasks,mean,ci95,published\n");
        out.printf(Locale.ROOT, "%-8s %-14s %-28s %16s %10s%n", "table", "setting", "policy", "ours (95% CI)", "RL²");
        for (Row r : rows) {
            TrialScore s = r.score();
            out.printf(Locale.ROOT, "%-8s %-14s %-28s %9.1f ± %4.1f %10s%n", r.table(), r.setting(), s.policy(),
                    s.mean(), s.ci95(), Double.isNaN(r.published()) ? "—" : String.format(Locale.ROOT, "%.1f",
                            r.published()));
            csv.append(String.format(Locale.ROOT, "%s,\"%s\",\"%s\",%d,%.4f,%.4f,%s%n", r.table(), r.setting(),
                    s.policy(), s.trials(), s.mean(), s.ci95(), Double.isNaN(r.published()) ? ""
                            : Double.toString(r.published())));
        }
        RunDirectory dir = RunDirectory.create(root, "rl2-baselines", seed);
        dir.writeText("baselines.csv", csv.toString());
        out.println("results: " + dir.path().toAbsolutePath());
        return rows;
    }
}

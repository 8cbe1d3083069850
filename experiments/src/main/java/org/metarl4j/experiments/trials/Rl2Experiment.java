package org.metarl4j.experiments.trials;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.metarl4j.agents.Nd4jThreads;
import org.metarl4j.agents.recurrent.GruCore;
import org.metarl4j.agents.recurrent.LstmCore;
import org.metarl4j.agents.recurrent.MannCore;
import org.metarl4j.agents.recurrent.RecurrentCore;
import org.metarl4j.agents.recurrent.Rl2Policy;
import org.metarl4j.agents.trial.TrialRunner;
import org.metarl4j.agents.trial.TrialScore;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.TaskDistribution;
import org.metarl4j.envs.bandit.BanditTask;
import org.metarl4j.envs.bandit.BanditTaskDistribution;
import org.metarl4j.envs.bandit.BernoulliBanditEnv;
import org.metarl4j.envs.tabular.TabularMdpEnv;
import org.metarl4j.envs.tabular.TabularMdpTask;
import org.metarl4j.envs.tabular.TabularMdpTaskDistribution;
import org.metarl4j.experiments.results.RunDirectory;
import org.metarl4j.experiments.run.RunLog;
import org.metarl4j.meta.rl2.Rl2Config;
import org.metarl4j.meta.rl2.Rl2Ppo;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * RL² (GRU, PPO) on Bernoulli bandits or tabular MDPs, then the total reward per trial on 1000 fresh tasks. Args:
 * {@code bandit <n> <k> [iterations]} or {@code tabular <n> [iterations]}. Writes
 * {@code results/rl2-<setting>/<date-time>-s1/} (progress.csv, eval.json, theta.json, config.json).
 */
public final class Rl2Experiment {
    private Rl2Experiment() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: Rl2Experiment bandit <n> <k> [iterations [gru|lstm|mann]]"
                    + " | tabular <n> [iterations [gru|lstm|mann]]");
            System.exit(2);
        }
        Nd4jThreads.configure();
        if (args[0].equals("bandit")) {
            int n = Integer.parseInt(args[1]);
            int k = Integer.parseInt(args[2]);
            Rl2Config config = withIterations(Rl2Config.defaults(n), args.length > 3 ? Integer.parseInt(args[3]) : 500);
            String core = args.length > 4 ? args[4] : "gru";
            run("rl2-" + core + "-bandit-n" + n + "-k" + k, config, core, 1, k, () -> new BernoulliBanditEnv(k),
                    new BanditTaskDistribution(k), Path.of("results"), System.out);
        } else {
            int n = Integer.parseInt(args[1]);
            Rl2Config config = withIterations(Rl2Config.defaults(n), args.length > 2 ? Integer.parseInt(args[2]) : 500);
            String core = args.length > 3 ? args[3] : "gru";
            run("rl2-" + core + "-tabular-n" + n, config, core, 10, 5, () -> new TabularMdpEnv(10, 5),
                    new TabularMdpTaskDistribution(10, 5), Path.of("results"), System.out);
        }
    }

    static Rl2Config withIterations(Rl2Config c, int iterations) {
        return new Rl2Config(c.seed(), iterations, c.trialsPerBatch(), c.episodesPerTrial(), c.hiddenSize(), c.gamma(),
                c.gaeLambda(), c.clip(), c.epochs(), c.learningRate(), c.entropyCoefficient(), c.valueCoefficient(),
                c.maxGradientNorm());
    }

    public static <T extends Task> TrialScore run(String name, Rl2Config config, String core, int observationDim,
                                                  int actions,
                                                  Supplier<? extends Env<T>> envs, TaskDistribution<T> tasks,
                                                  Path root, PrintStream out) {
        RunDirectory dir = RunDirectory.create(root, name, config.seed());
        dir.writeJson("config.json", config);
        int in = Rl2Policy.inputSize(observationDim, actions);
        RecurrentCore memory = switch (core) {
            case "gru" -> new GruCore(in, config.hiddenSize(), DataType.FLOAT);
            case "lstm" -> new LstmCore(in, config.hiddenSize(), DataType.FLOAT);
            case "mann" -> new MannCore(in, DataType.FLOAT);
            default -> throw new IllegalArgumentException("core must be gru, lstm or mann, got " + core);
        };
        Rl2Policy<T> policy = new Rl2Policy<>(observationDim, actions, memory, DataType.FLOAT);
        Rl2Ppo<T> ppo = new Rl2Ppo<>(config, policy, envs, tasks);
        double[] theta;
        try (RunLog csv = RunLog.create(dir.resolve("progress.csv"),
                "iteration,mean_trial_return,loss,entropy,approx_kl,seconds")) {
            theta = ppo.train(policy.initialParameters(new SplittableRandom(config.seed())), (log, params) -> {
                csv.append(String.format(Locale.ROOT, "%d,%.4f,%.6f,%.4f,%.6f,%.3f", log.iteration(),
                        log.meanTrialReturn(), log.loss(), log.entropy(), log.approxKl(), log.seconds()));
                if (log.iteration() % 25 == 0 || log.iteration() == config.iterations() - 1) {
                    out.printf(Locale.ROOT, "[%s] iteration %d/%d  trial return %.2f  entropy %.3f  %.2f s%n", name,
                            log.iteration() + 1, config.iterations(), log.meanTrialReturn(), log.entropy(),
                            log.seconds());
                }
            });
        }
        dir.writeJson("theta.json", Map.of("parameters", theta));
        policy.setParameters(theta);
        TrialScore score = new TrialRunner<T>(envs).evaluate(policy, tasks, 1000, config.episodesPerTrial(),
                config.seed() + 1_000_003L);
        dir.writeJson("eval.json", score);
        out.printf(Locale.ROOT, "[%s] 1000 fresh tasks: total reward per trial %.2f ± %.2f (per episode %s); results %s%n",
                name, score.mean(), score.ci95(), java.util.Arrays.toString(score.episodeMeans()),
                dir.path().toAbsolutePath());
        return score;
    }
}

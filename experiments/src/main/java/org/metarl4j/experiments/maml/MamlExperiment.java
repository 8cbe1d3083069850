package org.metarl4j.experiments.maml;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.metarl4j.agents.Nd4jThreads;
import org.metarl4j.agents.policy.BatchedPolicy;
import org.metarl4j.agents.policy.TaskParallelPolicy;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.experiments.results.RunDirectory;
import org.metarl4j.meta.maml.Evaluation;
import org.metarl4j.meta.maml.IterationLog;
import org.metarl4j.meta.maml.MamlConfig;
import org.metarl4j.meta.maml.MamlTrainer;
import org.metarl4j.meta.maml.TrainingDivergedException;

/**
 * MAML-RL on one task family, one run per seed: trains, writes {@code progress.csv} (flushed every iteration),
 * evaluates on fresh tasks (returns before and after 1 … K adaptation steps, 95% CIs) into {@code eval.json}, and
 * plots the learning curve. {@code main} runs pytorch-maml-rl's 2D-navigation configuration.
 */
public final class MamlExperiment {
    private MamlExperiment() {
    }

    public static void main(String[] args) {
        run(MamlConfig.navigation2d(), Path.of("results"), System.out);
    }

    /** The outcome of one seed. */
    public record RunResult(long seed, Path directory, double[] theta, Evaluation evaluation) {
    }

    public static RunResult run(MamlConfig config, Path resultsRoot, PrintStream log) {
        Nd4jThreads.configure();
        return runFamily(config, EnvFamilies.byName(config.family()), resultsRoot, log);
    }

    private static <T extends Task> RunResult runFamily(MamlConfig config, EnvFamily<T> family, Path root,
                                                        PrintStream log) {
        String experiment = "maml-" + config.family();
        RunDirectory run = RunDirectory.create(root, experiment, config.seed());
        run.writeJson("config.json", config);
        BatchedPolicy policy = Policies.forFamily(family, config);
        List<IterationLog> logs = new ArrayList<>();
        try (MamlTrainer<T> trainer = new MamlTrainer<>(config, family, policy);
             ProgressCsv csv = new ProgressCsv(run.resolve("progress.csv"))) {
            double[] theta = trainer.initialParameters();
            try {
                theta = trainer.train(theta, (it, params) -> {
                    csv.append(it);
                    logs.add(it);
                    log.printf(Locale.ROOT, "[%s s%d] iteration %d/%d  return before %.2f  after %.2f  "
                                    + "kl %.2e  %.2f s%n", experiment, config.seed(), it.iteration() + 1,
                            config.iterations(), it.returnBefore(), it.returnAfter(), it.step().kl(),
                            it.samplingSeconds() + it.updateSeconds());
                });
            } catch (TrainingDivergedException e) {
                run.writeJson("error.json", Map.of("error", e.getMessage(), "iteration", e.iteration()));
                throw e;
            } finally {
                plot(config, logs, run);
            }
            run.writeJson("theta.json", Map.of("parameters", theta));
            Evaluation evaluation = trainer.evaluate(theta, config.seed() + 1_000_003L);
            run.writeJson("eval.json", evaluation);
            log.printf(Locale.ROOT, "[%s s%d] evaluation on %d fresh tasks: before %.2f ± %.2f, after 1 step "
                            + "%.2f ± %.2f%n", experiment, config.seed(), evaluation.tasks(), evaluation.before(),
                    evaluation.ci95()[0], evaluation.after(), evaluation.ci95()[1]);
            log.println("results: " + run.path().toAbsolutePath());
            return new RunResult(config.seed(), run.path(), theta, evaluation);
        } finally {
            if (policy instanceof TaskParallelPolicy workers) {
                workers.close();
            }
        }
    }

    private static void plot(MamlConfig config, List<IterationLog> logs, RunDirectory run) {
        if (logs.isEmpty()) {
            return;
        }
        try {
            LearningCurvePlot.write("MAML-" + config.outer().toUpperCase(Locale.ROOT) + " on " + config.family()
                    + " (seed " + config.seed() + ")", logs, run.resolve("learning_curve"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the learning curve: " + e.getMessage(), e);
        }
    }
}

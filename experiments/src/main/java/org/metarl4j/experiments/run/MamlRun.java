package org.metarl4j.experiments.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.metarl4j.agents.Nd4jThreads;
import org.metarl4j.agents.policy.BatchedPolicy;
import org.metarl4j.agents.policy.TaskParallelPolicy;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.experiments.config.ConfigLoader;
import org.metarl4j.experiments.config.ExperimentConfig;
import org.metarl4j.experiments.plots.AdaptationCurvePlot;
import org.metarl4j.experiments.plots.LearningCurvePlot;
import org.metarl4j.experiments.results.RunDirectory;
import org.metarl4j.meta.maml.Evaluation;
import org.metarl4j.meta.maml.IterationLog;
import org.metarl4j.meta.maml.MamlConfig;
import org.metarl4j.meta.maml.MamlTrainer;
import org.metarl4j.meta.maml.TrainingDivergedException;
import org.metarl4j.meta.optim.OuterStep;

/**
 * One MAML run (one seed) in its results folder: trains with per-iteration logs, periodic evaluations and
 * checkpoints, then evaluates on fresh tasks and plots. {@link #resume} continues a killed run from its last
 * checkpoint so that its files end up equal to an uninterrupted run's.
 *
 * <p>Files: {@code config.json} (resolved, this seed only), {@code provenance.json}, {@code progress.csv} (the
 * deterministic per-iteration numbers), {@code timings.csv} (wall time and phase seconds), {@code metrics.jsonl}
 * (both, plus evaluations), {@code evaluations.csv} (periodic, fresh tasks), {@code checkpoints/},
 * {@code theta.json}, {@code eval.json}, {@code learning_curve.png/svg}, {@code adaptation_curve.png/svg}, and
 * {@code error.json} if training diverged.
 */
public final class MamlRun {
    static final String PROGRESS_HEADER = "iteration,env_steps,return_before,return_after,loss_before,loss_after,kl,"
            + "line_search_steps,gradient_norm";
    static final String TIMINGS_HEADER = "iteration,wall_seconds,sampling_seconds,update_seconds,gradient_seconds,"
            + "curvature_seconds,line_search_seconds";
    static final String EVALUATIONS_HEADER = "iteration,tasks,return_before,ci95_before,return_after,ci95_after";
    /** Offset of the final evaluation's task seed from the run's seed (fresh tasks, never the training ones). */
    static final long FINAL_EVAL_SEED_OFFSET = 1_000_003L;

    /** The outcome of one run. */
    public record Result(long seed, Path directory, double[] theta, Evaluation evaluation) {
    }

    private MamlRun() {
    }

    /** Starts a new run of {@code config}'s first seed under {@code root}/{@code config.name()}/. */
    public static Result start(ExperimentConfig config, Path root, Progress progress, List<String> commandLine) {
        long seed = config.seeds().get(0);
        ExperimentConfig single = config.withSeeds(List.of(seed));
        RunDirectory dir = RunDirectory.create(root, config.name(), seed);
        dir.writeText("config.json", ConfigLoader.toJson(single));
        dir.writeJson("provenance.json", Provenance.describe(commandLine));
        return execute(dir, single, Optional.empty(), progress);
    }

    /** Continues the run in {@code runDirectory} from its latest checkpoint (or from the start if it has none). */
    public static Result resume(Path runDirectory, Progress progress, List<String> commandLine) {
        ExperimentConfig config = runConfig(runDirectory);
        if (Files.exists(runDirectory.resolve("eval.json"))) {
            throw new IllegalArgumentException(runDirectory + " has finished (eval.json exists); nothing to resume");
        }
        RunDirectory dir = RunDirectory.open(runDirectory);
        dir.writeJson("provenance-resumed-" + System.currentTimeMillis() + ".json",
                Provenance.describe(commandLine));
        Checkpoints checkpoints = new Checkpoints(runDirectory, config.checkpoints().keep());
        return execute(dir, config, checkpoints.latest(), progress);
    }

    /** The resolved config of the run in {@code runDirectory} (its config.json). */
    static ExperimentConfig runConfig(Path runDirectory) {
        Path configFile = runDirectory.resolve("config.json");
        if (!Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException(runDirectory + " is not a run folder (no config.json)");
        }
        return ConfigLoader.read(configFile);
    }

    private static Result execute(RunDirectory dir, ExperimentConfig config, Optional<Checkpoint> from,
                                  Progress progress) {
        Nd4jThreads.configure();
        return execute(dir, config, EnvFamilies.byName(config.maml().family()), from, progress);
    }

    private static <T extends Task> Result execute(RunDirectory dir, ExperimentConfig config, EnvFamily<T> family,
                                                   Optional<Checkpoint> from, Progress progress) {
        long seed = config.seeds().get(0);
        MamlConfig maml = config.mamlForSeed(seed);
        String label = config.name() + " s" + seed;
        int last = from.map(Checkpoint::iteration).orElse(-1);
        Checkpoints checkpoints = new Checkpoints(dir.path(), config.checkpoints().keep());
        BatchedPolicy policy = Policies.forFamily(family, maml);
        try (MamlTrainer<T> trainer = new MamlTrainer<>(maml, family, policy);
             RunLog progressCsv = RunLog.resume(dir.resolve("progress.csv"), PROGRESS_HEADER, last);
             RunLog timingsCsv = RunLog.resume(dir.resolve("timings.csv"), TIMINGS_HEADER, last);
             RunLog evaluationsCsv = RunLog.resume(dir.resolve("evaluations.csv"), EVALUATIONS_HEADER, last);
             RunLog metrics = RunLog.resume(dir.resolve("metrics.jsonl"), null, last)) {
            double[] theta = from.map(Checkpoint::theta).orElseGet(trainer::initialParameters);
            long envOffset = from.map(Checkpoint::envSteps).orElse(0L);
            double wallOffset = from.map(Checkpoint::wallSeconds).orElse(0.0);
            if (from.isPresent()) {
                progress.message(String.format(Locale.ROOT, "[%s] resuming after iteration %d of %d", label,
                        last + 1, maml.iterations()));
            }
            try {
                theta = trainer.train(theta, last + 1, (log, params) -> {
                    long envSteps = envOffset + log.envSteps();
                    double wall = wallOffset + log.wallSeconds();
                    progressCsv.append(progressRow(log, envSteps));
                    timingsCsv.append(timingsRow(log, wall));
                    metrics.append(RunJson.iteration(log, envSteps, wall));
                    double score = log.returnAfter();
                    int done = log.iteration() + 1;
                    boolean evaluate = config.evaluation().every() > 0 && done % config.evaluation().every() == 0
                            && done < maml.iterations();
                    if (evaluate) {
                        Evaluation e = trainer.evaluate(params, config.evaluation().tasks(),
                                periodicEvalSeed(seed, log.iteration()));
                        evaluationsCsv.append(String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%.6f,%.6f",
                                log.iteration(), e.tasks(), e.before(), e.ci95()[0], e.after(), e.ci95()[1]));
                        metrics.append(RunJson.evaluation(log.iteration(), e));
                        score = e.after();
                        progress.message(String.format(Locale.ROOT, "[%s] iteration %d: %d fresh tasks, before "
                                + "%.2f ± %.2f, after 1 step %.2f ± %.2f", label, done, e.tasks(), e.before(),
                                e.ci95()[0], e.after(), e.ci95()[1]));
                    }
                    if (done % config.checkpoints().every() == 0 || done == maml.iterations()) {
                        checkpoints.save(new Checkpoint(log.iteration(), envSteps, wall, score, params));
                    }
                    double perIteration = log.wallSeconds() / (log.iteration() - last);
                    progress.iteration(label, done, maml.iterations(), log.returnBefore(), log.returnAfter(),
                            perIteration, perIteration * (maml.iterations() - done));
                });
            } catch (TrainingDivergedException e) {
                dir.writeJson("error.json", Map.of("error", e.getMessage(), "iteration", e.iteration()));
                progress.message("[" + label + "] " + e.getMessage() + "; the logs so far are in " + dir.path());
                throw e;
            } finally {
                plotLearningCurve(dir, label, config);
            }
            dir.writeJson("theta.json", Map.of("parameters", theta));
            Evaluation evaluation = trainer.evaluate(theta, seed + FINAL_EVAL_SEED_OFFSET);
            dir.writeJson("eval.json", evaluation);
            AdaptationCurvePlot.write(label + ": return vs adaptation steps", evaluation,
                    dir.resolve("adaptation_curve"));
            progress.message(String.format(Locale.ROOT, "[%s] evaluation on %d fresh tasks: before %.2f ± %.2f, "
                            + "after 1 step %.2f ± %.2f", label, evaluation.tasks(), evaluation.before(),
                    evaluation.ci95()[0], evaluation.after(), evaluation.ci95()[1]));
            progress.message("[" + label + "] results: " + dir.path().toAbsolutePath());
            return new Result(seed, dir.path(), theta, evaluation);
        } finally {
            if (policy instanceof TaskParallelPolicy workers) {
                workers.close();
            }
        }
    }

    /** The seed of the fresh tasks of the evaluation after iteration {@code iteration} (fixed, so resumes agree). */
    static long periodicEvalSeed(long seed, int iteration) {
        return seed * 1_000_033L + 7_919L * (iteration + 1L);
    }

    static String progressRow(IterationLog log, long envSteps) {
        OuterStep s = log.step();
        return String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%.8g,%.8g,%.8g,%s,%.8g", log.iteration(), envSteps,
                log.returnBefore(), log.returnAfter(), s.lossBefore(), s.lossAfter(), s.kl(),
                Double.isNaN(s.lineSearchSteps()) ? "" : Integer.toString((int) s.lineSearchSteps()),
                s.gradientNorm());
    }

    private static String timingsRow(IterationLog log, double wall) {
        OuterStep s = log.step();
        return String.format(Locale.ROOT, "%d,%.3f,%.4f,%.4f,%.4f,%.4f,%.4f", log.iteration(), wall,
                log.samplingSeconds(), log.updateSeconds(), s.phases().gradient(), s.phases().curvature(),
                s.phases().lineSearch());
    }

    /** (Re)draws the run's learning curve from its CSV files. */
    static void plotLearningCurve(RunDirectory dir, String label, ExperimentConfig config) {
        CsvTable progress = CsvTable.read(dir.resolve("progress.csv"));
        if (progress.size() == 0) {
            return;
        }
        Path evaluations = dir.resolve("evaluations.csv");
        LearningCurvePlot.write("MAML-" + config.maml().outer().toUpperCase(Locale.ROOT) + " on "
                        + config.maml().family() + " (" + label + ")", progress,
                Files.exists(evaluations) ? CsvTable.read(evaluations) : null, dir.resolve("learning_curve"));
    }
}

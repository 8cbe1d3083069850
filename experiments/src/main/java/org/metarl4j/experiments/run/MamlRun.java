package org.metarl4j.experiments.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.metarl4j.agents.policy.BatchedPolicy;
import org.metarl4j.agents.policy.TaskParallelPolicy;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
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
    private static final RunLogs.Headers HEADERS = new RunLogs.Headers(PROGRESS_HEADER, TIMINGS_HEADER,
            EVALUATIONS_HEADER);

    /** The outcome of one run. */
    public record Result(long seed, Path directory, double[] theta, Evaluation evaluation, Evaluation heldOut)
            implements SeedResult {
        @Override
        public Map<String, Double> headline() {
            Map<String, Double> numbers = new LinkedHashMap<>();
            numbers.put("meanBefore", evaluation.before());
            numbers.put("meanAfter", evaluation.after());
            if (evaluation.hasSuccess()) {
                numbers.put("successBefore", evaluation.successRate()[0]);
                numbers.put("successAfter", evaluation.successRate()[1]);
            }
            if (heldOut != null) {
                numbers.put("heldOutBefore", heldOut.before());
                numbers.put("heldOutAfter", heldOut.after());
            }
            return numbers;
        }

        @Override
        public String describe(Map<String, Double> means) {
            return String.format(Locale.ROOT, "before %.2f, after 1 step %.2f", means.get("meanBefore"),
                    means.get("meanAfter"));
        }
    }

    private MamlRun() {
    }

    /** Starts a new run of {@code config}'s first seed under {@code root}/{@code config.name()}/. */
    public static Result start(ExperimentConfig config, Path root, Progress progress, List<String> commandLine) {
        return RunSession.start(config, root, commandLine,
                (dir, single, family, from) -> execute(dir, single, family, from, progress));
    }

    /** Continues the run in {@code runDirectory} from its latest checkpoint (or from the start if it has none). */
    public static Result resume(Path runDirectory, Progress progress, List<String> commandLine) {
        return RunSession.resume(runDirectory, commandLine,
                (dir, config, family, from) -> execute(dir, config, family, from, progress));
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
             RunLogs logs = RunLogs.open(dir, HEADERS, last)) {
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
                    logs.progress().append(progressRow(log, envSteps));
                    logs.timings().append(timingsRow(log, wall));
                    logs.metrics().append(RunJson.iteration(log, envSteps, wall));
                    double score = log.returnAfter();
                    int done = log.iteration() + 1;
                    if (config.evaluation().due(done, maml.iterations())) {
                        Evaluation e = trainer.evaluate(params, config.evaluation().tasks(),
                                RunSession.periodicEvalSeed(seed, log.iteration()));
                        logs.evaluations().append(String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%.6f,%.6f",
                                log.iteration(), e.tasks(), e.before(), e.ci95()[0], e.after(), e.ci95()[1]));
                        logs.metrics().append(RunJson.evaluation(log.iteration(), e));
                        score = e.after();
                        progress.message(String.format(Locale.ROOT, "[%s] iteration %d: %d fresh tasks, before "
                                + "%.2f ± %.2f, after 1 step %.2f ± %.2f", label, done, e.tasks(), e.before(),
                                e.ci95()[0], e.after(), e.ci95()[1]));
                    }
                    if (config.checkpoints().due(done, maml.iterations())) {
                        checkpoints.save(new Checkpoint(log.iteration(), envSteps, wall, score, params));
                    }
                    double perIteration = log.wallSeconds() / (log.iteration() - last);
                    progress.iteration(label, done, maml.iterations(), String.format(Locale.ROOT,
                            "return before %.2f  after %.2f", log.returnBefore(), log.returnAfter()), perIteration,
                            perIteration * (maml.iterations() - done));
                });
            } catch (TrainingDivergedException e) {
                RunSession.recordDivergence(dir, label, e, progress);
                throw e;
            } finally {
                plotLearningCurve(dir, label, config);
            }
            dir.writeJson("theta.json", Map.of("parameters", theta));
            MamlEvalReport report = MamlEvalReport.evaluate(trainer, family, theta, maml.evalTasks(),
                    seed + RunSession.FINAL_EVAL_SEED_OFFSET);
            Evaluation evaluation = report.train();
            dir.writeJson("eval.json", report.json());
            AdaptationCurvePlot.write(label + ": return vs adaptation steps", evaluation,
                    dir.resolve("adaptation_curve"));
            progress.message("[" + label + "] evaluation on " + report.summary());
            progress.message("[" + label + "] results: " + dir.path().toAbsolutePath());
            return new Result(seed, dir.path(), theta, evaluation, report.heldOut());
        } finally {
            if (policy instanceof TaskParallelPolicy workers) {
                workers.close();
            }
        }
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

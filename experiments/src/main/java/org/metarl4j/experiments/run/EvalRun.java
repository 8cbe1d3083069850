package org.metarl4j.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.metarl4j.agents.Nd4jThreads;
import org.metarl4j.agents.policy.BatchedPolicy;
import org.metarl4j.agents.policy.TaskParallelPolicy;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.experiments.config.ExperimentConfig;
import org.metarl4j.experiments.plots.AdaptationCurvePlot;
import org.metarl4j.experiments.results.RunDirectory;
import org.metarl4j.meta.maml.Evaluation;
import org.metarl4j.meta.maml.MamlConfig;
import org.metarl4j.meta.maml.MamlTrainer;

/**
 * Evaluates a run's meta-parameters (theta.json, else its best or latest checkpoint) on fresh tasks, before and after
 * 1 … K adaptation steps, and writes {@code eval-<date-time>.json} and its adaptation curve into the run folder.
 */
public final class EvalRun {
    private EvalRun() {
    }

    /** The file written and the evaluation. */
    public record Result(Path file, Evaluation evaluation) {
    }

    /**
     * @param which "final" (theta.json), "best" or "latest" (checkpoints)
     */
    public static Result evaluate(Path runDirectory, String which, int tasks, long taskSeed, Progress progress) {
        ExperimentConfig config = RunSession.runConfig(runDirectory);
        double[] theta = parameters(runDirectory, which, config);
        Nd4jThreads.configure();
        Evaluation evaluation = evaluate(config.mamlForSeed(config.seeds().get(0)),
                EnvFamilies.byName(config.maml().family()), theta, tasks, taskSeed);
        RunDirectory dir = RunDirectory.open(runDirectory);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = dir.writeJson("eval-" + stamp + ".json", Map.of("parameters", which, "taskSeed", taskSeed,
                "evaluation", evaluation));
        AdaptationCurvePlot.write(config.name() + " (" + which + " parameters)", evaluation,
                dir.resolve("adaptation_curve-" + stamp));
        progress.message(String.format(Locale.ROOT, "%d fresh tasks: before %.2f ± %.2f, after 1 step %.2f ± %.2f; "
                        + "written to %s", evaluation.tasks(), evaluation.before(), evaluation.ci95()[0],
                evaluation.after(), evaluation.ci95()[1], file));
        return new Result(file, evaluation);
    }

    private static double[] parameters(Path run, String which, ExperimentConfig config) {
        Checkpoints checkpoints = new Checkpoints(run, config.checkpoints().keep());
        return switch (which) {
            case "final" -> {
                Path file = run.resolve("theta.json");
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException(run + " has no theta.json (not finished); use --parameters "
                            + "latest or best");
                }
                try {
                    JsonNode node = JsonMapper.builder().build().readTree(file.toFile()).get("parameters");
                    double[] theta = new double[node.size()];
                    for (int i = 0; i < theta.length; i++) {
                        theta[i] = node.get(i).asDouble();
                    }
                    yield theta;
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
                }
            }
            case "best" -> checkpoints.best().orElseThrow(() -> new IllegalArgumentException(run
                    + " has no best checkpoint")).theta();
            case "latest" -> checkpoints.latest().orElseThrow(() -> new IllegalArgumentException(run
                    + " has no checkpoint")).theta();
            default -> throw new IllegalArgumentException("--parameters must be final, best or latest, got '"
                    + which + "'");
        };
    }

    private static <T extends Task> Evaluation evaluate(MamlConfig maml, EnvFamily<T> family, double[] theta,
                                                        int tasks, long seed) {
        BatchedPolicy policy = Policies.forFamily(family, maml);
        try (MamlTrainer<T> trainer = new MamlTrainer<>(maml, family, policy)) {
            if (theta.length != policy.numParams()) {
                throw new IllegalArgumentException("the parameters have " + theta.length + " entries; this config's "
                        + "policy has " + policy.numParams());
            }
            return trainer.evaluate(theta, tasks, seed);
        } finally {
            if (policy instanceof TaskParallelPolicy workers) {
                workers.close();
            }
        }
    }
}

package org.metarl4j.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.metarl4j.agents.Nd4jThreads;
import org.metarl4j.agents.policy.BatchedPolicy;
import org.metarl4j.agents.policy.TaskParallelPolicy;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.experiments.config.ExperimentConfig;
import org.metarl4j.experiments.plots.AdaptationCurvePlot;
import org.metarl4j.experiments.results.RunDirectory;
import org.metarl4j.meta.maml.Evaluation;
import org.metarl4j.meta.maml.MamlConfig;
import org.metarl4j.meta.maml.MamlTrainer;

/**
 * Evaluates a run's parameters (theta.json, else its best or latest checkpoint) on fresh tasks and writes
 * {@code eval-<date-time>.json} into the run folder. MAML runs: returns before and after 1 … K adaptation steps, and
 * an adaptation curve. RL² runs: total reward per trial beside the classic references on the same tasks and the
 * paper's row ({@link Rl2Evaluation}).
 */
public final class EvalRun {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private EvalRun() {
    }

    /**
     * @param which "final" (theta.json), "best" or "latest" (checkpoints)
     * @return the file written
     */
    public static Path evaluate(Path runDirectory, String which, int tasks, long taskSeed, Progress progress) {
        ExperimentConfig config = RunSession.runConfig(runDirectory);
        double[] theta = parameters(runDirectory, which, config);
        Nd4jThreads.configure();
        RunDirectory dir = RunDirectory.open(runDirectory);
        String stamp = LocalDateTime.now().format(STAMP);
        return switch (config.agent()) {
            case ExperimentConfig.MAML -> maml(dir, config, which, theta, tasks, taskSeed, stamp, progress);
            case ExperimentConfig.RL2 -> rl2(dir, config, which, theta, tasks, taskSeed, stamp, progress);
            default -> throw new IllegalArgumentException("cannot evaluate agent '" + config.agent() + "'");
        };
    }

    private static Path maml(RunDirectory dir, ExperimentConfig config, String which, double[] theta, int tasks,
                             long taskSeed, String stamp, Progress progress) {
        MamlEvalReport report;
        try (RunFamily family = RunFamily.open(config)) {
            report = evaluate(config.mamlForSeed(config.seeds().get(0)), family.family(), theta, tasks, taskSeed);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("parameters", which);
        out.put("taskSeed", taskSeed);
        out.put("evaluation", report.train());
        if (report.heldOut() != null) {
            out.put("heldOut", report.heldOut());
        }
        Path file = dir.writeJson("eval-" + stamp + ".json", out);
        AdaptationCurvePlot.write(config.name() + " (" + which + " parameters)", report.train(),
                dir.resolve("adaptation_curve-" + stamp));
        progress.message(report.summary() + "; written to " + file);
        return file;
    }

    private static Path rl2(RunDirectory dir, ExperimentConfig config, String which, double[] theta, int tasks,
                            long taskSeed, String stamp, Progress progress) {
        Rl2Evaluation evaluation;
        try (RunFamily family = RunFamily.open(config)) {
            evaluation = new Rl2Evaluator<>(config.rl2(), family.family()).evaluate(theta, tasks, taskSeed);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("parameters", which);
        out.put("taskSeed", taskSeed);
        out.put("evaluation", evaluation);
        Path file = dir.writeJson("eval-" + stamp + ".json", out);
        progress.message(evaluation.summary() + "; written to " + file);
        return file;
    }

    /** The parameters {@code which} names: theta.json, the best or the latest checkpoint. */
    static double[] parameters(Path run, String which, ExperimentConfig config) {
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

    private static <T extends Task> MamlEvalReport evaluate(MamlConfig maml, EnvFamily<T> family, double[] theta,
                                                            int tasks, long seed) {
        BatchedPolicy policy = Policies.forFamily(family, maml);
        try (MamlTrainer<T> trainer = new MamlTrainer<>(maml, family, policy)) {
            if (theta.length != policy.numParams()) {
                throw new IllegalArgumentException("the parameters have " + theta.length + " entries; this config's "
                        + "policy has " + policy.numParams());
            }
            return MamlEvalReport.evaluate(trainer, family, theta, tasks, seed);
        } finally {
            if (policy instanceof TaskParallelPolicy workers) {
                workers.close();
            }
        }
    }
}

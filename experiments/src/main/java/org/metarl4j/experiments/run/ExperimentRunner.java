package org.metarl4j.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.metarl4j.experiments.config.ConfigLoader;
import org.metarl4j.experiments.config.ExperimentConfig;
import org.metarl4j.experiments.plots.ComparisonPlot;
import org.metarl4j.experiments.results.RunDirectory;

/**
 * Runs an experiment: one run per seed ({@link MamlRun} or {@link Rl2Run}, by the config's agent), one after the
 * other, and with two seeds or more a comparison folder {@code <root>/<name>/<date-time>-seeds-<seeds>/} with the
 * mean learning curve and its 95% band over the seeds ({@code comparison.png/svg}, {@code comparison.csv}) and
 * {@code summary.json} (each seed's final evaluation and the mean of its headline numbers). The experiment classes
 * and the CLI's {@code run} command share it; {@link #resume} continues a run of either agent.
 */
public final class ExperimentRunner {
    private ExperimentRunner() {
    }

    public static List<SeedResult> run(ExperimentConfig config, Path root, Progress progress,
                                       List<String> commandLine) {
        List<SeedResult> results = new ArrayList<>();
        for (long seed : config.seeds()) {
            ExperimentConfig single = config.withSeeds(List.of(seed));
            results.add(switch (config.agent()) {
                case ExperimentConfig.RL2 -> Rl2Run.start(single, root, progress, commandLine);
                case ExperimentConfig.MAML -> MamlRun.start(single, root, progress, commandLine);
                default -> throw new IllegalArgumentException("no runner for agent '" + config.agent() + "'");
            });
        }
        if (results.size() > 1) {
            Path dir = compare(results.stream().map(SeedResult::directory).toList(),
                    root.resolve(config.name()).resolve(LocalDateTime.now().format(
                            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-seeds-"
                            + String.join("-", config.seeds().stream().map(String::valueOf).toList())),
                    config.name() + ", " + results.size() + " seeds");
            Map<String, Double> means = new LinkedHashMap<>();
            for (String key : results.get(0).headline().keySet()) {
                means.put(key, results.stream().mapToDouble(r -> r.headline().get(key)).average()
                        .orElse(Double.NaN));
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("experiment", config.name());
            summary.put("seeds", config.seeds());
            summary.put("runs", results.stream().map(ExperimentRunner::runSummary).toList());
            summary.putAll(means);
            RunDirectory.open(dir).writeJson("summary.json", summary);
            progress.message(String.format(Locale.ROOT, "[%s] mean over %d seeds: %s; comparison: %s", config.name(),
                    results.size(), results.get(0).describe(means), dir.toAbsolutePath()));
        }
        return results;
    }

    private static Map<String, Object> runSummary(SeedResult r) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("seed", r.seed());
        run.put("directory", r.directory().toString());
        run.put("evaluation", r.evaluation());
        return run;
    }

    /** Continues the run in {@code runDirectory} (either agent) from its latest checkpoint. */
    public static SeedResult resume(Path runDirectory, Progress progress, List<String> commandLine) {
        ExperimentConfig config = RunSession.runConfig(runDirectory);
        return switch (config.agent()) {
            case ExperimentConfig.RL2 -> Rl2Run.resume(runDirectory, progress, commandLine);
            case ExperimentConfig.MAML -> MamlRun.resume(runDirectory, progress, commandLine);
            default -> throw new IllegalArgumentException("no runner for agent '" + config.agent() + "'");
        };
    }

    /** Writes comparison.png/svg and comparison.csv of the runs in {@code runs} into {@code out}; returns it. */
    public static Path compare(List<Path> runs, Path out, String title) {
        List<CsvTable> tables = new ArrayList<>();
        for (Path run : runs) {
            Path csv = run.resolve("progress.csv");
            if (!Files.isRegularFile(csv)) {
                throw new IllegalArgumentException(run + " is not a run folder (no progress.csv)");
            }
            tables.add(CsvTable.read(csv));
        }
        ComparisonPlot.Curves curves = ComparisonPlot.curves(tables);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
        ComparisonPlot.write(title, curves, out.resolve("comparison"));
        StringBuilder csv = new StringBuilder("iteration");
        for (ComparisonPlot.Line line : curves.lines()) {
            csv.append(",mean_").append(line.series().csvName()).append(",band95_").append(line.series().csvName());
        }
        csv.append('\n');
        for (int i = 0; i < curves.iteration().length; i++) {
            csv.append((int) curves.iteration()[i]);
            for (ComparisonPlot.Line line : curves.lines()) {
                csv.append(String.format(Locale.ROOT, ",%.6f,%.6f", line.mean()[i], line.band()[i]));
            }
            csv.append('\n');
        }
        RunDirectory dir = RunDirectory.open(out);
        dir.writeText("comparison.csv", csv.toString());
        dir.writeText("runs.txt", String.join("\n", runs.stream().map(Path::toString).toList()) + "\n");
        return out;
    }

    /** Loads a preset or config file with overrides (for experiment classes' {@code main}). */
    public static ExperimentConfig load(String presetOrFile, List<String> overrides) {
        return ConfigLoader.load(presetOrFile, overrides);
    }
}

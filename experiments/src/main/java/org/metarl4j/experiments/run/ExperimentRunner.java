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
 * Runs an experiment: one {@link MamlRun} per seed, one after the other, and with two seeds or more a comparison
 * folder {@code <root>/<name>/<date-time>-seeds-<seeds>/} with the mean learning curve and its 95% band over the
 * seeds ({@code comparison.png/svg}, {@code comparison.csv}) and {@code summary.json} (each seed's final evaluation
 * and their mean). The experiment classes and the CLI's {@code run} command share it.
 */
public final class ExperimentRunner {
    private ExperimentRunner() {
    }

    public static List<MamlRun.Result> run(ExperimentConfig config, Path root, Progress progress,
                                           List<String> commandLine) {
        List<MamlRun.Result> results = new ArrayList<>();
        for (long seed : config.seeds()) {
            results.add(MamlRun.start(config.withSeeds(List.of(seed)), root, progress, commandLine));
        }
        if (results.size() > 1) {
            Path dir = compare(results.stream().map(MamlRun.Result::directory).toList(),
                    root.resolve(config.name()).resolve(LocalDateTime.now().format(
                            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-seeds-"
                            + String.join("-", config.seeds().stream().map(String::valueOf).toList())),
                    config.name() + ", " + results.size() + " seeds");
            double before = results.stream().mapToDouble(r -> r.evaluation().before()).average().orElse(Double.NaN);
            double after = results.stream().mapToDouble(r -> r.evaluation().after()).average().orElse(Double.NaN);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("experiment", config.name());
            summary.put("seeds", config.seeds());
            summary.put("runs", results.stream().map(r -> Map.of("seed", r.seed(), "directory",
                    r.directory().toString(), "evaluation", r.evaluation())).toList());
            summary.put("meanBefore", before);
            summary.put("meanAfter", after);
            RunDirectory.open(dir).writeJson("summary.json", summary);
            progress.message(String.format(Locale.ROOT, "[%s] mean over %d seeds: before %.2f, after 1 step %.2f; "
                    + "comparison: %s", config.name(), results.size(), before, after, dir.toAbsolutePath()));
        }
        return results;
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
        StringBuilder csv = new StringBuilder("iteration,mean_before,band95_before,mean_after,band95_after\n");
        for (int i = 0; i < curves.iteration().length; i++) {
            csv.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f%n", (int) curves.iteration()[i],
                    curves.meanBefore()[i], curves.bandBefore()[i], curves.meanAfter()[i], curves.bandAfter()[i]));
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

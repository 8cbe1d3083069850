package org.metarl4j.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.metarl4j.experiments.run.ExperimentRunner;
import org.metarl4j.experiments.run.RunPlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"One run folder: redraws its learning and adaptation curves in place. Several: plots their",
            "mean learning curve with a 95% band (seeds, or runs to compare) into --out."})
final class PlotCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", description = "Run folders.")
    List<Path> runs;

    @Option(names = "--out", description = "Folder for a comparison (default results/comparisons/<date-time>).")
    Path out;

    @Option(names = "--title", defaultValue = "comparison", description = "Comparison title (default ${DEFAULT-VALUE}).")
    String title;

    @Override
    public Integer call() {
        for (Path run : runs) {
            if (!Files.isRegularFile(run.resolve("progress.csv"))) {
                throw new IllegalArgumentException(run + " is not a run folder (no progress.csv)");
            }
        }
        if (runs.size() == 1) {
            RunPlots.redraw(runs.get(0));
            System.out.println("plots redrawn in " + runs.get(0).toAbsolutePath());
            return 0;
        }
        Path dir = out != null ? out : Path.of("results", "comparisons",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        ExperimentRunner.compare(runs, dir, title);
        System.out.println("comparison of " + runs.size() + " runs: " + dir.toAbsolutePath());
        return 0;
    }
}

package org.metarl4j.experiments.plots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.metarl4j.agents.stats.MeanInterval;
import org.metarl4j.experiments.run.CsvTable;

/**
 * Several runs (seeds, or configurations) side by side: per iteration, the mean over runs of each learning-curve
 * column of progress.csv (MAML: batch return before and after adaptation; RL²: mean total reward per trial), with a
 * 95% band (mean ± 1.96·sd/√runs, dashed), over the iterations all runs reached.
 */
public final class ComparisonPlot {
    /** A progress.csv column compared across runs: its label on the plot and its name in comparison.csv. */
    public record Series(String column, String label, String csvName) {
    }

    /** What an agent's progress.csv compares, recognised by its first column. */
    public record Kind(String xAxis, String yAxis, List<Series> series) {
    }

    /** MAML runs. */
    public static final Kind MAML = new Kind("meta-iteration", "mean episode return (mean over runs, 95% band)",
            List.of(new Series("return_before", "before adaptation", "before"),
                    new Series("return_after", "after adaptation", "after")));
    /** RL² runs. */
    public static final Kind RL2 = new Kind("PPO iteration", "total reward per trial (mean over runs, 95% band)",
            List.of(new Series("mean_trial_return", "batch trials", "trial_return")));

    private ComparisonPlot() {
    }

    /** One compared column: mean over runs and band half-width per iteration. */
    public record Line(Series series, double[] mean, double[] band) {
    }

    /** The curves: iteration, then one line per compared column. */
    public record Curves(Kind kind, double[] iteration, List<Line> lines) {
    }

    public static Curves curves(List<CsvTable> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare: no runs");
        }
        Kind kind = kindOf(runs.get(0));
        for (CsvTable run : runs) {
            if (kindOf(run) != kind) {
                throw new IllegalArgumentException("cannot compare runs of different agents (MAML and RL²)");
            }
        }
        int n = runs.stream().mapToInt(CsvTable::size).min().orElse(0);
        double[] iteration = new double[n];
        System.arraycopy(runs.get(0).column("iteration"), 0, iteration, 0, n);
        List<Line> lines = new ArrayList<>();
        for (Series series : kind.series()) {
            lines.add(stats(runs, series, n));
        }
        return new Curves(kind, iteration, lines);
    }

    private static Kind kindOf(CsvTable progress) {
        for (Kind kind : List.of(MAML, RL2)) {
            if (kind.series().stream().allMatch(s -> progress.has(s.column()))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("progress.csv has neither MAML's nor RL²'s columns");
    }

    private static Line stats(List<CsvTable> runs, Series series, int n) {
        double[] mean = new double[n];
        double[] band = new double[n];
        List<double[]> values = runs.stream().map(r -> r.column(series.column())).toList();
        int k = runs.size();
        for (int i = 0; i < n; i++) {
            double[] atIteration = new double[k];
            for (int r = 0; r < k; r++) {
                atIteration[r] = values.get(r)[i];
            }
            mean[i] = MeanInterval.mean(atIteration);
            band[i] = MeanInterval.halfWidth95(atIteration);
        }
        return new Line(series, mean, band);
    }

    public static void write(String title, Curves c, Path base) {
        XYChart chart = Charts.chart(title, c.kind().xAxis(), c.kind().yAxis());
        for (Line line : c.lines()) {
            line(chart, line.series().label(), c.iteration(), line.mean(), line.band());
        }
        Charts.save(chart, base);
    }

    private static void line(XYChart chart, String name, double[] x, double[] mean, double[] band) {
        chart.addSeries(name, x, mean).setMarker(SeriesMarkers.NONE);
        double[] lo = new double[mean.length];
        double[] hi = new double[mean.length];
        for (int i = 0; i < mean.length; i++) {
            lo[i] = mean[i] - band[i];
            hi[i] = mean[i] + band[i];
        }
        chart.addSeries(name + " − 95%", x, lo).setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.DASH_DASH);
        chart.addSeries(name + " + 95%", x, hi).setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.DASH_DASH);
    }
}

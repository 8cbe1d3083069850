package org.metarl4j.experiments.plots;

import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.metarl4j.agents.stats.MeanInterval;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.metarl4j.experiments.run.CsvTable;

/**
 * Several runs (seeds, or configurations) side by side: per meta-iteration, the mean over runs of the batch return
 * before and after adaptation, with a 95% band (mean ± 1.96·sd/√runs, dashed), over the iterations all runs reached.
 */
public final class ComparisonPlot {
    private ComparisonPlot() {
    }

    /** The curves: iteration, then mean and band half-width of return before and after. */
    public record Curves(double[] iteration, double[] meanBefore, double[] bandBefore, double[] meanAfter,
                         double[] bandAfter) {
    }

    public static Curves curves(List<CsvTable> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare: no runs");
        }
        int n = runs.stream().mapToInt(CsvTable::size).min().orElse(0);
        double[] iteration = new double[n];
        double[][] before = stats(runs, "return_before", n);
        double[][] after = stats(runs, "return_after", n);
        System.arraycopy(runs.get(0).column("iteration"), 0, iteration, 0, n);
        return new Curves(iteration, before[0], before[1], after[0], after[1]);
    }

    private static double[][] stats(List<CsvTable> runs, String column, int n) {
        double[] mean = new double[n];
        double[] band = new double[n];
        List<double[]> values = runs.stream().map(r -> r.column(column)).toList();
        int k = runs.size();
        for (int i = 0; i < n; i++) {
            double[] atIteration = new double[k];
            for (int r = 0; r < k; r++) {
                atIteration[r] = values.get(r)[i];
            }
            mean[i] = MeanInterval.mean(atIteration);
            band[i] = MeanInterval.halfWidth95(atIteration);
        }
        return new double[][] {mean, band};
    }

    public static void write(String title, Curves c, Path base) {
        XYChart chart = Charts.chart(title, "meta-iteration", "mean episode return (mean over runs, 95% band)");
        line(chart, "before adaptation", c.iteration(), c.meanBefore(), c.bandBefore());
        line(chart, "after adaptation", c.iteration(), c.meanAfter(), c.bandAfter());
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

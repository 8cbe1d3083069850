package org.metarl4j.experiments.plots;

import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.metarl4j.experiments.run.CsvTable;

/**
 * An RL² run's learning curve (Duan et al. 2016): the mean total reward per trial of each iteration's batch
 * (progress.csv), the evaluations on fresh tasks with their 95% intervals (evaluations.csv) if any, and flat
 * reference lines (the final evaluation, the classic baselines, the paper's figure) once known.
 */
public final class TrialCurvePlot {
    private TrialCurvePlot() {
    }

    /** A flat line across the chart, e.g. a baseline's score. */
    public record Reference(String label, double value) {
    }

    public static void write(String title, CsvTable progress, CsvTable evaluations, List<Reference> references,
                             Path base) {
        XYChart chart = Charts.chart(title, "PPO iteration", "total reward per trial");
        double[] x = progress.column("iteration");
        chart.addSeries("batch trials", x, progress.column("mean_trial_return")).setMarker(SeriesMarkers.NONE);
        if (evaluations != null && evaluations.size() > 0) {
            chart.addSeries("fresh tasks", evaluations.column("iteration"), evaluations.column("mean_trial_return"),
                    evaluations.column("ci95"));
        }
        double[] span = {x[0], Math.max(x[x.length - 1], x[0] + 1)};
        for (Reference r : references) {
            chart.addSeries(r.label(), span, new double[] {r.value(), r.value()}).setMarker(SeriesMarkers.NONE)
                    .setLineStyle(SeriesLines.DASH_DASH);
        }
        Charts.save(chart, base);
    }
}

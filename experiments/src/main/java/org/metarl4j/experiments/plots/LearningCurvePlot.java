package org.metarl4j.experiments.plots;

import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.metarl4j.experiments.run.CsvTable;

/**
 * One run's learning curve: mean episode return of each meta-iteration's batches before and after adaptation
 * (progress.csv), and the periodic evaluations on fresh tasks with their 95% intervals (evaluations.csv) if any.
 */
public final class LearningCurvePlot {
    private LearningCurvePlot() {
    }

    public static void write(String title, CsvTable progress, CsvTable evaluations, Path base) {
        XYChart chart = Charts.chart(title, "meta-iteration", "mean episode return");
        double[] x = progress.column("iteration");
        chart.addSeries("batch, before adaptation", x, progress.column("return_before")).setMarker(SeriesMarkers.NONE);
        chart.addSeries("batch, after adaptation", x, progress.column("return_after")).setMarker(SeriesMarkers.NONE);
        if (evaluations != null && evaluations.size() > 0) {
            double[] ex = evaluations.column("iteration");
            chart.addSeries("fresh tasks, before", ex, evaluations.column("return_before"),
                    evaluations.column("ci95_before"));
            chart.addSeries("fresh tasks, after 1 step", ex, evaluations.column("return_after"),
                    evaluations.column("ci95_after"));
        }
        Charts.save(chart, base);
    }
}

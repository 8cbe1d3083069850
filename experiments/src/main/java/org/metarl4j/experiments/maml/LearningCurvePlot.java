package org.metarl4j.experiments.maml;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.metarl4j.meta.maml.IterationLog;

/** Learning curve of one run: mean episode return before and after adaptation per meta-iteration (PNG and SVG). */
final class LearningCurvePlot {
    private LearningCurvePlot() {
    }

    static void write(String title, List<IterationLog> logs, Path pngWithoutExtension) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("meta-iteration")
                .yAxisTitle("mean episode return").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        double[] x = logs.stream().mapToDouble(IterationLog::iteration).toArray();
        chart.addSeries("before adaptation", x, logs.stream().mapToDouble(IterationLog::returnBefore).toArray())
                .setMarker(SeriesMarkers.NONE);
        chart.addSeries("after 1 step", x, logs.stream().mapToDouble(IterationLog::returnAfter).toArray())
                .setMarker(SeriesMarkers.NONE);
        String base = pngWithoutExtension.toString();
        BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, base, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
}

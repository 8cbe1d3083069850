package org.metarl4j.experiments.plots;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** XChart set-up shared by the plots: white 800×500 charts saved as PNG and SVG. */
final class Charts {
    private Charts() {
    }

    static XYChart chart(String title, String xAxis, String yAxis) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xAxis).yAxisTitle(yAxis)
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    /** Writes {@code base}.png and {@code base}.svg. */
    static void save(XYChart chart, Path base) {
        try {
            BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(),
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plot " + base + ": " + e.getMessage(), e);
        }
    }
}

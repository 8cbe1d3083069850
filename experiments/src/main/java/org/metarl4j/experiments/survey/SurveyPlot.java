package org.metarl4j.experiments.survey;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * One bar chart per family (returns differ by orders of magnitude between families), mean return per policy with
 * its 95% CI as an error bar, tiled into one PNG.
 */
public final class SurveyPlot {
    private static final int WIDTH = 420;
    private static final int HEIGHT = 300;
    private static final int COLUMNS = 4;

    private SurveyPlot() {
    }

    public static void writePng(List<SurveyResult> results, Path file) throws IOException {
        Map<String, List<SurveyResult>> byFamily = new LinkedHashMap<>();
        for (SurveyResult r : results) {
            byFamily.computeIfAbsent(r.family(), k -> new java.util.ArrayList<>()).add(r);
        }
        int rows = (byFamily.size() + COLUMNS - 1) / COLUMNS;
        int columns = Math.min(COLUMNS, byFamily.size());
        BufferedImage grid = new BufferedImage(columns * WIDTH, rows * HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        int index = 0;
        for (Map.Entry<String, List<SurveyResult>> entry : byFamily.entrySet()) {
            BufferedImage tile = BitmapEncoder.getBufferedImage(chart(entry.getKey(), entry.getValue()));
            g.drawImage(tile, (index % COLUMNS) * WIDTH, (index / COLUMNS) * HEIGHT, null);
            index++;
        }
        g.dispose();
        ImageIO.write(grid, "png", file.toFile());
    }

    private static CategoryChart chart(String family, List<SurveyResult> results) {
        SurveyResult first = results.get(0);
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(first.envId()).yAxisTitle("mean episode return").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setToolTipsEnabled(false);
        chart.getStyler().setErrorBarsColor(Color.BLACK);
        chart.getStyler().setLabelsVisible(false);
        chart.getStyler().setXAxisLabelRotation(0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        List<String> names = results.stream().map(SurveyResult::policy).toList();
        List<Double> means = results.stream().map(SurveyResult::meanReturn).toList();
        List<Double> errors = results.stream().map(SurveyResult::ci95).toList();
        chart.addSeries("return", names, means, errors);
        return chart;
    }
}

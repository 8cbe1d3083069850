package org.metarl4j.experiments.plots;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.metarl4j.meta.maml.Evaluation;

/** Return on fresh tasks against the number of adaptation steps (0 = before adaptation), with 95% intervals. */
public final class AdaptationCurvePlot {
    private AdaptationCurvePlot() {
    }

    public static void write(String title, Evaluation evaluation, Path base) {
        var chart = Charts.chart(title, "adaptation steps", "mean episode return on fresh tasks");
        double[] steps = IntStream.range(0, evaluation.meanReturn().length).asDoubleStream().toArray();
        chart.addSeries(evaluation.tasks() + " fresh tasks", steps, evaluation.meanReturn(), evaluation.ci95());
        Charts.save(chart, base);
    }
}

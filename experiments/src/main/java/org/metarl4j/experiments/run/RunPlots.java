package org.metarl4j.experiments.run;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.metarl4j.experiments.config.ExperimentConfig;
import org.metarl4j.experiments.plots.AdaptationCurvePlot;
import org.metarl4j.experiments.results.RunDirectory;
import org.metarl4j.meta.maml.Evaluation;

/** Redraws a run's plots from its files (after a resume, or with a newer plotting code). */
public final class RunPlots {
    private RunPlots() {
    }

    public static void redraw(Path runDirectory) {
        ExperimentConfig config = RunSession.runConfig(runDirectory);
        String label = config.name() + " s" + config.seeds().get(0);
        RunDirectory dir = RunDirectory.open(runDirectory);
        if (config.agent().equals(ExperimentConfig.RL2)) {
            Rl2Plots.redraw(dir, config);
            return;
        }
        MamlRun.plotLearningCurve(dir, label, config);
        Path eval = runDirectory.resolve("eval.json");
        if (Files.isRegularFile(eval)) {
            try {
                Evaluation evaluation = JsonMapper.builder().build().readValue(eval.toFile(), Evaluation.class);
                AdaptationCurvePlot.write(label + ": return vs adaptation steps", evaluation,
                        dir.resolve("adaptation_curve"));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + eval + ": " + e.getMessage(), e);
            }
        }
    }
}

package org.metarl4j.experiments.run;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.metarl4j.experiments.config.ExperimentConfig;
import org.metarl4j.experiments.plots.TrialCurvePlot;
import org.metarl4j.experiments.results.RunDirectory;

/** Draws an RL² run's learning_curve.png/svg from its files, with the final evaluation's references if it has one. */
final class Rl2Plots {
    private Rl2Plots() {
    }

    /** Redraws from progress.csv, evaluations.csv and eval.json (if the run has finished). */
    static void redraw(RunDirectory dir, ExperimentConfig config) {
        Path eval = dir.resolve("eval.json");
        Rl2Evaluation evaluation = null;
        if (Files.isRegularFile(eval)) {
            try {
                evaluation = JsonMapper.builder().build().readValue(eval.toFile(), Rl2Evaluation.class);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + eval + ": " + e.getMessage(), e);
            }
        }
        draw(dir, config, evaluation);
    }

    /** Draws the learning curve; {@code evaluation} (may be null) adds its reference lines. */
    static void draw(RunDirectory dir, ExperimentConfig config, Rl2Evaluation evaluation) {
        CsvTable progress = CsvTable.read(dir.resolve("progress.csv"));
        if (progress.size() == 0) {
            return;
        }
        List<TrialCurvePlot.Reference> references = new ArrayList<>();
        if (evaluation != null) {
            references.add(new TrialCurvePlot.Reference(String.format(Locale.ROOT, "final, %d fresh tasks",
                    evaluation.tasks()), evaluation.rl2().mean()));
            for (Rl2Evaluation.Score b : evaluation.baselines()) {
                references.add(new TrialCurvePlot.Reference(b.policy(), b.mean()));
            }
            if (evaluation.rl2().published() != null) {
                references.add(new TrialCurvePlot.Reference("RL² paper (Duan et al. 2016)",
                        evaluation.rl2().published()));
            }
        }
        Path evaluations = dir.resolve("evaluations.csv");
        String label = config.name() + " s" + config.seeds().get(0);
        TrialCurvePlot.write("RL² (" + config.rl2().core().name() + " " + config.rl2().hiddenSize() + ", PPO) on "
                        + config.rl2().family() + " (" + label + ")", progress,
                Files.exists(evaluations) ? CsvTable.read(evaluations) : null, references,
                dir.resolve("learning_curve"));
    }
}

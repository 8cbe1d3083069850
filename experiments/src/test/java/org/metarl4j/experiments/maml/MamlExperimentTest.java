package org.metarl4j.experiments.maml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metarl4j.agents.policy.Activation;
import org.metarl4j.meta.maml.MamlConfig;
import org.metarl4j.meta.maml.TrainingDivergedException;

class MamlExperimentTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8);

    private static MamlConfig tiny(int iterations, List<Double> stepSizes) {
        return new MamlConfig("navigation2d", 3, iterations, 3, 3, List.of(8), Activation.TANH, 0.99, 1.0,
                stepSizes, false, "trpo", 1e-2, 5, 1e-5, 1.0, 10, 0.8, 0.2, 2, 1e-3, 0.1, 4, 2);
    }

    @Test
    void writesConfigProgressEvaluationParametersAndPlots(@TempDir Path root) throws Exception {
        MamlExperiment.RunResult result = MamlExperiment.run(tiny(3, List.of(0.1)), root, QUIET);
        Path run = result.directory();
        List<String> progress = Files.readAllLines(run.resolve("progress.csv"));
        assertEquals(ProgressCsv.HEADER, progress.get(0));
        assertEquals(4, progress.size());
        assertTrue(progress.get(1).startsWith("0,"), progress.get(1));
        assertTrue(Files.readString(run.resolve("config.json")).contains("\"outer\" : \"trpo\""));
        assertTrue(Files.readString(run.resolve("eval.json")).contains("meanReturn"));
        assertTrue(Files.size(run.resolve("learning_curve.png")) > 1000);
        assertTrue(Files.size(run.resolve("learning_curve.svg")) > 1000);
        assertTrue(Files.exists(run.resolve("theta.json")));
    }

    @Test
    void aDivergedRunKeepsItsProgressAndWritesTheError(@TempDir Path root) throws Exception {
        assertThrows(TrainingDivergedException.class,
                () -> MamlExperiment.run(tiny(3, List.of(1e300)), root, QUIET));
        Path run;
        try (var dirs = Files.list(root.resolve("maml-navigation2d"))) {
            run = dirs.findFirst().orElseThrow();
        }
        assertEquals(List.of(ProgressCsv.HEADER), Files.readAllLines(run.resolve("progress.csv")));
        String error = Files.readString(run.resolve("error.json"));
        assertTrue(error.contains("training diverged at iteration 0"), error);
    }
}

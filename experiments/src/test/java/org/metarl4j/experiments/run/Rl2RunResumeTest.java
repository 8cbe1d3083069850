package org.metarl4j.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metarl4j.experiments.config.ConfigLoader;
import org.metarl4j.experiments.config.ExperimentConfig;

/**
 * An RL² run stopped after a checkpoint (with a row written past it) and resumed in a new session ends with the same
 * files as an uninterrupted run of the same seed, bit for bit: parameters and Adam's moments come back from the
 * checkpoint, and iteration i's tasks and trials depend only on (seed, i).
 */
class Rl2RunResumeTest {
    static final List<String> TINY = List.of("rl2.iterations=6", "rl2.trialsPerBatch=6", "rl2.episodesPerTrial=4",
            "rl2.hiddenSize=8", "rl2.evalTasks=12", "evaluation.every=2", "evaluation.tasks=8", "checkpoints.every=2",
            "checkpoints.keep=2", "seeds=[5]");

    /** Stops the run (as a kill would) once {@code stopAt} iterations are done. */
    private static final class StopAfter extends Progress {
        private final int stopAt;

        StopAfter(int stopAt) {
            super(new PrintStream(new ByteArrayOutputStream()));
            this.stopAt = stopAt;
        }

        @Override
        public void iteration(String run, int done, int total, String values, double secondsPerIteration,
                              double etaSeconds) {
            if (done == stopAt) {
                throw new Stopped();
            }
        }
    }

    private static final class Stopped extends RuntimeException {
    }

    /**
     * The preset's value head; the recurrent baseline (its network rides in the checkpoints) with KL early stops;
     * maximum-entropy rewards.
     */
    static Stream<List<String>> variants() {
        return Stream.of(List.of(), List.of("rl2.baseline=recurrent", "rl2.targetKl=0.002"),
                List.of("rl2.entropyMethod=max", "rl2.entropyCoefficient=0.02"));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void aStoppedRunResumesToTheUninterruptedFiles(List<String> variant, @TempDir Path root) throws Exception {
        List<String> overrides = new java.util.ArrayList<>(TINY);
        overrides.addAll(variant);
        ExperimentConfig config = ConfigLoader.load("rl2-bandit-n10-k5", overrides);
        Progress quiet = Progress.lines(new PrintStream(new ByteArrayOutputStream()));
        Path whole = Rl2Run.start(config, root.resolve("whole"), quiet, List.of()).directory();

        // done = 5: the checkpoint after 4 iterations exists, iteration 4's rows were written after it
        assertThrows(Stopped.class, () -> Rl2Run.start(config, root.resolve("stopped"), new StopAfter(5), List.of()));
        Path run;
        try (Stream<Path> dirs = Files.list(root.resolve("stopped").resolve("rl2-bandit-n10-k5"))) {
            run = dirs.findFirst().orElseThrow();
        }
        assertFalse(Files.exists(run.resolve("eval.json")));
        assertEquals(6, Files.readAllLines(run.resolve("progress.csv")).size(), "header and 5 rows at the stop");
        assertTrue(Files.readString(run.resolve("checkpoints/iter-000003.json")).contains("optimizerState"));

        Rl2Run.Result resumed = Rl2Run.resume(run, quiet, List.of("resume", run.toString()));

        for (String file : List.of("progress.csv", "evaluations.csv", "theta.json", "eval.json")) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(file)), Files.readAllBytes(run.resolve(file)), file);
        }
        assertEquals(Files.readAllLines(whole.resolve("metrics.jsonl")).size(),
                Files.readAllLines(run.resolve("metrics.jsonl")).size());
        assertEquals(7, Files.readAllLines(run.resolve("timings.csv")).size());
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            assertEquals(3, files.count(), "the last 2 checkpoints and best.json");
        }
        assertTrue(Files.exists(run.resolve("learning_curve.png")) && Files.exists(run.resolve("learning_curve.svg")));
        assertEquals(3, resumed.evaluation().baselines().size());
        // a finished run cannot be resumed
        assertThrows(IllegalArgumentException.class, () -> Rl2Run.resume(run, quiet, List.of()));
    }
}

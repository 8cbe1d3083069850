package org.metarl4j.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metarl4j.experiments.config.ConfigLoader;
import org.metarl4j.experiments.config.ExperimentConfig;

/**
 * A run killed with SIGKILL in the middle of training (a real child JVM) and resumed ends with the same files as an
 * uninterrupted run of the same seed, bit for bit.
 */
class ResumeAfterKillTest {
    static final List<String> TINY = List.of("maml.iterations=40", "maml.metaBatchSize=3", "maml.episodesPerTask=3",
            "maml.hiddenSizes=[8]", "maml.evalTasks=4", "maml.workers=1", "evaluation.every=5", "evaluation.tasks=3",
            "checkpoints.every=1", "checkpoints.keep=2", "seeds=[7]");

    @Test
    void aKilledRunResumesToTheUninterruptedFiles(@TempDir Path root) throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        ExperimentConfig config = ConfigLoader.load("maml-navigation2d-short", TINY);
        Path whole = MamlRun.start(config, root.resolve("whole"), Progress.lines(quiet), List.of()).directory();

        Path killedRoot = root.resolve("killed");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                // the same BLAS kernels as this test JVM, which does not select any (bit-identical files below)
                "-Dmetarl4j.blasKernels=default", "org.metarl4j.experiments.cli.MetaRl4jCli", "run", "maml-navigation2d-short", "--out",
                killedRoot.toString()));
        for (String override : TINY) {
            command.add("--set");
            command.add(override);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("child.log").toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process child = builder.start();
        Path run = waitForRows(child, killedRoot.resolve("maml-navigation2d-short"), 6);
        child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flushing
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(run.resolve("eval.json")), "the child must be killed mid-training");
        int rowsAtKill = Files.readAllLines(run.resolve("progress.csv")).size() - 1;
        assertTrue(rowsAtKill < 40, "killed after " + rowsAtKill + " rows");

        MamlRun.resume(run, Progress.lines(quiet), List.of("resume", run.toString()));

        for (String file : List.of("progress.csv", "evaluations.csv", "eval.json", "theta.json")) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(file)), Files.readAllBytes(run.resolve(file)), file);
        }
        assertEquals(Files.readAllLines(whole.resolve("metrics.jsonl")).size(),
                Files.readAllLines(run.resolve("metrics.jsonl")).size());
        assertEquals(41, Files.readAllLines(run.resolve("timings.csv")).size());
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            assertEquals(3, files.count(), "the last 2 checkpoints and best.json"); // no .tmp leftovers
        }
        assertTrue(Files.exists(run.resolve("learning_curve.png")) && Files.exists(run.resolve("adaptation_curve.svg")));
    }

    /** The run folder once its progress.csv has {@code rows} data rows. */
    private static Path waitForRows(Process child, Path experimentDir, int rows) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("the child run ended before it could be killed (exit " + child.exitValue()
                        + ")");
            }
            if (Files.isDirectory(experimentDir)) {
                try (Stream<Path> dirs = Files.list(experimentDir)) {
                    for (Path dir : dirs.toList()) {
                        Path csv = dir.resolve("progress.csv");
                        if (Files.exists(csv) && Files.readAllLines(csv).size() - 1 >= rows) {
                            return dir;
                        }
                    }
                }
            }
            Thread.sleep(10);
        }
        child.destroyForcibly();
        throw new AssertionError("no progress after 120 s");
    }
}

package org.metarl4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaRl4jCliTest extends ConsoleCapture {
    @Test
    void surveyRunsAndExitsZero(@TempDir Path root) throws Exception {
        int code = MetaRl4jCli.execute("survey", "--tasks", "4", "--episodes", "1", "--families", "pendulum",
                "--out", root.toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        try (var runs = Files.list(root.resolve("env-survey"))) {
            assertEquals(1, runs.count());
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("pendulum"));
    }

    @Test
    void badInputExitsTwoWithAClearMessage(@TempDir Path root) {
        assertEquals(2, MetaRl4jCli.execute("survey", "--families", "cartpol", "--out", root.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown task family 'cartpol'; known: "),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, MetaRl4jCli.execute("survey", "--tasks", "1", "--out", root.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("tasks must be >= 2"));
        assertEquals(2, MetaRl4jCli.execute("survey", "--tasks", "many"));
        assertEquals(2, MetaRl4jCli.execute("no-such-command"));
    }

    @Test
    void helpAndListExitZero() {
        assertEquals(0, MetaRl4jCli.execute("--help"));
        for (String command : new String[] {"run", "resume", "eval", "plot", "list", "survey", "bench"}) {
            assertEquals(0, MetaRl4jCli.execute(command, "--help"), command);
        }
        assertEquals(0, MetaRl4jCli.execute("list"));
        String listed = out.toString(StandardCharsets.UTF_8);
        assertTrue(listed.contains("CartPole-v1") && listed.contains("maml-navigation2d-short")
                && listed.contains("maml-bandit-k5-n10"), listed);
    }

    private static final String[] TINY = {"--set", "maml.iterations=3", "--set", "maml.metaBatchSize=2", "--set",
        "maml.episodesPerTask=2", "--set", "maml.hiddenSizes=[4]", "--set", "maml.evalTasks=2", "--set",
        "maml.workers=1", "--set", "evaluation.every=2", "--set", "evaluation.tasks=2"};

    private int run(Path root, String... extra) {
        String[] args = new String[2 + TINY.length + extra.length];
        args[0] = "run";
        args[1] = "maml-navigation2d-short";
        System.arraycopy(TINY, 0, args, 2, TINY.length);
        System.arraycopy(extra, 0, args, 2 + TINY.length, extra.length);
        return MetaRl4jCli.execute(args);
    }

    /** The harness trains on an ode4j manipulation family as on any other (a smoke run of two iterations). */
    @Test
    void mamlRunsOnARoboticsFamily(@TempDir Path root) throws Exception {
        assertEquals(0, run(root, "--set", "maml.family=grasp-lift", "--set", "maml.iterations=2", "--out",
                root.toString()), err.toString(StandardCharsets.UTF_8));
        try (var dirs = Files.list(root.resolve("maml-navigation2d-short"))) {
            Path first = dirs.sorted().findFirst().orElseThrow();
            assertEquals(3, Files.readAllLines(first.resolve("progress.csv")).size());
            assertTrue(Files.readString(first.resolve("config.json")).contains("grasp-lift"));
            // success rates before and after one step, on training tasks and on the held-out split
            JsonNode eval = new ObjectMapper().readTree(first.resolve("eval.json").toFile());
            assertEquals(2, eval.get("meanReturn").size());
            assertEquals(2, eval.get("successRate").size());
            assertEquals(2, eval.get("heldOut").get("successRate").size());
            assertEquals(2, eval.get("heldOut").get("tasks").asInt());
            for (JsonNode rate : eval.get("successRate")) {
                assertTrue(rate.asDouble() >= 0 && rate.asDouble() <= 1, eval.toString());
            }
            assertEquals(0, MetaRl4jCli.execute("eval", first.toString(), "--tasks", "2"));
            try (var files = Files.list(first)) {
                Path again = files.filter(f -> f.getFileName().toString().startsWith("eval-")).findFirst()
                        .orElseThrow();
                JsonNode reEval = new ObjectMapper().readTree(again.toFile());
                assertTrue(reEval.get("evaluation").has("successRate") && reEval.has("heldOut"), reEval.toString());
            }
        }
    }

    @Test
    void runEvalPlotAndResumeWorkOnARealRun(@TempDir Path root) throws Exception {
        assertEquals(0, run(root, "--seeds", "1,2", "--out", root.toString()), err.toString(StandardCharsets.UTF_8));
        Path experiment = root.resolve("maml-navigation2d-short");
        List<Path> runs;
        try (var dirs = Files.list(experiment)) {
            runs = dirs.sorted().toList();
        }
        assertEquals(3, runs.size(), runs.toString()); // two seeds and their comparison
        Path first = runs.get(0);
        for (String file : new String[] {"config.json", "provenance.json", "progress.csv", "timings.csv",
            "metrics.jsonl", "evaluations.csv", "theta.json", "eval.json", "learning_curve.png",
            "learning_curve.svg", "adaptation_curve.png", "adaptation_curve.svg", "checkpoints/best.json"}) {
            assertTrue(Files.size(first.resolve(file)) > 0, file);
        }
        List<String> progress = Files.readAllLines(first.resolve("progress.csv"));
        assertEquals(4, progress.size());
        assertTrue(progress.get(0).startsWith("iteration,env_steps,return_before,return_after"));
        Path comparison = runs.get(2);
        assertTrue(Files.size(comparison.resolve("comparison.png")) > 0 && Files.exists(comparison.resolve(
                "comparison.svg")) && Files.exists(comparison.resolve("summary.json")));
        assertEquals(4, Files.readAllLines(comparison.resolve("comparison.csv")).size());

        JsonNode eval = new ObjectMapper().readTree(first.resolve("eval.json").toFile());
        assertTrue(eval.has("meanReturn") && !eval.has("successRate") && !eval.has("heldOut"), eval.toString());
        assertEquals(0, MetaRl4jCli.execute("eval", first.toString(), "--tasks", "2"));
        assertEquals(0, MetaRl4jCli.execute("eval", first.toString(), "--tasks", "2", "--parameters", "best"));
        assertEquals(0, MetaRl4jCli.execute("plot", first.toString()));
        Path compared = root.resolve("compared");
        assertEquals(0, MetaRl4jCli.execute("plot", runs.get(0).toString(), runs.get(1).toString(), "--out",
                compared.toString()));
        assertTrue(Files.exists(compared.resolve("comparison.png")));

        // a finished run cannot be resumed; bad folders and arguments are input errors
        assertEquals(2, MetaRl4jCli.execute("resume", first.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("has finished"), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, MetaRl4jCli.execute("resume", root.resolve("nowhere").toString()));
        assertEquals(2, MetaRl4jCli.execute("eval", first.toString(), "--tasks", "1"));
        assertEquals(2, MetaRl4jCli.execute("eval", first.toString(), "--parameters", "worst"));
        assertEquals(2, MetaRl4jCli.execute("plot", root.toString()));
    }

    @Test
    void badConfigsExitTwoAndDivergenceExitsThree(@TempDir Path root) throws Exception {
        assertEquals(2, run(root, "--set", "maml.metaBatchSize=0", "--out", root.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("maml.metaBatchSize must be >= 1, got 0"));
        assertEquals(2, MetaRl4jCli.execute("run", "no-such-preset"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is neither a preset nor a config file"));
        assertEquals(2, run(root, "--set", "maml.fastLr=0.1", "--out", root.toString()));
        assertFalse(Files.exists(root.resolve("maml-navigation2d-short")), "nothing may run on a bad config");

        assertEquals(3, run(root, "--set", "maml.innerStepSizes=[1.0e300]", "--out", root.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("training diverged at iteration 0"),
                err.toString(StandardCharsets.UTF_8));
        try (var dirs = Files.list(root.resolve("maml-navigation2d-short"))) {
            Path failed = dirs.findFirst().orElseThrow();
            assertTrue(Files.readString(failed.resolve("error.json")).contains("training diverged"));
            assertEquals(1, Files.readAllLines(failed.resolve("progress.csv")).size()); // the header, intact
        }
    }
}

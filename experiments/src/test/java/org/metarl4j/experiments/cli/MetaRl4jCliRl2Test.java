package org.metarl4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code agent: rl2} through the command line: run, eval, plot, resume, list, and the exit codes. */
class MetaRl4jCliRl2Test extends ConsoleCapture {
    private static final String[] TINY = {"--set", "rl2.iterations=2", "--set", "rl2.trialsPerBatch=8", "--set",
        "rl2.hiddenSize=8", "--set", "rl2.evalTasks=20", "--set", "evaluation.every=1", "--set", "evaluation.tasks=4"};

    private static int run(String preset, Path root, String... extra) {
        String[] args = Stream.of(new String[] {"run", preset}, TINY, extra, new String[] {"--out", root.toString()})
                .flatMap(Stream::of).toArray(String[]::new);
        return MetaRl4jCli.execute(args);
    }

    /** eval.json of the one run folder of {@code preset} under {@code root}. */
    private static JsonNode onlyRunsEval(Path root, String preset) throws IOException {
        try (Stream<Path> dirs = Files.list(root.resolve(preset))) {
            return JsonMapper.builder().build().readTree(dirs.findFirst().orElseThrow().resolve("eval.json").toFile());
        }
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anRl2PresetRunsWithTwoSeedsAndItsRunsEvaluatePlotAndRefuseToResume(@TempDir Path root) throws Exception {
        assertEquals(0, run("rl2-bandit-n10-k5", root, "--seeds", "1,2"), errors());
        List<Path> runs;
        try (Stream<Path> dirs = Files.list(root.resolve("rl2-bandit-n10-k5"))) {
            runs = dirs.sorted().toList();
        }
        assertEquals(3, runs.size(), runs.toString()); // two seeds and their comparison
        Path first = runs.get(0);
        for (String file : new String[] {"config.json", "provenance.json", "progress.csv", "timings.csv",
            "metrics.jsonl", "evaluations.csv", "theta.json", "eval.json", "learning_curve.png", "learning_curve.svg",
            "checkpoints/best.json"}) {
            assertTrue(Files.size(first.resolve(file)) > 0, file);
        }
        List<String> progress = Files.readAllLines(first.resolve("progress.csv"));
        assertEquals(List.of("iteration", "env_steps", "mean_trial_return", "loss", "entropy", "approx_kl", "epochs"),
                List.of(progress.get(0).split(",")));
        assertEquals(3, progress.size());
        assertTrue(progress.get(1).startsWith("0,80,"), progress.get(1)); // 8 trials × 10 pulls
        assertEquals("iteration,tasks,mean_trial_return,ci95", Files.readAllLines(first.resolve("evaluations.csv"))
                .get(0));

        JsonNode eval = JsonMapper.builder().build().readTree(first.resolve("eval.json").toFile());
        assertEquals(20, eval.get("tasks").asInt());
        assertEquals(5, eval.get("arms").asInt());
        assertEquals(6.7, eval.get("rl2").get("published").asDouble());
        assertEquals(List.of("Random", "UCB1 (c=1.41)", "Thompson sampling"),
                eval.get("baselines").findValuesAsText("policy"));
        assertEquals(List.of(5.0, 6.7, 5.7), eval.get("baselines").findValues("published").stream()
                .map(JsonNode::asDouble).toList());
        assertTrue(eval.get("paper").get("source").asText().contains("Table 1, n = 10, k = 5"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("20 fresh tasks, total reward per trial of 10 "
                + "episodes: RL² (GRU 8)"), out.toString(StandardCharsets.UTF_8));
        JsonNode config = JsonMapper.builder().build().readTree(first.resolve("config.json").toFile());
        assertEquals("gru", config.get("rl2").get("core").asText());
        assertFalse(config.has("maml"));

        Path comparison = runs.get(2);
        assertTrue(Files.exists(comparison.resolve("comparison.png")) && Files.exists(comparison.resolve(
                "summary.json")));
        assertEquals("iteration,mean_trial_return,band95_trial_return",
                Files.readAllLines(comparison.resolve("comparison.csv")).get(0));
        assertTrue(Files.readString(comparison.resolve("summary.json")).contains("meanTrialReturn"));

        assertEquals(0, MetaRl4jCli.execute("eval", first.toString(), "--tasks", "10"), errors());
        assertEquals(0, MetaRl4jCli.execute("eval", first.toString(), "--tasks", "10", "--parameters", "best"),
                errors());
        try (Stream<Path> files = Files.list(first)) {
            List<Path> evals = files.filter(p -> p.getFileName().toString().matches("eval-\\d{8}-\\d{6}\\.json"))
                    .toList();
            assertFalse(evals.isEmpty());
            assertTrue(Files.readString(evals.get(0)).contains("\"baselines\""));
        }
        Files.delete(first.resolve("learning_curve.png"));
        assertEquals(0, MetaRl4jCli.execute("plot", first.toString()), errors());
        assertTrue(Files.exists(first.resolve("learning_curve.png")));
        Path compared = root.resolve("compared");
        assertEquals(0, MetaRl4jCli.execute("plot", runs.get(0).toString(), runs.get(1).toString(), "--out",
                compared.toString()), errors());
        assertTrue(Files.exists(compared.resolve("comparison.svg")));

        assertEquals(2, MetaRl4jCli.execute("resume", first.toString()));
        assertTrue(errors().contains("has finished"), errors());
    }

    @Test
    void aTabularRunComparesWithRandomAndValueIterationAndAnLstmCoreRuns(@TempDir Path root) throws Exception {
        assertEquals(0, run("rl2-tabular-n10", root, "--set", "rl2.core=lstm", "--set", "rl2.episodesPerTrial=3"),
                errors());
        JsonNode eval = onlyRunsEval(root, "rl2-tabular-n10");
        assertEquals(List.of("Random", "Value iteration (true MDP)"), eval.get("baselines").findValuesAsText("policy"));
        assertFalse(eval.has("paper"), "RL² Table 2 has no n = 3 row");
        assertFalse(eval.has("arms"));
        assertTrue(eval.get("rl2").get("policy").asText().contains("LSTM"), eval.toString());
    }

    /** SNAIL's temporal convolutions and attention as the memory, sized for the whole trial, end to end. */
    @Test
    void aSnailCoreRunsOnTheSameTrials(@TempDir Path root) throws Exception {
        assertEquals(0, run("rl2-bandit-n10-k5", root, "--set", "rl2.core=snail"), errors());
        JsonNode eval = onlyRunsEval(root, "rl2-bandit-n10-k5");
        assertTrue(eval.get("rl2").get("policy").asText().contains("SNAIL"), eval.toString());
        assertEquals(10, eval.get("rl2").get("episodeMeans").size());
    }

    /** Continuous actions (a Gaussian head) with the memory-augmented core, end to end. */
    @Test
    void aNavigationRunWithTheMemoryAugmentedCoreReportsEachEpisode(@TempDir Path root) throws Exception {
        assertEquals(0, run("rl2-navigation2d", root, "--set", "rl2.core=mann", "--set", "rl2.hiddenSize=8"),
                errors());
        JsonNode eval = onlyRunsEval(root, "rl2-navigation2d");
        JsonNode rl2 = eval.get("rl2");
        assertTrue(rl2.get("policy").asText().contains("MANN"), eval.toString());
        assertEquals(2, rl2.get("episodeMeans").size(), eval.toString());
        assertTrue(rl2.get("mean").asDouble() < 0, "2D navigation rewards are negative distances: " + eval);
        assertFalse(eval.has("paper"));
        assertEquals(0, eval.get("baselines").size());
    }

    /**
     * The parameterized classic-control families, continuous (Gaussian head) and discrete (softmax head), with the
     * GRU and the memory-augmented core: the same agents as on 2D navigation, end to end (one short iteration: the
     * long episodes of mountaincar and acrobot, 999 and 500 steps, cost a step-by-step unroll each).
     */
    @ParameterizedTest
    @CsvSource({"pendulum, mann, MANN", "mountaincar-continuous, gru, GRU", "cartpole, mann, MANN", "acrobot, gru, GRU"})
    void theClassicControlFamiliesRunWithEitherMemory(String family, String core, String shown, @TempDir Path root)
            throws Exception {
        assertEquals(0, run("rl2-navigation2d", root, "--set", "rl2.family=" + family, "--set", "rl2.core=" + core,
                "--set", "rl2.baseline=linear", "--set", "rl2.iterations=1", "--set", "rl2.epochs=1", "--set",
                "rl2.trialsPerBatch=4", "--set", "rl2.evalTasks=4", "--set", "evaluation.every=0"), errors());
        JsonNode eval = onlyRunsEval(root, "rl2-navigation2d");
        assertEquals(family, eval.get("family").asText());
        JsonNode rl2 = eval.get("rl2");
        assertTrue(rl2.get("policy").asText().contains(shown), eval.toString());
        assertEquals(2, rl2.get("episodeMeans").size(), eval.toString());
        assertTrue(Double.isFinite(rl2.get("mean").asDouble()), eval.toString());
        // pendulum and acrobot pay negative rewards per step, cartpole +1 per step
        double sign = Math.signum(rl2.get("mean").asDouble());
        assertEquals(switch (family) {
            case "pendulum", "acrobot" -> -1.0;
            case "cartpole" -> 1.0;
            default -> sign; // mountaincar: the control cost, or +100 at the flag
        }, sign, eval.toString());
    }

    @Test
    void badRl2ConfigsExitTwoAndDivergenceExitsThreeWithErrorJson(@TempDir Path root) throws Exception {
        assertEquals(2, run("rl2-bandit-n10-k5", root, "--set", "rl2.core=ntm"));
        assertTrue(errors().contains("rl2.core: 'ntm' is not a valid choice; allowed: gru, lstm, mann, snail"), errors());
        assertEquals(2, run("rl2-bandit-n10-k5", root, "--set", "maml.iterations=2"));
        assertFalse(Files.exists(root.resolve("rl2-bandit-n10-k5")), "nothing may run on a bad config");

        assertEquals(3, run("rl2-bandit-n10-k5", root, "--set", "rl2.learningRate=1.0e300"));
        assertTrue(errors().contains("training diverged at iteration 0"), errors());
        try (Stream<Path> dirs = Files.list(root.resolve("rl2-bandit-n10-k5"))) {
            Path failed = dirs.findFirst().orElseThrow();
            assertTrue(Files.readString(failed.resolve("error.json")).contains("training diverged"));
            assertEquals(1, Files.readAllLines(failed.resolve("progress.csv")).size()); // the header, intact
            assertFalse(Files.exists(failed.resolve("eval.json")));
        }
    }

    @Test
    void listShowsTheRl2PresetsAndCores() {
        assertEquals(0, MetaRl4jCli.execute("list"));
        String listed = out.toString(StandardCharsets.UTF_8);
        for (String preset : new String[] {"rl2-bandit-n10-k5", "rl2-bandit-n10-k10", "rl2-bandit-n100-k5",
            "rl2-bandit-n100-k10", "rl2-tabular-n10", "rl2-tabular-n25", "rl2-navigation2d"}) {
            assertTrue(listed.contains(preset), preset);
        }
        assertTrue(listed.contains("Agents (agent): maml, rl2") && listed.contains("(rl2.core): gru, lstm, mann, snail"), listed);
    }
}

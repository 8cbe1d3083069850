package org.metarl4j.experiments.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metarl4j.envs.Tasks;

class SurveyExperimentTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8);

    @Test
    void randomRowsReproduceTheRl2RandomColumnsAndOraclesBoundThem(@TempDir Path root) {
        Map<String, SurveyResult> byKey = SurveyExperiment.run(
                        new SurveyConfig(5, 1000, 10, List.of("bernoulli-bandit", "tabular-mdp", "navigation2d")),
                        root, QUIET)
                .stream().collect(Collectors.toMap(r -> r.family() + "/" + r.policy(), Function.identity()));
        // RL² Table 1: Random = 5.0 over n = 10 pulls -> 0.5 per one-pull episode.
        assertWithinCi(0.5, byKey.get("bernoulli-bandit/random"));
        // Best arm of k = 5 uniform arms: E[max p] = k/(k+1).
        assertWithinCi(5.0 / 6.0, byKey.get("bernoulli-bandit/oracle"));
        // RL² Table 2: Random = 100.1 over n = 10 episodes of T = 10 -> ≈ 10.0 per episode (E[r] = 1 per step).
        assertWithinCi(10.0, byKey.get("tabular-mdp/random"));
        assertTrue(byKey.get("tabular-mdp/oracle").meanReturn() > 20.0);
        // Reference bounds of 2D navigation: stay-put -100·E||g|| = -38.26, greedy oracle ≈ -0.51.
        assertWithinCi(-38.26, byKey.get("navigation2d/stay-put"));
        assertEquals(-0.51, byKey.get("navigation2d/oracle").meanReturn(), 0.03);
    }

    /** Each parameterized control family stays solvable: a hand-written controller beats random by far. */
    @Test
    void controlHeuristicsSolveTheParameterizedControlFamilies(@TempDir Path root) {
        Map<String, Double> mean = SurveyExperiment.run(new SurveyConfig(3, 50, 2, List.of("cartpole", "pendulum",
                                "mountaincar-continuous", "acrobot", "reacher2d")), root, QUIET)
                .stream().collect(Collectors.toMap(r -> r.family() + "/" + r.policy(), SurveyResult::meanReturn));
        assertTrue(mean.get("cartpole/heuristic") > 400, mean.toString());
        assertTrue(mean.get("cartpole/random") < 40, mean.toString());
        assertTrue(mean.get("pendulum/heuristic") > -300, mean.toString());
        assertTrue(mean.get("pendulum/random") < -1000, mean.toString());
        assertTrue(mean.get("mountaincar-continuous/heuristic") > 80, mean.toString());
        assertTrue(mean.get("acrobot/heuristic") > -150, mean.toString());
        assertTrue(mean.get("acrobot/random") < -400, mean.toString());
        assertTrue(mean.get("reacher2d/oracle") > mean.get("reacher2d/random") + 20, mean.toString());
    }

    /** The scripted controller solves the robotics families; random actions almost never do. */
    @Test
    void scriptedControllerSolvesTheRoboticsFamilies(@TempDir Path root) {
        List<SurveyResult> results = SurveyExperiment.run(new SurveyConfig(3, 10, 1, List.of("grasp-lift",
                "pick-place", "push", "reach3d")), root, QUIET);
        assertEquals(8, results.size());
        for (SurveyResult r : results) {
            if (r.policy().equals("scripted")) {
                assertTrue(r.successRate() >= 0.8, r.toString());
            } else {
                assertTrue(r.successRate() <= 0.2, r.toString());
            }
        }
    }

    private static void assertWithinCi(double expected, SurveyResult r) {
        // 2.5 CI half-widths ≈ 5 standard errors: a false alarm is a one-in-a-million draw, a real bias of a few
        // percent still fails (these runs have standard errors of ≈ 1% of the mean).
        assertEquals(expected, r.meanReturn(), 2.5 * r.ci95(), r.toString());
    }

    @Test
    void writesConfigTasksCsvAndPlotAndIsReproducible(@TempDir Path root) throws IOException {
        SurveyConfig config = new SurveyConfig(11, 20, 2, List.of("cartpole", "bernoulli-bandit"));
        List<SurveyResult> first = SurveyExperiment.run(config, root.resolve("a"), QUIET);
        List<SurveyResult> second = SurveyExperiment.run(config, root.resolve("b"), QUIET);
        assertEquals(first.stream().map(SurveyResult::meanReturn).toList(),
                second.stream().map(SurveyResult::meanReturn).toList());

        Path run;
        try (var dirs = Files.list(root.resolve("a").resolve(SurveyExperiment.NAME))) {
            run = dirs.findFirst().orElseThrow();
        }
        assertTrue(run.getFileName().toString().endsWith("-s11"), run.toString());
        List<String> csv = Files.readAllLines(run.resolve("returns.csv"));
        assertEquals(SurveyResult.CSV_HEADER, csv.get(0));
        assertEquals(1 + first.size(), csv.size());
        assertTrue(csv.get(1).startsWith("cartpole,CartPole-v1,random,20,2,"), csv.get(1));
        assertTrue(Files.readString(run.resolve("config.json")).contains("\"seed\" : 11"));
        String tasks = Files.readString(run.resolve("tasks.json"));
        assertTrue(tasks.contains("\"family\":\"cartpole\""), tasks);
        var image = ImageIO.read(run.resolve("returns.png").toFile());
        assertTrue(image.getWidth() > 400 && image.getHeight() > 200);
        try (var files = Files.list(run)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary files left");
        }
        assertTrue(Tasks.fromJson("{\"family\":\"cartpole\",\"gravity\":9.8,\"cartMass\":1,\"poleMass\":0.1,"
                + "\"poleLength\":0.5,\"forceMagnitude\":10}") != null);
    }
}

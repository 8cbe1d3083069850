package org.metarl4j.experiments.survey;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.Tasks;
import org.metarl4j.envs.robotics.RoboticsTask;
import org.metarl4j.experiments.results.RunDirectory;

/**
 * The task-family survey, the project's default job until a meta-learner runs: reference returns (random and oracle
 * policies) for every family, checked against the published Random rows and computed bounds. Run it with
 * {@code java -jar experiments/target/metarl4j.jar survey} or this class's {@code main}.
 */
public final class SurveyExperiment {
    public static final String NAME = "env-survey";
    /**
     * Most tasks drawn from a robotics (ode4j) family: its steps cost ≈ 30 µs, a thousand times a classic family's,
     * so 100 tasks × the episodes keep the default survey under a minute.
     */
    public static final int MAX_PHYSICS_TASKS = 100;

    private SurveyExperiment() {
    }

    public static void main(String[] args) {
        run(new SurveyConfig(1, 1000, 10, List.of()), Path.of("results"), System.out);
    }

    /** Runs the survey and returns its results; {@code returns.csv} is appended and flushed family by family. */
    public static List<SurveyResult> run(SurveyConfig config, Path resultsRoot, PrintStream log) {
        List<EnvFamily<?>> families = config.families().isEmpty() ? EnvFamilies.all()
                : config.families().stream().<EnvFamily<?>>map(EnvFamilies::byName).toList();
        RunDirectory run = RunDirectory.create(resultsRoot, NAME, config.seed());
        run.writeJson("config.json", config);
        EnvSurvey survey = new EnvSurvey(List.of(new RandomPolicy(), new NavigationPolicies.StayPut(),
                new NavigationPolicies.GreedyOracle(), new OraclePolicies.BestArm(),
                new OraclePolicies.ValueIterationOracle(), new ControlHeuristics.CartPole(),
                new ControlHeuristics.Pendulum(), new ControlHeuristics.MountainCar(), new ControlHeuristics.Acrobot(),
                new ControlHeuristics.ReacherOracle(), new RoboticsScripted(),
                new CheetahGait()));
        SplittableRandom root = new SplittableRandom(config.seed());
        List<SurveyResult> results = new ArrayList<>();
        Map<String, List<? extends Task>> allTasks = new java.util.LinkedHashMap<>();
        log.printf(Locale.ROOT, "%-24s %-10s %12s %10s %12s %9s%n", "family", "policy", "mean return", "± 95% CI",
                "env steps", "success");
        try (Writer csv = Files.newBufferedWriter(run.resolve("returns.csv"), StandardCharsets.UTF_8)) {
            csv.write(SurveyResult.CSV_HEADER + "\n");
            for (EnvFamily<?> family : families) {
                SplittableRandom familyRng = root.split();
                List<SurveyResult> rows = surveyFamily(survey, family, config, familyRng, allTasks);
                for (SurveyResult r : rows) {
                    csv.write(r.csvRow() + "\n");
                    log.printf(Locale.ROOT, "%-24s %-10s %12.3f %10.3f %12d %9s%n", r.family(), r.policy(),
                            r.meanReturn(), r.ci95(), r.envSteps(),
                            Double.isNaN(r.successRate()) ? "" : String.format(Locale.ROOT, "%.3f", r.successRate()));
                }
                csv.flush();
                results.addAll(rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + run.resolve("returns.csv") + ": " + e.getMessage(), e);
        }
        run.writeText("tasks.json", tasksJson(allTasks));
        try {
            SurveyPlot.writePng(results, run.resolve("returns.png"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plot: " + e.getMessage(), e);
        }
        log.println("results: " + run.path().toAbsolutePath());
        return results;
    }

    private static <T extends Task> List<SurveyResult> surveyFamily(EnvSurvey survey, EnvFamily<T> family,
                                                                    SurveyConfig config, SplittableRandom rng,
                                                                    Map<String, List<? extends Task>> allTasks) {
        int n = ReferencePolicy.drawsTasksOf(family, RoboticsTask.class) ? Math.min(config.tasks(), MAX_PHYSICS_TASKS)
                : config.tasks();
        List<T> tasks = family.tasks().sample(n, rng.split());
        allTasks.put(family.name(), tasks);
        return survey.run(family, tasks, config.episodesPerTask(), rng.split());
    }

    private static String tasksJson(Map<String, List<? extends Task>> tasks) {
        StringBuilder json = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, List<? extends Task>> e : tasks.entrySet()) {
            json.append("  \"").append(e.getKey()).append("\": ").append(Tasks.toJson(e.getValue()));
            json.append(++i < tasks.size() ? ",\n" : "\n");
        }
        return json.append("}\n").toString();
    }
}

package org.metarl4j.experiments.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.metarl4j.experiments.survey.SurveyConfig;
import org.metarl4j.experiments.survey.SurveyExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "survey", mixinStandardHelpOptions = true,
        description = {"Runs reference policies (random, oracles) on tasks drawn from every task family and writes",
            "returns.csv, returns.png, config.json and tasks.json under <out>/env-survey/<date-time>-s<seed>/."})
final class SurveyCommand implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "1", description = "Seed for tasks, resets and actions (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tasks", defaultValue = "1000", description = "Tasks per family (default ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--episodes", defaultValue = "10", description = "Episodes per task and policy (default ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--families", split = ",", description = "Families to survey (default: all; see `list`).")
    List<String> families = List.of();

    @Option(names = "--out", defaultValue = "results", description = "Results root folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        SurveyExperiment.run(new SurveyConfig(seed, tasks, episodes, families), out, System.out);
        return 0;
    }
}

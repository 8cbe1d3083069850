package org.metarl4j.experiments.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.metarl4j.experiments.run.EvalRun;
import org.metarl4j.experiments.run.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates a run's parameters on fresh tasks, 95% intervals, and writes eval-<date-time>.json",
            "into the run folder. MAML: returns before and after each adaptation step, and an adaptation curve.",
            "RL²: total reward per trial beside the classic baselines on the same tasks and the paper's figure."})
final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The run folder.")
    Path run;

    @Option(names = "--tasks", defaultValue = "400", description = "Fresh tasks (default ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--parameters", defaultValue = "final",
            description = "final (theta.json), best or latest (checkpoints); default ${DEFAULT-VALUE}.")
    String parameters;

    @Option(names = "--task-seed", defaultValue = "424242", description = "Seed of the fresh tasks (default ${DEFAULT-VALUE}).")
    long taskSeed;

    @Override
    public Integer call() {
        if (tasks < 2) {
            throw new IllegalArgumentException("--tasks must be >= 2, got " + tasks);
        }
        EvalRun.evaluate(run, parameters, tasks, taskSeed, Progress.lines(System.out));
        return 0;
    }
}

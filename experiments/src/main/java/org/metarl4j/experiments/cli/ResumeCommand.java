package org.metarl4j.experiments.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.metarl4j.experiments.run.ExperimentRunner;
import org.metarl4j.experiments.run.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continues a stopped or killed run (MAML or RL²) from its latest checkpoint, in the same",
            "folder; the finished files equal those of an uninterrupted run with the same seed."})
final class ResumeCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The run folder, e.g. results/maml-navigation2d/20261122-101500-s1.")
    Path run;

    @Override
    public Integer call() {
        ExperimentRunner.resume(run, Progress.forStream(System.out), MetaRl4jCli.commandLine());
        return 0;
    }
}

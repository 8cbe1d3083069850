package org.metarl4j.experiments.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code metarl4j} command line: {@code java -jar experiments/target/metarl4j.jar <command> ...}. */
@Command(name = "metarl4j", mixinStandardHelpOptions = true, version = "MetaRL4J 0.1.0",
        description = "Meta-reinforcement learning on the JVM.",
        subcommands = {SurveyCommand.class, MamlCommand.class, ListCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class MetaRl4jCli implements Runnable {

    /** Exit code for invalid arguments or configuration (picocli's usage-error code). */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new MetaRl4jCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            commandLine.getErr().println("error: " + e);
            return 1;
        });
        return cli.execute(args);
    }
}

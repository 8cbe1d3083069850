package org.metarl4j.experiments.cli;

import java.util.List;
import org.metarl4j.agents.BlasKernels;
import org.metarl4j.envs.gym.GymException;
import org.metarl4j.meta.maml.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code metarl4j} command line: {@code java -jar experiments/target/metarl4j.jar <command> ...}. */
@Command(name = "metarl4j", mixinStandardHelpOptions = true, version = "MetaRL4J 0.1.0",
        description = "Meta-reinforcement learning on the JVM.",
        subcommands = {RunCommand.class, ResumeCommand.class, EvalCommand.class, PlotCommand.class, ListCommand.class,
            SurveyCommand.class, BenchCommand.class, GymCommand.class, CommandLine.HelpCommand.class})
public final class MetaRl4jCli implements Runnable {

    /**
     * Exit code for invalid arguments or configuration (picocli's usage-error code), and for a gym server that
     * cannot be reached or answers wrongly.
     */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code when training stopped on a non-finite loss, gradient or parameter. */
    public static final int EXIT_DIVERGED = 3;
    private static volatile List<String> arguments = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line of this process, for provenance.json. */
    static List<String> commandLine() {
        return arguments;
    }

    public static void main(String[] args) {
        System.exit(selectBlasKernels() ? execute(args) : EXIT_BAD_INPUT);
    }

    /**
     * Picks OpenBLAS's kernels for this CPU ({@link BlasKernels}); must run before anything loads ND4J, so only the
     * process entry points call it ({@link #main}, the experiment classes), not {@link #execute}.
     *
     * @return false (after printing why) for an invalid {@code -Dmetarl4j.blasKernels}
     */
    public static boolean selectBlasKernels() {
        try {
            BlasKernels.selectBeforeNd4jLoads();
            return true;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return false;
        }
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int execute(String... args) {
        arguments = List.of(args);
        CommandLine cli = new CommandLine(new MetaRl4jCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (e instanceof GymException) { // the gym server of a run: unreachable, failing or not gym-http-api
                commandLine.getErr().println("error: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (e instanceof TrainingDivergedException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return EXIT_DIVERGED;
            }
            commandLine.getErr().println("error: " + e);
            return 1;
        });
        return cli.execute(args);
    }
}

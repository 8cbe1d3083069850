package org.metarl4j.experiments.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gym ...}: OpenAI's gym-http-api protocol. A plain container of subcommands ({@code serve}; more can be added
 * to the list), so it only prints its usage when called alone.
 */
@Command(name = "gym", mixinStandardHelpOptions = true,
        description = "OpenAI gym-http-api: serve our envs and tasks to clients in other languages.",
        subcommands = {GymServeCommand.class})
final class GymCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

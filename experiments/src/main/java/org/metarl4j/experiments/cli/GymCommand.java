package org.metarl4j.experiments.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gym ...}: OpenAI's gym-http-api protocol. A plain container of subcommands ({@code serve}, {@code check};
 * more can be added to the list), so it only prints its usage when called alone.
 */
@Command(name = "gym", mixinStandardHelpOptions = true,
        description = {"OpenAI gym-http-api: serve our envs and tasks to clients in other languages, or check a",
            "server (ours or upstream's) before training on it (family gym in a config)."},
        subcommands = {GymServeCommand.class, GymCheckCommand.class})
final class GymCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

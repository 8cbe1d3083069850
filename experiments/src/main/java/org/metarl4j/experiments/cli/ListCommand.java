package org.metarl4j.experiments.cli;

import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the registered task families.")
final class ListCommand implements Runnable {

    @Override
    public void run() {
        for (EnvFamily<?> family : EnvFamilies.all()) {
            System.out.printf("%-24s %-26s %s%n", family.name(), family.envId(), family.reference());
        }
    }
}

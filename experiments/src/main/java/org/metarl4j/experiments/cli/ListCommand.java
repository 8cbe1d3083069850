package org.metarl4j.experiments.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.gym.GymFamilies;
import org.metarl4j.experiments.config.ExperimentConfig;
import org.metarl4j.experiments.config.Presets;
import org.metarl4j.experiments.config.Rl2Core;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the experiment presets, task families and agents.")
final class ListCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Presets (run <preset>):");
        for (String preset : Presets.NAMES) {
            System.out.printf("  %-24s %s%n", preset, Presets.description(preset));
        }
        System.out.println("Task families (maml.family, rl2.family):");
        for (EnvFamily<?> family : java.util.stream.Stream.concat(EnvFamilies.all().stream(),
                EnvFamilies.variants().stream()).toList()) {
            System.out.printf("  %-24s %-26s %s%n", family.name(), family.envId(), family.reference());
        }
        System.out.printf("  %-24s %-26s %s%n", GymFamilies.NAME, "(envIds of the gym: section)",
                "the envs of a gym-http-api server (`gym check` tests one; configs give url, envIds, maxEpisodeSteps)");
        System.out.println("Agents (agent): " + String.join(", ", ExperimentConfig.AGENTS)
                + "; MAML outer optimisers (maml.outer): trpo, ppo, reptile; RL² cores (rl2.core): "
                + Arrays.stream(Rl2Core.values()).map(Rl2Core::toString).collect(Collectors.joining(", ")));
    }
}

package org.metarl4j.experiments.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The experiment presets shipped in the jar ({@code presets/<name>.yaml}): every paper experiment this project
 * reproduces, plus the short default run of the README's main command.
 */
public final class Presets {
    /** The README's main job: MAML-TRPO on 2D navigation, 50 iterations. */
    public static final String DEFAULT = "maml-navigation2d-short";

    /** Every preset, in the order {@code list} shows them. */
    public static final List<String> NAMES = List.of(DEFAULT, "maml-navigation2d", "maml-bandit-k5-n10",
            "maml-tabular-mdp-n10", "rl2-bandit-n10-k5", "rl2-bandit-n10-k10", "rl2-bandit-n100-k5",
            "rl2-bandit-n100-k10", "rl2-tabular-n10", "rl2-tabular-n25", "rl2-navigation2d", "maml-grasp-lift",
            "maml-cheetah-vel", "rl2-grasp-lift", "rl2-cheetah-vel", "maml-reach3d", "rl2-reach3d");

    private Presets() {
    }

    public static boolean exists(String name) {
        return NAMES.contains(name);
    }

    /** The preset's YAML text. */
    public static String yaml(String name) {
        if (!exists(name)) {
            throw new ConfigException("no preset named '" + name + "'; presets: " + String.join(", ", NAMES));
        }
        try (InputStream in = Presets.class.getResourceAsStream("/presets/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("preset " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The preset's one-line description: its first comment line. */
    public static String description(String name) {
        return yaml(name).lines().filter(l -> l.startsWith("#")).findFirst().map(l -> l.substring(1).trim())
                .orElse("");
    }
}
